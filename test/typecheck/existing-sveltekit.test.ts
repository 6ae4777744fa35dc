// Right after `--cwd` in an existing SvelteKit app, with nothing applied by hand, the app still
// installs (the deps cache hard-linked in, plus the starter's adapter-auto, which the cache does
// not hold), type-checks (`svelte-kit sync` + strict `svelte-check --fail-on-warnings`), builds
// (`vite build`) and passes `check env`. For the app with its own hooks.server.ts, also after the
// printed sequence() lines are pasted in.
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { copyDepsCache, newProjectDir } from '../helpers/e2e-project.js';
import { addAdapterAuto, applyHooksLines, BIN, createSvelteKitApp, printedLines, runCli, type SvelteKitFixture } from '../helpers/existing-sveltekit.js';
import { svelteCheck, svelteKitSync } from '../helpers/sveltekit-project.js';
import { REPO_ROOT } from '../helpers/deps-cache.js';

async function prepared(kind: SvelteKitFixture): Promise<{ dir: string; stdout: string }> {
  await execa('node', ['scripts/build.mjs'], { cwd: REPO_ROOT });
  const dir = await createSvelteKitApp(kind);
  const r = await runCli(['.', '--yes', '--no-install'], dir);
  if (r.exitCode !== 0) throw new Error(`the CLI failed in ${dir}: ${r.stderr}`);
  await copyDepsCache({ root: dir, dir, log: [] } as ReturnType<typeof newProjectDir>);
  await addAdapterAuto(dir);
  await svelteKitSync(dir);
  return { dir, stdout: r.stdout };
}

async function build(dir: string) {
  return execa(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], { cwd: dir, reject: false, all: true, timeout: 5 * 60_000, env: { CI: '1', NO_COLOR: '1' } });
}

describe.each(['ts', 'jsdoc', 'own-hooks'] as const)('an existing SvelteKit app (%s)', (kind) => {
  it('still type-checks, builds and passes check env right after the command', async () => {
    const { dir, stdout } = await prepared(kind);
    const check = await svelteCheck(dir);
    expect(check.output, check.output).toMatch(/COMPLETED \d+ FILES 0 ERRORS 0 WARNINGS/);
    expect(check.ok).toBe(true);
    const built = await build(dir);
    expect(built.exitCode, built.all).toBe(0);
    const env = await execa('node', [BIN, 'check', 'env'], { cwd: dir, reject: false, all: true });
    expect(env.exitCode, env.all).toBe(0);

    if (kind === 'own-hooks') {
      // After pasting the printed lines: ours first, then the app's handle, still strict-clean.
      applyHooksLines(dir, printedLines(stdout, 'src/hooks.server.ts'));
      const again = await svelteCheck(dir);
      expect(again.ok, again.output).toBe(true);
      const rebuilt = await build(dir);
      expect(rebuilt.exitCode, rebuilt.all).toBe(0);
    }
  }, 10 * 60_000);
});
