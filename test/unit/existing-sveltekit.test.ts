// Adding Better Auth + JWT to existing SvelteKit apps made by the real starter (`sv create
// --template minimal`, TypeScript and JSDoc, and one with its own hooks.server.ts): what is
// detected, that nothing of the app is overwritten and no second config appears, the exact
// lines printed for the app's own files, the git safety check, and a re-run changing nothing.
// Compiling, building and the browser flow: test/typecheck/existing-sveltekit.test.ts and
// test/e2e/existing-sveltekit.test.ts.
import { execa } from 'execa';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectTarget } from '../../src/detect/project.js';
import { findKitAlias } from '../../src/existing-app/sveltekit.js';
import { MANIFEST_FILE, type Manifest } from '../../src/plan/manifest.js';
import { createSvelteKitApp, OWN_HOOKS, printedLines, runCli } from '../helpers/existing-sveltekit.js';
import { REPO_ROOT } from '../helpers/deps-cache.js';
import { fileTree } from '../helpers/tree.js';

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');
const tree = (dir: string) => fileTree(dir, { skip: ['.git', 'node_modules'] });

let ts: string;
let jsdoc: string;
let hooks: string;

beforeAll(async () => {
  await execa('node', ['scripts/build.mjs'], { cwd: REPO_ROOT });
  [ts, jsdoc, hooks] = await Promise.all([createSvelteKitApp('ts'), createSvelteKitApp('jsdoc'), createSvelteKitApp('own-hooks')]);
}, 300_000);

describe('detection', () => {
  it('finds the version, layout, language, config file, adapter and hooks of each starter app', () => {
    const layout = { srcDir: true, alias: '$', proxyFile: 'proxy' };
    expect(inspectTarget(ts)).toMatchObject({
      kind: 'app',
      app: { framework: 'sveltekit', version: '^2.63.0', major: 2, versionSource: 'package.json', layout, language: 'TypeScript', details: ['config in vite.config.ts', 'adapter-auto', 'no hooks file'] },
    });
    expect(inspectTarget(jsdoc)).toMatchObject({ kind: 'app', app: { layout, language: 'JSDoc', details: ['config in vite.config.js', 'adapter-auto', 'no hooks file'] } });
    expect(inspectTarget(hooks)).toMatchObject({ kind: 'app', app: { details: ['config in vite.config.ts', 'adapter-auto', 'hooks in src/hooks.server.ts (yours)'] } });
  });

  it("uses a kit.alias that names the project root or src/, and SvelteKit's $lib otherwise", () => {
    expect(findKitAlias("kit: { adapter: adapter(), alias: { '@': '.' } }")).toEqual({ name: '@', srcDir: false });
    expect(findKitAlias("alias: { '~': './src/', $components: 'src/components' }")).toEqual({ name: '~', srcDir: true });
    expect(findKitAlias("alias: { $components: 'src/components' }")).toBeUndefined();
    expect(findKitAlias('export default defineConfig({ plugins: [sveltekit()] })')).toBeUndefined();
  });
});

