// Packages a package.json script runs without installing them: `npx lingo.dev@latest run`,
// `pnpm dlx`, `bunx`, `yarn dlx`, `pnpx`. Such a CLI reads variables like any dependency does
// (formbricks' apps/web runs the lingo.dev CLI, which reads LINGO_API_KEY), so the library
// table is asked about them too. Tokens split on whitespace: no shell parser needed for this.

/** The name at the start of a package spec, without its version or tag (`@scope/x@1.2` → `@scope/x`). */
const PACKAGE_SPEC = /^((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*)(?:@\S*)?$/i;

/** The index of the first token after a runner at `i` (`npx`, `pnpm dlx`, …), or -1. */
function afterRunner(tokens: readonly string[], i: number): number {
  const t = tokens[i];
  if (t === 'npx' || t === 'pnpx' || t === 'bunx') return i + 1;
  if ((t === 'pnpm' || t === 'yarn') && tokens[i + 1] === 'dlx') return i + 2;
  return -1;
}

/** The packages the scripts run, in order of first appearance. */
export function scriptRunPackages(scripts: unknown): string[] {
  const found = new Set<string>();
  if (typeof scripts !== 'object' || scripts === null) return [];
  for (const command of Object.values(scripts)) {
    if (typeof command !== 'string') continue;
    const tokens = command.split(/[\s;&|()]+/).filter((t) => t !== '');
    for (let i = 0; i < tokens.length; i++) {
      let j = afterRunner(tokens, i);
      if (j === -1) continue;
      while (j < tokens.length && (tokens[j] as string).startsWith('-')) j++; // --yes, -y
      const name = PACKAGE_SPEC.exec(tokens[j] ?? '')?.[1];
      if (name) found.add(name);
    }
  }
  return [...found];
}
