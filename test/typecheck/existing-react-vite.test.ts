// Right after `--cwd` in a create-vite react-ts app, with nothing applied by hand, the app still
// installs (the deps cache hard-linked in), passes its own `npm run build` (`tsc -b && vite build`,
// which type-checks src/ with create-vite's settings: strict mode off) and `check env`. After the
// printed lines (the Root switch in src/main.tsx, "strict": true in tsconfig.app.json, which
// Better Auth's types need) the same build passes with the sign-in pages wired in.
// The same for an app that routes with react-router's createBrowserRouter (react-router is in the
// deps cache for it), its printed routes pasted into its routes array.
// In both, the `typecheck` script we add checks what we added (auth-ui/, lib/, server/, scripts/)
// in strict mode: create-vite's tsconfig.json lists no files, so `tsc --noEmit` would check nothing.
import { execa } from 'execa';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyDepsCache } from '../helpers/e2e-project.js';
import { REPO_ROOT } from '../helpers/deps-cache.js';
import { applyMainLines, applyRouteLines, applyStrictLine, createReactViteApp, type ReactViteFixture } from '../helpers/existing-react-vite.js';
import { BIN, printedLines, runCli } from '../helpers/existing-sveltekit.js';

const run = (dir: string, command: string, args: string[]) => execa(command, args, { cwd: dir, reject: false, all: true, timeout: 5 * 60_000, env: { CI: '1', NO_COLOR: '1' } });
const node = (dir: string, args: string[]) => run(dir, process.execPath, args);
/** `tsc -b` from scratch (no build info reused), its diagnostics as lines. */
const typeErrors = async (dir: string) => {
  const r = await node(dir, ['node_modules/typescript/bin/tsc', '-b', '--force']);
  return (r.all ?? '').split('\n').filter((l) => /error TS\d+/.test(l));
};

beforeAll(async () => {
  await execa('node', ['scripts/build.mjs'], { cwd: REPO_ROOT });
}, 5 * 60_000);

/** The printed src/main.tsx lines applied as a user would paste them, per fixture. */
const WIRE_IN: Record<ReactViteFixture, (dir: string, lines: string[]) => void> = { 'react-ts': applyMainLines, 'react-router': applyRouteLines };

describe.each(['react-ts', 'react-router'] as const)('a create-vite %s app', (kind) => {
  let dir: string;
  let stdout: string;

  it("passes its own `npm run build` (tsc -b && vite build) and check env right after the command, with nothing applied by hand", async () => {
    dir = await createReactViteApp(kind);
    const r = await runCli(['.', '--yes', '--no-install'], dir);
    expect(r.exitCode, r.stderr).toBe(0);
    stdout = r.stdout;
    await copyDepsCache({ root: dir, dir, log: [] });

    const built = await run(dir, 'npm', ['run', 'build']);
    expect(built.exitCode, built.all).toBe(0);
    const env = await node(dir, [BIN, 'check', 'env']);
    expect(env.exitCode, env.all).toBe(0);
    // The auth server, lib/ and scripts/ (outside create-vite's tsconfig projects), strictly.
    const server = await node(dir, ['node_modules/typescript/bin/tsc', '--noEmit', '--strict', '--skipLibCheck', '--module', 'esnext', '--moduleResolution', 'bundler', '--target', 'es2022', '--types', 'node', 'server/index.ts', 'scripts/migrate.ts']);
    expect(server.exitCode, server.all).toBe(0);
  }, 10 * 60_000);

  it('gets a `typecheck` script that checks the code we added in strict mode: passes right after the command, fails on a type error in any of it', async () => {
    const checked = await run(dir, 'npm', ['run', 'typecheck']);
    expect(checked.exitCode, checked.all).toBe(0);
    // An implicit any: an error only in strict mode, whatever the app's own tsconfig says.
    for (const file of ['auth-ui/pages/LoginPage.tsx', 'lib/auth.ts', 'server/index.ts', 'scripts/migrate.ts']) {
      const text = readFileSync(join(dir, file), 'utf8');
      writeFileSync(join(dir, file), `${text}\nexport function untyped(value) {\n  return value;\n}\n`);
      const broken = await run(dir, 'npm', ['run', 'typecheck']);
      writeFileSync(join(dir, file), text);
      expect(broken.exitCode, `${file}: ${broken.all}`).not.toBe(0);
      expect(broken.all, file).toContain(`${file}(`);
    }
  }, 10 * 60_000);

  it('passes the same build with the sign-in pages wired in by the printed lines', async () => {
    applyStrictLine(dir, printedLines(stdout, 'tsconfig.json'));
    WIRE_IN[kind](dir, printedLines(stdout, 'src/main.tsx'));
    expect(await typeErrors(dir)).toEqual([]);
    const built = await run(dir, 'npm', ['run', 'build']);
    expect(built.exitCode, built.all).toBe(0);
  }, 10 * 60_000);
});
