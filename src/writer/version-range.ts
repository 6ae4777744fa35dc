// Semver ranges as package.json writes them, as far as merging and detection need them.

export type Version = [number, number, number];

/** The lowest version a range admits (`^1.2.3`, `~1.2`, `>=1`, `1.2.x`), or undefined. */
export function minVersion(range: string): Version | undefined {
  const r = range.trim();
  if (/^(workspace|file|link|git|github|http|https|npm|portal|patch):|\|\||\s-\s|^[*x]$|^latest$|</.test(r)) return undefined;
  const m = /^(?:\^|~|>=|=|v)?\s*(\d+)(?:\.(\d+|[x*]))?(?:\.(\d+|[x*]))?(?:-[\w.]+)?$/.exec(r);
  if (!m) return undefined;
  const part = (s: string | undefined) => (s === undefined || s === 'x' || s === '*' ? 0 : Number(s));
  return [Number(m[1]), part(m[2]), part(m[3])];
}

export function compareVersions(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return 0;
}

/** Whether `range` admits `version` (`^`, `~`, `>=`, exact, `x` ranges; else false). */
export function admits(range: string, version: Version): boolean {
  const min = minVersion(range);
  if (!min || compareVersions(version, min) < 0) return false;
  const r = range.trim();
  if (r.startsWith('>=')) return true;
  if (r.startsWith('^')) return min[0] > 0 ? version[0] === min[0] : min[1] > 0 ? version[0] === 0 && version[1] === min[1] : compareVersions(version, min) === 0;
  const parts = r.replace(/^[~=v]/, '').split('.');
  const fixed = r.startsWith('~') ? Math.max(2, parts.filter((p) => /^\d+$/.test(p)).length - 1) : parts.filter((p) => /^\d+$/.test(p)).length;
  return version.slice(0, Math.min(fixed, 3)).every((n, i) => n === min[i]);
}

export function majorOf(range: string): number | undefined {
  return minVersion(range)?.[0];
}