describe('adding to a `sv create` minimal app', () => {
  it('reports what it found, adds new files under src/lib and src/routes, overwrites nothing and adds no second config', async () => {
    const before = Object.fromEntries(['vite.config.ts', 'tsconfig.json', 'src/app.html', 'src/app.d.ts', 'src/routes/+layout.svelte', 'src/routes/+page.svelte', '.npmrc'].map((f) => [f, read(ts, f)]));
    const r = await runCli(['.', '--yes', '--no-install'], ts);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'Found SvelteKit ^2.63.0 (from package.json; not installed), imports through $lib (shared modules in src/lib/), TypeScript, config in vite.config.ts, adapter-auto, no hooks file, no lockfile.',
    );
    for (const [file, text] of Object.entries(before)) expect(read(ts, file), file).toBe(text);
    // The app's config stays the only one; its favicon stays its own.
    expect(existsSync(join(ts, 'svelte.config.js'))).toBe(false);
    expect(existsSync(join(ts, 'static/favicon.svg'))).toBe(false);
    expect(read(ts, 'src/hooks.server.ts')).toContain("import { authConfig } from '$lib/auth-config';");
    expect(read(ts, 'src/routes/login/+page.svelte')).toContain("import { signIn } from '$lib/auth-client';");
    expect(read(ts, 'scripts/migrate.ts')).toContain("import('../src/lib/auth')");
    expect(existsSync(join(ts, 'lib'))).toBe(false);

    expect(printedLines(r.stdout, 'vite.config.ts')).toEqual([
      '// in the config object: BETTER_AUTH_URL and ORIGIN in .env say port 3000',
      'server: { port: 3000, strictPort: true },',
      'preview: { port: 3000, strictPort: true },',
      '',
      '// `npm start` (scripts/start.js) runs the adapter-node server in build/: in place of your adapter import',
      "import adapter from '@sveltejs/adapter-node';",
    ]);
    expect(r.stdout).toContain("  - src/routes/+layout.svelte is yours, so it was left as it is (optional: the sign-in pages' styles are in src/app.css):\n\n      import '../app.css';   // in its <script>\n");
    expect(r.stdout).toContain('  - tsconfig.json is yours and already has what the generated code needs.\n');

    const pkg = JSON.parse(read(ts, 'package.json')) as { name: string; scripts: Record<string, string>; dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(pkg.name).toBe('sk-ts');
    expect(pkg.dependencies).toMatchObject({ 'better-auth': '1.7.25', jose: '6.2.18' });
    // Never downgraded: the starter's newer or ranged versions stay, and it is said.
    expect(pkg.devDependencies).toMatchObject({ typescript: '^6.0.3', '@sveltejs/kit': '^2.63.0', '@sveltejs/adapter-auto': '^7.0.1', '@sveltejs/adapter-node': '5.5.7' });
    expect(r.stdout).toContain('kept your newer typescript ^6.0.3 in package.json; the generated code was tested with 5.9.3');
    expect(pkg.scripts).toMatchObject({ dev: 'vite dev', check: 'svelte-kit sync && svelte-check --tsconfig ./tsconfig.json', 'db:migrate': 'tsx scripts/migrate.ts' });

    const manifest = JSON.parse(read(ts, MANIFEST_FILE)) as Manifest;
    expect(manifest.layout).toEqual({ srcDir: true, alias: '$', proxyFile: 'proxy' });
    expect(manifest.skipped).toEqual(['src/app.d.ts', 'src/app.html', 'src/routes/+layout.svelte', 'src/routes/+page.svelte', 'tsconfig.json', 'vite.config.ts']);

    // A re-run (a project of ours now) writes nothing, and still adds no svelte.config.js.
    const after = tree(ts);
    const again = await runCli(['.', '--no-install'], ts);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(tree(ts)).toEqual(after);
  });

  it('prints the sequence() lines for an app with its own handle, importing nothing it already imports', async () => {
    const r = await runCli(['.', '--yes', '--no-install'], hooks);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(read(hooks, 'src/hooks.server.ts')).toBe(OWN_HOOKS);
    const lines = printedLines(r.stdout, 'src/hooks.server.ts');
    expect(lines.slice(0, 6)).toEqual([
      "import { sequence } from '@sveltejs/kit/hooks';",
      "import { building } from '$app/environment';",
      "import type { ServerInit } from '@sveltejs/kit';",
      "import { svelteKitHandler } from 'better-auth/svelte-kit';",
      "import { getAuth } from '$lib/server/auth';",
      "import { authConfig } from '$lib/auth-config';",
    ]);
    expect(lines).toContain('const authHandle: Handle = async ({ event, resolve }) => {');
    expect(lines.slice(-6)).toEqual([
      '// rename your `export const handle` to `const appHandle`, then export both, ours first:',
      'export const handle = sequence(authHandle, appHandle);',
      '',
      'export const init: ServerInit = async () => {',
      '  if (!building) await getAuth();',
      '};',
    ]);
  });

  it('a JSDoc app gets a tsconfig.json beside its jsconfig.json, and is told so', async () => {
    const r = await runCli(['.', '--yes', '--no-install'], jsdoc);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: the app uses JSDoc (jsconfig.json); the generated code is TypeScript, so a tsconfig.json is added for it (SvelteKit compiles both)');
    expect(read(jsdoc, 'tsconfig.json')).toContain('"extends": "./.svelte-kit/tsconfig.json"');
    expect(printedLines(r.stdout, 'vite.config.js')).toContain("import adapter from '@sveltejs/adapter-node';");
  });

  it('refuses a dirty git tree without --force, and another --framework, in one line', async () => {
    const dir = await createSvelteKitApp('ts', 'sk-dirty');
    writeFileSync(join(dir, 'src/routes/+page.svelte'), '<h1>edited</h1>\n');
    const before = tree(dir);
    const r = await runCli(['.', '--yes', '--no-install'], dir);
    expect(r.exitCode).toBe(1);
    expect(r.stderr.trim()).toBe(`error: ${dir} has uncommitted changes (1 path, e.g. src/routes/+page.svelte); commit or stash them first so that you can review and undo what this adds with git, or pass --force`);
    expect(tree(dir)).toEqual(before);
    const other = await runCli(['.', '--yes', '--no-install', '--framework', 'next', '--force'], dir);
    expect(other.exitCode).toBe(2);
    expect(other.stderr.trim()).toBe(`error: ${dir} is a SvelteKit app: Better Auth + JWT is added to it with --framework sveltekit; --framework next makes a new project, so choose an empty directory for it`);
    expect(tree(dir)).toEqual(before);
  });
});
