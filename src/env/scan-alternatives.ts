// Fallback chains (`env.A ?? env.B`, `env('A') || env('B')`): the names in one chain stand in
// for each other, so each read lists the others as its alternatives. Shared by the JS scanner
// (same-file reads) and scan-helpers.ts (calls of helpers other files export).
import type { EnvRead } from './scan-types.js';

/** Each read of the chain names the chain's other names as its alternatives. */
export function linkAlternatives(chainReads: readonly EnvRead[]): void {
  if (chainReads.length < 2) return;
  for (const read of chainReads) {
    const others = chainReads.filter((r) => r.name !== read.name).map((r) => r.name);
    if (others.length) read.alternatives = [...new Set([...(read.alternatives ?? []), ...others])];
  }
}
