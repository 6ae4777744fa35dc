// Right after `--cwd` in a create-vite react-ts app, with nothing applied by hand, the app still
// installs (the deps cache hard-linked in), builds with Vite and passes `check env`. Its own
// `npm run build` (`tsc -b && vite build`) type-checks src/, where the new pages are: create-vite 9
// leaves strict mode off and Better Auth's types need it, so that passes once the printed lines
// are in (tsconfig.app.json "strict": true, the Root switch in src/main.tsx).
import { execa } from 'execa';
import { expect, it } from 'vitest';
import { copyDepsCache, type ProjectDir } from '../helpers/e2e-project.js';
import { REPO_ROOT } from '../helpers/deps-cache.js';
import { applyMainLines, applyStrictLine, createReactViteApp } from '../helpers/existing-react-vite.js';
import { BIN, printedLines, runCli } from '../helpers/existing-sveltekit.js';

const run = (dir: string, args: string[]) => execa(process.execPath, args, { cwd: dir, reject: false, all: true, timeout: 5 * 60_000, env: { CI: '1', NO_COLOR: '1' } });

it('a create-vite react-ts app builds and passes check env right after the command, and tsc -b && vite build passes after the printed lines', async () => {
  await execa('node', ['scripts/build.mjs'], { cwd: REPO_ROOT });
  const dir = await createReactViteApp('react-ts');
  const r = await runCli(['.', '--yes', '--no-install'], dir);
  expect(r.exitCode, r.stderr).toBe(0);
  const project: ProjectDir = { root: dir, dir, log: [] };
  await copyDepsCache(project);

  const built = await run(dir, ['node_modules/vite/bin/vite.js', 'build']);
  expect(built.exitCode, built.all).toBe(0);
  const env = await run(dir, [BIN, 'check', 'env']);
  expect(env.exitCode, env.all).toBe(0);
  // The auth server, lib/ and scripts/ (outside create-vite's tsconfig projects), strictly.
  const server = await run(dir, ['node_modules/typescript/bin/tsc', '--noEmit', '--strict', '--skipLibCheck', '--module', 'esnext', '--moduleResolution', 'bundler', '--target', 'es2022', '--types', 'node', 'server/index.ts', 'scripts/migrate.ts']);
  expect(server.exitCode, server.all).toBe(0);

  applyStrictLine(dir, printedLines(r.stdout, 'tsconfig.json'));
  applyMainLines(dir, printedLines(r.stdout, 'src/main.tsx'));
  const checked = await run(dir, ['node_modules/typescript/bin/tsc', '-b']);
  expect(checked.exitCode, checked.all).toBe(0);
  const rebuilt = await run(dir, ['node_modules/vite/bin/vite.js', 'build']);
  expect(rebuilt.exitCode, rebuilt.all).toBe(0);
}, 10 * 60_000);
