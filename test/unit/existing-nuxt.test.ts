// Adding Better Auth + JWT to an existing Nuxt 4 app (the minimal starter, written by hand in
// test/fixtures/apps/nuxt4-minimal): what is detected, that nothing of the app is overwritten, and
// the exact lines printed for app.vue (it has no <NuxtPage />) and nuxt.config.ts.
import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectTarget } from '../../src/detect/project.js';
import { MANIFEST_FILE, type Manifest } from '../../src/plan/manifest.js';
import { REPO_ROOT } from '../helpers/deps-cache.js';
import { createNuxtApp, NUXT_FIXTURE } from '../helpers/existing-nuxt.js';
import { printedLines, runCli } from '../helpers/existing-sveltekit.js';
import { fileTree } from '../helpers/tree.js';

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');
const tree = (dir: string) => fileTree(dir, { skip: ['.git', 'node_modules'] });

let dir: string;

beforeAll(async () => {
  await execa('node', ['scripts/build.mjs'], { cwd: REPO_ROOT });
  dir = await createNuxtApp();
}, 300_000);

describe('an existing Nuxt 4 minimal app', () => {
  it('is detected with its version, source folder and config', () => {
    expect(inspectTarget(NUXT_FIXTURE)).toMatchObject({
      kind: 'app',
      app: { framework: 'nuxt', version: '4.4.2', major: 4, versionSource: 'package.json', layout: { srcDir: false, alias: '@/' }, language: 'TypeScript', details: ['source in app/', 'config in nuxt.config.ts'] },
    });
  });

  it('gets the pages, server routes and lib/, overwrites nothing, and is told the exact lines for app.vue and nuxt.config.ts', async () => {
    const own = ['app/app.vue', 'nuxt.config.ts', 'tsconfig.json', 'public/robots.txt'];
    const before = Object.fromEntries(own.map((f) => [f, read(dir, f)]));
    const r = await runCli(['.', '--yes', '--no-install'], dir);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain("Found Nuxt 4.4.2 (from package.json; not installed), imports through Nuxt's ~/ (app/) and ~~/ (lib/ at the project root), TypeScript, source in app/, config in nuxt.config.ts, no lockfile.");
    for (const [file, text] of Object.entries(before)) expect(read(dir, file), file).toBe(text);
    expect(read(dir, 'app/pages/login.vue')).toContain("from '~~/lib/auth-client'");
    expect(read(dir, 'server/api/auth/[...all].ts')).toContain('~~/lib/auth');

    expect(r.stdout).toContain(
      '  - app/app.vue is yours, so it was left as it is. It renders no pages yet: for /login, /signup and /dashboard, put in its <template> (in place of <NuxtWelcome />):\n\n      <NuxtPage />\n',
    );
    expect(printedLines(r.stdout, 'nuxt.config.ts')).toEqual(["// the sign-in pages' styles (app/assets/main.css):", "css: ['~/assets/main.css'],"]);
    expect(r.stdout).toContain("  - tsconfig.json is yours and already has what the generated code needs (Nuxt's references).\n");

    const pkg = JSON.parse(read(dir, 'package.json')) as { scripts: Record<string, string>; dependencies: Record<string, string> };
    expect(pkg.dependencies).toMatchObject({ nuxt: '4.4.2', 'better-auth': '1.7.25' });
    expect(pkg.scripts).toMatchObject({ dev: 'nuxt dev', build: 'nuxt build', postinstall: 'nuxt prepare', start: 'node scripts/start.mjs' });
    const manifest = JSON.parse(read(dir, MANIFEST_FILE)) as Manifest;
    expect(manifest.skipped).toEqual(['app/app.vue', 'nuxt.config.ts', 'tsconfig.json']);

    const after = tree(dir);
    const again = await runCli(['.', '--no-install'], dir);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(tree(dir)).toEqual(after);
  });

  it('with a separate API, nuxt.config.ts is told the runtimeConfig for NUXT_PUBLIC_API_URL too', async () => {
    const other = await createNuxtApp('nuxt-separate');
    const r = await runCli(['.', '--yes', '--no-install', '--backend', 'hono', '--storage', 'local'], other);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(printedLines(r.stdout, 'nuxt.config.ts')).toEqual([
      "// the sign-in pages' styles (app/assets/main.css):",
      "css: ['~/assets/main.css'],",
      '',
      '// the API address the pages call, from NUXT_PUBLIC_API_URL at run time:',
      'runtimeConfig: {',
      "  public: { apiUrl: '' },",
      '},',
    ]);
  });
});
