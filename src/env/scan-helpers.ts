// Env helpers across files, resolved once every file has been scanned:
// each file told what env helpers it exports and which imported functions it calls
// (HelperLinks); a call of an exported helper with a literal name is a read of that name.
import type { EnvRead, HelperLinks, ScanProblem } from './scan-types.js';
import { linkAlternatives } from './scan-alternatives.js';

export interface FileLinks {
  file: string;
  links: HelperLinks;
}

/** The helper keys the files export (re-exports followed), with the argument that names the variable. */
export function exportedHelpers(all: readonly FileLinks[]): Map<string, number> {
  const helpers = new Map<string, number>();
  for (const { links } of all) for (const e of links.exports) if (!helpers.has(e.key)) helpers.set(e.key, e.index);
  const reExports = all.flatMap(({ links }) => links.reExports);
  const forwarding = all.flatMap(({ links }) => links.calls.filter((c) => c.forwards));
  for (let changed = reExports.length > 0 || forwarding.length > 0; changed; ) {
    changed = false;
    for (const r of reExports) {
      const index = helpers.get(r.from);
      if (index !== undefined && !helpers.has(r.to)) {
        helpers.set(r.to, index);
        changed = true;
      }
    }
    for (const call of forwarding) {
      const index = helpers.get(call.key);
      for (const f of call.forwards ?? []) {
        if (index === f.argument && !helpers.has(f.key)) {
          helpers.set(f.key, f.index);
          changed = true;
        }
      }
    }
  }
  return helpers;
}

/**
 * A call of one of the helpers by name (`env(`, `requireEnv (`): the cheap test a file that was
 * not parsed (no `process.env`, no `os.environ`) must pass before it is, for its helper calls.
 * A default import can have any local name, so a default-exported helper matches any call.
 */
export function helperCallPattern(helpers: ReadonlyMap<string, number>): RegExp {
  const keys = [...helpers.keys()];
  if (keys.some((k) => k.startsWith('js:default:'))) return /\(/;
  const words = [...new Set(keys.map((key) => key.slice(key.lastIndexOf(':') + 1)))];
  return new RegExp(`\\b(?:${words.map((w) => w.replace(/[$]/g, '\\$')).join('|')})\\s*\\(`);
}

export function resolveHelperCalls(all: readonly FileLinks[], helpers: ReadonlyMap<string, number>, reads: EnvRead[], problems: ScanProblem[]): void {
  if (helpers.size === 0) return;
  const called = new Set<string>();
  for (const { file, links } of all) {
    /** Reads of calls in one fallback chain (`env('A') || env('B')`), by the chain's number. */
    const chains = new Map<number, EnvRead[]>();
    for (const call of links.calls) {
      const index = helpers.get(call.key);
      if (index === undefined) continue;
      called.add(call.key);
      const names = call.args[index];
      if (names) {
        for (const name of names) {
          const read: EnvRead = { name, file, line: call.line, kind: 'helper' };
          reads.push(read);
          if (call.chain !== undefined) chains.set(call.chain, [...(chains.get(call.chain) ?? []), read]);
        }
      } else if (!call.forwards?.some((f) => f.argument === index)) problems.push({ kind: 'dynamic', file, line: call.line });
    }
    for (const chainReads of chains.values()) linkAlternatives(chainReads);
  }
  // A helper nobody calls, here or elsewhere (under any name it is exported as): what it
  // reads cannot be known.
  const reExported = new Map<string, string[]>();
  for (const { links } of all) for (const r of links.reExports) reExported.set(r.from, [...(reExported.get(r.from) ?? []), r.to]);
  const isCalled = (key: string, seen = new Set<string>()): boolean => {
    if (called.has(key)) return true;
    seen.add(key);
    return (reExported.get(key) ?? []).some((k) => !seen.has(k) && isCalled(k, seen));
  };
  for (const { file, links } of all) {
    const byLine = new Map<number, boolean>();
    for (const e of links.exports) byLine.set(e.line, (byLine.get(e.line) ?? false) || e.calledHere || isCalled(e.key));
    for (const [line, used] of byLine) if (!used) problems.push({ kind: 'dynamic', file, line });
  }
}
