// Renderings of the env registry: `.env.example`, a fresh `.env`, and the README table.
// The scaffolder, `gen env` and `check env` all use these, so the three can never disagree.
import type { EnvVar } from './types.js';

export const DEFAULT_ENV_FILE = '.env';

export const ENV_TABLE_START = '<!-- env-table:start -->';
export const ENV_TABLE_END = '<!-- env-table:end -->';

export function envFileOf(v: EnvVar): string {
  return v.file ?? DEFAULT_ENV_FILE;
}

/** What identifies a variable: its env file and its name (one name may live in two files). */
export function envVarKey(v: Pick<EnvVar, 'name' | 'file'>): string {
  return `${v.file ?? DEFAULT_ENV_FILE}\0${v.name}`;
}

/** Variables per env file, root `.env` first, files in first-declared order. */
export function varsByFile(vars: readonly EnvVar[]): Map<string, EnvVar[]> {
  const files = new Map<string, EnvVar[]>([[DEFAULT_ENV_FILE, []]]);
  for (const v of vars) {
    const list = files.get(envFileOf(v)) ?? [];
    list.push(v);
    files.set(envFileOf(v), list);
  }
  return files;
}

function groupsOf(vars: readonly EnvVar[]): Map<string, EnvVar[]> {
  const groups = new Map<string, EnvVar[]>();
  for (const v of vars) {
    const list = groups.get(v.group) ?? [];
    list.push(v);
    groups.set(v.group, list);
  }
  return groups;
}

/** Quote a value only when dotenv would otherwise change it. */
export function formatEnvValue(value: string): string {
  if (value === '') return '';
  if (/^[\w./:@+,=-]+$/.test(value) && !value.includes('#')) return value;
  return JSON.stringify(value);
}

export function commentLines(v: EnvVar): string[] {
  const lines = [`# ${v.description} (${v.required ? 'required' : 'optional'})`];
  if (v.note) lines.push(...v.note.split('\n').map((line) => `# ${line}`));
  return lines;
}

/**
 * `.env.example`: grouped, commented, examples only. Examples are non-sensitive by
 * construction (a generated secret has an empty example), so this file is safe to commit.
 */
export function renderEnvExample(vars: readonly EnvVar[]): string {
  const out = [
    '# Environment variables for this project.',
    '# Copy to .env and fill in. Regenerate this file with: npx create-better-auth-jwt gen env',
  ];
  for (const [group, list] of groupsOf(vars)) {
    out.push('', `# --- ${group} ---`);
    for (const v of list) {
      out.push(...commentLines(v));
      out.push(`${v.name}=${formatEnvValue(v.generate ? '' : v.example)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/**
 * A fresh `.env` with working local defaults. `makeSecret` is injected so that the
 * caller decides where randomness comes from (plans stay pure; tests stay deterministic).
 */
export function renderDotEnv(vars: readonly EnvVar[], makeSecret: () => string): string {
  const out = [
    vars.some((v) => v.secret)
      ? '# Local settings. This file holds secrets: it is git-ignored, never commit it.'
      : '# Local settings for this machine. It is git-ignored; .env.example documents every variable.',
  ];
  for (const [group, list] of groupsOf(vars)) {
    out.push('', `# --- ${group} ---`);
    for (const v of list) {
      const value = v.generate === 'secret' ? makeSecret() : (v.localDefault ?? '');
      out.push(`${v.name}=${formatEnvValue(value)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}

/** Prose in a table cell: `<BETTER_AUTH_URL>` must show, not vanish as an HTML tag. */
function prose(text: string): string {
  return cell(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

/** The README table, markers included. */
export function renderEnvTable(vars: readonly EnvVar[]): string {
  const rows = vars.map((v) => {
    const example = v.generate ? '_(generated into `.env`)_' : v.example ? `\`${v.example}\`` : '';
    const description = v.note ? `${prose(v.description)}<br>${prose(v.note)}` : prose(v.description);
    const where = v.usedBy.join(', ') + (envFileOf(v) === DEFAULT_ENV_FILE ? '' : ` (\`${envFileOf(v)}\`)`);
    return `| \`${v.name}\` | ${v.required ? 'yes' : 'no'} | ${description} | ${cell(example)} | ${where} |`;
  });
  return [
    ENV_TABLE_START,
    '| Variable | Required | Description | Example | Where used |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    ENV_TABLE_END,
  ].join('\n');
}

/**
 * Replace the env table block of a README, leaving every other byte as it was. A README
 * without the block gets an "Environment variables" section appended.
 */
export function replaceEnvTable(readme: string, table: string): string {
  const start = readme.indexOf(ENV_TABLE_START);
  const end = readme.indexOf(ENV_TABLE_END, start);
  if (start !== -1 && end !== -1) {
    return readme.slice(0, start) + table + readme.slice(end + ENV_TABLE_END.length);
  }
  const separator = readme === '' || readme.endsWith('\n\n') ? '' : readme.endsWith('\n') ? '\n' : '\n\n';
  return `${readme}${separator}## Environment variables\n\n${table}\n`;
}
