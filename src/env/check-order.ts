// The final list: each finding once, by file, line, rule and variable.
import type { Finding } from './findings.js';

/** With --from-process one environment serves every env file: report a problem once. */
export function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = JSON.stringify([f.rule, f.variable, f.file, f.line, f.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function compareFindings(a: Finding, b: Finding): number {
  const fa = a.file ?? '';
  const fb = b.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  if ((a.line ?? 0) !== (b.line ?? 0)) return (a.line ?? 0) - (b.line ?? 0);
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  return (a.variable ?? '') < (b.variable ?? '') ? -1 : (a.variable ?? '') > (b.variable ?? '') ? 1 : 0;
}
