// Right after `--cwd` in an existing Nuxt 4 app (the minimal starter), with nothing applied by
// hand, the app still installs (the deps cache hard-linked in), type-checks (`nuxt prepare` +
// `vue-tsc -b --noEmit`, the added `typecheck` script), builds (`nuxt build`) and passes `check env`.
import { execa } from 'execa';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/deps-cache.js';
import { copyDepsCache, type ProjectDir } from '../helpers/e2e-project.js';
import { createNuxtApp } from '../helpers/existing-nuxt.js';
import { BIN, runCli } from '../helpers/existing-sveltekit.js';
import { nuxtEnv } from '../helpers/nuxt-project.js';

const run = (dir: string, args: string[]) => execa(process.execPath, args, { cwd: dir, reject: false, all: true, timeout: 10 * 60_000, env: nuxtEnv(), extendEnv: false });

it('a Nuxt 4 minimal app type-checks, builds and passes check env right after the command', async () => {
  await execa('node', ['scripts/build.mjs'], { cwd: REPO_ROOT });
  const dir = await createNuxtApp();
  const r = await runCli(['.', '--yes', '--no-install'], dir);
  expect(r.exitCode, r.stderr).toBe(0);
  const project: ProjectDir = { root: dir, dir, log: [] };
  await copyDepsCache(project);
  const prepared = await run(dir, ['node_modules/nuxt/bin/nuxt.mjs', 'prepare']);
  expect(prepared.exitCode, prepared.all).toBe(0);
  const checked = await run(dir, ['node_modules/vue-tsc/bin/vue-tsc.js', '-b', '--noEmit']);
  expect(checked.exitCode, checked.all).toBe(0);
  const built = await run(dir, ['node_modules/nuxt/bin/nuxt.mjs', 'build']);
  expect(built.exitCode, built.all).toBe(0);
  const env = await run(dir, [BIN, 'check', 'env']);
  expect(env.exitCode, env.all).toBe(0);
}, 15 * 60_000);
