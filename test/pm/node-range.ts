// A small semver range check for `engines.node` values ("^18.17.0 || >=20.5.0",
// ">=20.19 <21 || >=22.12", "20.x", "18 - 22"): enough to ask "does this range admit Node
// 20.12.0?" without adding the semver package. Prereleases are ignored (engines never use them).

type Version = [number, number, number];

function parse(text: string): { version: Version; parts: number } | undefined {
  const m = /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:-[\w.]+)?$/.exec(text.trim());
  if (!m) return undefined;
  const nums = [m[1], m[2], m[3]].map((p) => (p === undefined || /[xX*]/.test(p) ? undefined : Number(p)));
  const parts = nums.findIndex((n) => n === undefined);
  return { version: nums.map((n) => n ?? 0) as Version, parts: parts === -1 ? 3 : parts };
}

function compare(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return 0;
}

/** The upper bound (exclusive) of a partial version: `20` → 21.0.0, `20.5` → 20.6.0. */
function bump(v: Version, parts: number): Version {
  if (parts === 0) return [Infinity, 0, 0];
  if (parts === 1) return [v[0] + 1, 0, 0];
  return [v[0], v[1] + 1, 0];
}

type Test = (v: Version) => boolean;

function comparator(token: string): Test {
  const m = /^(<=|>=|<|>|=|\^|~)?\s*(.+)$/.exec(token);
  if (!m) throw new Error(`unreadable range part "${token}"`);
  const op = m[1] ?? '';
  const parsed = parse(m[2] as string);
  if (!parsed) throw new Error(`unreadable version "${m[2]}"`);
  const { version: lo, parts } = parsed;
  switch (op) {
    case '>=':
      return (v) => compare(v, lo) >= 0;
    case '>':
      return parts === 3 ? (v) => compare(v, lo) > 0 : (v) => compare(v, bump(lo, parts)) >= 0;
    case '<':
      return (v) => compare(v, lo) < 0;
    case '<=':
      return parts === 3 ? (v) => compare(v, lo) <= 0 : (v) => compare(v, bump(lo, parts)) < 0;
    case '^': {
      const hi: Version = lo[0] > 0 || parts < 2 ? [lo[0] + 1, 0, 0] : lo[1] > 0 || parts < 3 ? [0, lo[1] + 1, 0] : [0, 0, lo[2] + 1];
      return (v) => compare(v, lo) >= 0 && compare(v, hi) < 0;
    }
    case '~': {
      const hi = bump(lo, Math.min(parts, 2));
      return (v) => compare(v, lo) >= 0 && compare(v, hi) < 0;
    }
    default: {
      const hi = bump(lo, parts);
      return parts === 3 ? (v) => compare(v, lo) === 0 : (v) => compare(v, lo) >= 0 && compare(v, hi) < 0;
    }
  }
}

/** Whether the range admits `version` ("20.12.0"). Throws on a range it cannot read. */
export function rangeAdmits(range: string, version: string): boolean {
  const v = parse(version)?.version;
  if (!v) throw new Error(`unreadable version "${version}"`);
  return range.split('||').some((alternative) => {
    const set = alternative.trim();
    if (set === '' || set === '*' || /^[xX]$/.test(set)) return true;
    const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(set);
    if (hyphen) return comparator(`>=${hyphen[1]}`)(v) && comparator(`<=${hyphen[2]}`)(v);
    // ">= 20" is one comparator: glue an operator to its version before splitting on spaces.
    const tokens = set.replace(/(<=|>=|<|>|=|\^|~)\s+/g, '$1').split(/\s+/);
    return tokens.every((token) => comparator(token)(v));
  });
}

/** The lowest version a `>=x.y.z` engines declaration admits ("20.12.0"), as the project states it. */
export function declaredMinimum(engines: string): string {
  const m = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(engines.trim());
  if (!m) throw new Error(`expected a ">=x.y" engines.node, got "${engines}"`);
  return `${m[1]}.${m[2] ?? 0}.${m[3] ?? 0}`;
}
