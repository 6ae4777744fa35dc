// Renders findings as text, JSON or GitHub workflow annotations.
import { maskUrlCredentials, type Finding, type Severity } from './findings.js';

export const FORMATS = ['text', 'json', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  ok: boolean;
}

export function summarise(findings: readonly Finding[], strict: boolean): Summary {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const infos = findings.length - errors - warnings;
  return { errors, warnings, infos, ok: errors === 0 && (!strict || warnings === 0) };
}

function where(f: Finding): string {
  if (!f.file) return '';
  return f.line ? `${f.file}:${f.line}` : f.file;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatText(findings: readonly Finding[], summary: Summary, context: { strict: boolean; color?: boolean }): string {
  const paint = (code: string, s: string) => (context.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const label: Record<Severity, string> = {
    error: paint('31', 'error  '),
    warning: paint('33', 'warning'),
    info: paint('36', 'info   '),
  };
  const lines = findings.map((f) => {
    const loc = where(f);
    return `${label[f.severity]} ${loc ? `${loc}  ` : ''}${f.message}  ${paint('2', `[${f.rule}]`)}`;
  });
  const counts = `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}`;
  const verdict = summary.ok
    ? findings.length === 0
      ? 'check env: all good'
      : `check env: passed with ${counts}`
    : `check env: failed with ${counts}${context.strict && summary.errors === 0 ? ' (--strict: warnings fail)' : ''}`;
  return `${[...lines, ...(lines.length ? [''] : []), verdict].join('\n')}\n`;
}

/** How much of the project was looked at: source files listed, and parsed for env reads. */
export interface FilesSeen {
  listed: number;
  parsed: number;
}

export function formatJson(findings: readonly Finding[], summary: Summary, files?: FilesSeen): string {
  const counts = { errors: summary.errors, warnings: summary.warnings, infos: summary.infos };
  return `${JSON.stringify({ version: 1, ok: summary.ok, summary: counts, ...(files ? { files } : {}), findings }, null, 2)}\n`;
}

/** GitHub escapes: data needs %, CR, LF; properties additionally ":" and ",". */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(findings: readonly Finding[], summary: Summary): string {
  const command: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };
  const lines = findings.map((f) => {
    const props: string[] = [];
    if (f.file) props.push(`file=${escapeProperty(f.file)}`);
    if (f.file && f.line) props.push(`line=${f.line}`);
    props.push(`title=${escapeProperty(`check env: ${f.rule}${f.variable ? ` ${f.variable}` : ''}`)}`);
    return `::${command[f.severity]} ${props.join(',')}::${escapeData(f.message)}`;
  });
  lines.push(`check env: ${summary.ok ? 'passed' : 'failed'} with ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}`);
  return `${lines.join('\n')}\n`;
}

/** A last guard in every format: a URL password that reached a message is masked here. */
function withUrlPasswordsMasked(findings: readonly Finding[]): Finding[] {
  return findings.map((f) => {
    const message = maskUrlCredentials(f.message);
    return message === f.message ? f : { ...f, message };
  });
}

export function formatFindings(format: Format, findings: readonly Finding[], summary: Summary, context: { strict: boolean; color?: boolean; files?: FilesSeen }): string {
  const safe = withUrlPasswordsMasked(findings);
  if (format === 'json') return formatJson(safe, summary, context.files);
  if (format === 'github') return formatGithub(safe, summary);
  return formatText(safe, summary, context);
}
