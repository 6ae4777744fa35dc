// The scan's problems as findings, and which env file each read belongs to.
import { finding, type Finding } from './findings.js';
import type { EnvFileUnit } from './registry.js';
import type { ScanProblem } from './scan-types.js';

export function scanFindings(problems: readonly ScanProblem[]): Finding[] {
  const findings: Finding[] = [];
  for (const p of problems) {
    if (p.kind === 'skipped') findings.push(finding('scan-skipped', `skipped: ${p.message ?? 'unreadable'}`, { file: p.file }));
    else if (p.kind === 'nested') findings.push(finding('nested-project', `not scanned: ${p.message ?? 'a nested project'}`, { file: p.file }));
    else if (p.kind === 'parse-error') findings.push(finding('scan-parse-error', `could not parse (${p.message ?? 'syntax error'}); env reads in this file may be missed`, { file: p.file, line: p.line }));
  }
  const dynamicSeen = new Set<string>();
  for (const p of problems) {
    if (p.kind !== 'dynamic') continue;
    const key = `${p.file}:${p.line}`;
    if (dynamicSeen.has(key)) continue;
    dynamicSeen.add(key);
    findings.push(finding('dynamic-env-key', 'env variable read with a computed name: it cannot be checked', { file: p.file, line: p.line }));
  }
  return findings;
}

/** The env file whose directory holds `file` most closely (code under backend/ reads backend/.env). */
export function unitOf(units: readonly EnvFileUnit[], file: string): EnvFileUnit {
  let best = units[0] as EnvFileUnit;
  for (const u of units) {
    if (u.dir !== '' && file.startsWith(`${u.dir}/`) && u.dir.length > best.dir.length) best = u;
  }
  return best;
}
