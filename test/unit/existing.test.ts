// Adding Better Auth + JWT to Next.js apps that were not made by us (test/fixtures/existing):
// detection, exact merges, nothing of the app's overwritten, instructions for what we could
// not merge, the git safety check, and a typecheck of the src/ + `~/*` alias app.
import { execa } from 'execa';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findAlias, inspectTarget } from '../../src/detect/project.js';
import { parseJsonc } from '../../src/detect/jsonc.js';
import { MANIFEST_FILE, type Manifest } from '../../src/plan/manifest.js';
import { admits, mergePackageJson, minVersion } from '../../src/writer/package-json.js';
import { linkDeps } from '../helpers/deps-cache.js';
import { fileTree } from '../helpers/tree.js';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/create-better-auth-jwt.js');
const FIXTURES = join(ROOT, 'test/fixtures/existing');
const GIT_ENV = { GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };

function run(args: string[], cwd: string) {
  return execa('node', [BIN, ...args], {
    cwd,
    reject: false,
    stdin: 'pipe',
    env: { CI: '1', NO_COLOR: '1', DEBUG: '', npm_config_user_agent: '', ...GIT_ENV },
    timeout: 60_000,
  });
}

/** A copy of a fixture app, committed to a fresh git repository unless `git` is false. */
async function app(name: string, { git = true } = {}): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), 'cbaj-existing-')), name);
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  if (git) {
    await execa('git', ['init', '-q', '-b', 'main'], { cwd: dir, env: GIT_ENV });
    await execa('git', ['add', '-A'], { cwd: dir, env: GIT_ENV });
    await execa('git', ['commit', '-qm', 'app'], { cwd: dir, env: GIT_ENV });
  }
  return dir;
}

const tree = (dir: string) => fileTree(dir, { skip: ['.git', 'node_modules'] });

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');
const fixture = (name: string, path: string) => read(join(FIXTURES, name), path);
const json = <T>(dir: string, path: string) => JSON.parse(read(dir, path)) as T;
type Pkg = { name: string; scripts: Record<string, string>; dependencies: Record<string, string>; devDependencies: Record<string, string> };

beforeAll(async () => {
  await execa('node', ['scripts/build.mjs'], { cwd: ROOT });
}, 120_000);

describe('detection', () => {
  it('finds the version, layout, alias, route protection file and package manager of each fixture, reported like every other existing app', () => {
    const next16 = inspectTarget(join(FIXTURES, 'next16'));
    expect(next16).toMatchObject({
      kind: 'app',
      app: {
        framework: 'next', version: '16.0.1', major: 16, versionSource: 'package-lock.json', pm: 'npm', aliasDescription: '@/* (tsconfig.json)',
        layout: { srcDir: false, alias: '@/', proxyFile: 'proxy' }, details: ['App Router', 'code at the root', 'route protection in proxy.ts (yours)'], warnings: [],
      },
    });
    const src = inspectTarget(join(FIXTURES, 'next16-src-alias'));
    expect(src).toMatchObject({
      kind: 'app',
      app: { framework: 'next', version: '16.0.3', versionSource: 'yarn.lock', pm: 'yarn', aliasDescription: '~/* (tsconfig.json)', layout: { srcDir: true, alias: '~/', proxyFile: 'proxy' }, details: ['App Router', 'code in src/', 'route protection in src/proxy.ts'] },
    });
    const pnpm = inspectTarget(join(FIXTURES, 'next16-pnpm'));
    // Next 16 still runs a middleware.ts: we use (and leave) that one rather than add a proxy.ts.
    expect(pnpm).toMatchObject({ kind: 'app', app: { version: '16.0.1', versionSource: 'pnpm-lock.yaml', pm: 'pnpm', layout: { proxyFile: 'middleware' }, details: ['App Router', 'code at the root', 'route protection in middleware.ts (yours)'] } });
    const next15 = inspectTarget(join(FIXTURES, 'next15'));
    expect(next15).toMatchObject({ kind: 'app', app: { version: '^15.3.0', major: 15, versionSource: 'package.json', layout: { proxyFile: 'middleware' } } });
    expect((next15 as { app: { pm?: string } }).app.pm).toBeUndefined();
  });

  it('warns, once and before anything is written, about a Next.js older than 15 and a tsconfig.json without a path alias', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'cbaj-existing-')), 'old');
    cpSync(join(FIXTURES, 'next15'), dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'old', dependencies: { next: '14.2.3', react: '18.3.1' } }));
    writeFileSync(join(dir, 'tsconfig.json'), '{ "compilerOptions": { "strict": true } }\n');
    expect(inspectTarget(dir)).toMatchObject({
      kind: 'app',
      app: {
        aliasDescription: '@/* (not in tsconfig.json: assumed)',
        warnings: ['Next.js 14.2.3 is older than the 15 and 16 the generated code is written for', 'tsconfig.json has no path alias for the app code; the generated imports use @/ (see the tsconfig.json lines below)'],
      },
    });
    const r = await run(['.', '--yes', '--dry-run'], dir);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('Found Next.js 14.2.3 (from package.json; not installed), imports through @/* (not in tsconfig.json: assumed), TypeScript, App Router, code at the root, route protection in middleware.ts, no lockfile.');
    expect(r.stderr.match(/is older than the 15 and 16/g)).toHaveLength(1);
    expect(r.stderr.match(/tsconfig\.json has no path alias/g)).toHaveLength(1);
  });

  it('reads tsconfig aliases through baseUrl, comments and trailing commas', () => {
    expect(findAlias(parseJsonc('{ "compilerOptions": { "paths": { "~/*": ["./src/*"], } } // x\n}'), true)).toBe('~/');
    expect(findAlias({ compilerOptions: { baseUrl: 'src', paths: { '#app/*': ['./*'] } } }, true)).toBe('#app/');
    expect(findAlias({ compilerOptions: { paths: { '@/*': ['./*'], '~/*': ['./*'] } } }, false)).toBe('@/');
    expect(findAlias({ compilerOptions: { paths: { '@/*': ['./src/*'] } } }, false)).toBeUndefined();
  });

  it('never lowers a version: ranges, newer versions and framework packages are kept and said', () => {
    const v = (s: string) => minVersion(s)!;
    expect(admits('^20', v('20.19.43'))).toBe(true);
    expect(admits('^6.0.0', v('6.2.18'))).toBe(true);
    expect(admits('^5.9.6', v('6.2.18'))).toBe(false);
    expect(admits('16.0.1', v('16.4.6'))).toBe(false);
    expect(admits('~1.6.0', v('1.7.25'))).toBe(false);
    expect(admits('^0.28.0', v('0.28.19'))).toBe(true);
    expect(admits('latest', v('1.7.25'))).toBe(false);
    const theirs = '{\n\t"dependencies": { "b": "^2.0.0", "a": "latest", "next": "15.0.0" }\n}\n';
    const ours = JSON.stringify({ dependencies: { a: '1.0.0', b: '1.5.0', c: '3.0.0', next: '16.4.6' }, scripts: { dev: 'next dev' } });
    const merged = mergePackageJson(theirs, ours)!;
    expect(JSON.parse(merged.content)).toEqual({ dependencies: { b: '^2.0.0', a: 'latest', next: '15.0.0', c: '3.0.0' }, scripts: { dev: 'next dev' } });
    expect(merged.content).toContain('\n\t"dependencies"');
    expect(merged.warnings.join('\n')).toMatch(/kept a "latest".*1\.0\.0[\s\S]*kept your newer b \^2\.0\.0.*1\.5\.0[\s\S]*kept your next 15\.0\.0.*16\.4\.6/);
    expect(mergePackageJson('[1]', ours)).toBeUndefined();
    // Nothing to add: their bytes exactly.
    expect(mergePackageJson('{"dependencies":{"c":"^3"}}', JSON.stringify({ dependencies: { c: '3.0.0' } }))?.content).toBe('{"dependencies":{"c":"^3"}}');
  });
});

it('templates import app code through {{alias}} only, so an app with another alias compiles', () => {
  const offenders = readdirSync(join(ROOT, 'templates'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter((file) => /(?:from\s*|import\()\s*['"]@\//.test(readFileSync(file, 'utf8')));
  expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
});

describe('scaffolding into an existing app', () => {
  it('a project that is not Next.js, SvelteKit, Nuxt or React + Vite (a Vite app without React) is refused in one line, exit 1, and nothing is written', async () => {
    for (const [framework, dependency, found] of [
      ['react-vite', 'vite', 'a Vite app'],
      // No --framework: the default (next) into a Vite app without React.
      [undefined, 'vite', 'a Vite app'],
    ] as const) {
      const dir = mkdtempSync(join(tmpdir(), 'cbaj-existing-other-'));
      const pkg = `${JSON.stringify({ name: 'theirs', private: true, devDependencies: { [dependency]: '1.0.0' } }, null, 2)}\n`;
      writeFileSync(join(dir, 'package.json'), pkg);
      const r = await run(['.', ...(framework ? ['--framework', framework] : []), '--yes', '--no-install', '--no-git'], dir);
      expect(r.exitCode, r.stderr).toBe(1);
      expect(r.stderr.trim()).toBe(`error: ${dir} holds ${found} (package.json has ${dependency}): Better Auth can be added to an existing Next.js, SvelteKit, Nuxt or React + Vite app only, for now; to create a new project, choose an empty directory`);
      expect(readdirSync(dir)).toEqual(['package.json']);
      expect(readFileSync(join(dir, 'package.json'), 'utf8')).toBe(pkg);
    }
  });

  it('a create-next-app app (Next 16, own proxy.ts, layout, README): adds, merges, overwrites nothing', async () => {
    const dir = await app('next16');
    const r = await run(['.', '--yes', '--no-install'], dir);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('Found Next.js 16.0.1 (package-lock.json), imports through @/* (tsconfig.json), TypeScript, App Router, code at the root, route protection in proxy.ts (yours), npm (package-lock.json).');

    // The app's own files are byte for byte what they were.
    for (const own of ['proxy.ts', 'app/layout.tsx', 'app/page.tsx', 'app/globals.css', 'next.config.ts', 'tsconfig.json', 'eslint.config.mjs']) {
      expect(read(dir, own), own).toBe(fixture('next16', own));
    }
    expect(existsSync(join(dir, 'app/icon.svg'))).toBe(false);
    // ...and for what we could not merge, the exact lines to add.
    expect(r.stdout).toContain("proxy.ts is yours, so it was left as it is. To send signed-out visitors of /dashboard to /login, add to it:");
    expect(r.stdout).toContain("      if (request.nextUrl.pathname.startsWith('/dashboard') && !getSessionCookie(request)) {");
    expect(r.stdout).toContain("next.config.ts is yours, so it was left as it is. SQLite's driver is a native addon; add to the config object:\n\n      serverExternalPackages: ['better-sqlite3'],");

    // New files, importing through the app's alias.
    expect(read(dir, 'lib/auth.ts')).toContain('betterAuth');
    expect(read(dir, 'app/dashboard/page.tsx')).toContain("from '@/lib/auth'");
    expect(existsSync(join(dir, 'app/login/page.tsx'))).toBe(true);

    // package.json: ours added (pinned), theirs kept; every kept version named with ours.
    const pkg = json<Pkg>(dir, 'package.json');
    expect(pkg.name).toBe('my-next-app');
    expect(pkg.dependencies).toMatchObject({ next: '16.0.1', react: '19.2.0', 'better-auth': '1.7.25', jose: '6.2.18' });
    expect(pkg.devDependencies).toMatchObject({ eslint: '^9', typescript: '^5', tsx: '4.23.15' });
    expect(pkg.scripts).toMatchObject({ lint: 'eslint', dev: 'next dev', 'db:migrate': 'tsx scripts/migrate.ts' });
    expect(r.stdout).toContain('kept your next 16.0.1 in package.json (we pin 16.4.6)');

    // README: their text, then the env table section; .gitignore: theirs plus what keeps .env out.
    const readme = read(dir, 'README.md');
    expect(readme.startsWith(fixture('next16', 'README.md'))).toBe(true);
    expect(readme).toContain('## Environment variables\n\n<!-- env-table:start -->');
    expect(read(dir, '.gitignore').startsWith(fixture('next16', '.gitignore'))).toBe(true);
    expect(read(dir, '.gitignore')).toContain('!.env.example');
    expect((await execa('git', ['check-ignore', '-q', '.env'], { cwd: dir, reject: false })).exitCode).toBe(0);
    const secret = /^BETTER_AUTH_SECRET=(.+)$/m.exec(read(dir, '.env'))?.[1];
    expect(secret?.length).toBeGreaterThanOrEqual(32);

    const manifest = json<Manifest>(dir, MANIFEST_FILE);
    expect(manifest.skipped).toEqual(['app/globals.css', 'app/layout.tsx', 'app/page.tsx', 'next.config.ts', 'proxy.ts', 'tsconfig.json']);
    expect(manifest.merged).toEqual(['.gitignore', 'README.md', 'package.json']);
    expect(manifest.files['proxy.ts']).toBeUndefined();
    expect(manifest.layout).toBeUndefined(); // the default layout

    // A re-run (now a project of ours, no --force for the dirty tree) changes nothing and
    // prints the instructions again.
    const before = tree(dir);
    const again = await run(['.', '--no-install'], dir);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(tree(dir)).toEqual(before);
    expect(again.stdout).toContain('proxy.ts is yours, so it was left as it is.');
    expect(/^BETTER_AUTH_SECRET=(.+)$/m.exec(read(dir, '.env'))?.[1]).toBe(secret);
  });

  it('src/ layout with a ~/* alias and yarn: code under src/, ~/ imports, and it typechecks', async () => {
    const dir = await app('next16-src-alias');
    const r = await run(['--cwd', dir, '--yes', '--no-install', '--storage', 'cookie', '--http', 'axios'], ROOT);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('Found Next.js 16.0.3 (yarn.lock), imports through ~/* (tsconfig.json), TypeScript, App Router, code in src/, route protection in src/proxy.ts, yarn (yarn.lock).');
    expect(read(dir, 'src/proxy.ts')).toContain('export function proxy(');
    expect(existsSync(join(dir, 'proxy.ts'))).toBe(false);
    expect(existsSync(join(dir, 'lib'))).toBe(false);
    expect(read(dir, 'src/app/dashboard/page.tsx')).toContain("import { auth } from '~/lib/auth';");
    expect(read(dir, 'src/app/api/bff/[...path]/route.ts')).toContain("from '~/lib/auth-config'");
    expect(read(dir, 'scripts/migrate.ts')).toContain("import('../src/lib/auth')");
    expect(read(dir, 'src/app/page.tsx')).toBe(fixture('next16-src-alias', 'src/app/page.tsx'));
    expect(read(dir, 'tsconfig.json')).toBe(fixture('next16-src-alias', 'tsconfig.json'));
    expect(r.stdout).toContain('kept your script "dev": "next dev --turbopack" in package.json; ours would be: "dev": "next dev"');
    expect(r.stdout).toContain('next.config.mjs is yours');
    expect(existsSync(join(dir, 'next.config.ts'))).toBe(false); // never a second config
    expect(r.stdout).toContain('  yarn install\n');
    expect(r.stdout).toMatch(/npx create-better-auth-jwt \. --framework next .* --pm yarn .*--cwd \S+ --yes/);
    expect(json<Manifest>(dir, MANIFEST_FILE).layout).toEqual({ srcDir: true, alias: '~/', proxyFile: 'proxy' });

    // The app's code and ours compile together (strict), with the shared deps cache linked in.
    await linkDeps(dir);
    const tsc = await execa(join(dir, 'node_modules/.bin/tsc'), ['--noEmit', '-p', dir], { reject: false, all: true });
    expect(tsc.exitCode, tsc.all).toBe(0);

    // A re-run keeps the layout from the manifest.
    const before = tree(dir);
    const again = await run(['.', '--no-install'], dir);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(tree(dir)).toEqual(before);
  }, 180_000);

  it('pnpm with its own middleware.ts on Next 16: versions merged without lowering, scripts and README kept', async () => {
    const dir = await app('next16-pnpm');
    const r = await run(['.', '--yes', '--no-install'], dir);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(read(dir, 'middleware.ts')).toBe(fixture('next16-pnpm', 'middleware.ts'));
    expect(existsSync(join(dir, 'proxy.ts'))).toBe(false);
    expect(r.stdout).toContain('// first thing in `export function middleware(request: NextRequest)`:');
    const pkg = json<Pkg>(dir, 'package.json');
    expect(pkg.dependencies['better-auth']).toBe('^1.8.0');
    expect(pkg.dependencies.jose).toBe('6.2.18');
    expect(pkg.scripts.typecheck).toBe('tsc -p . --noEmit');
    expect(r.stdout).toContain('kept your newer better-auth ^1.8.0 in package.json; the generated code was tested with 1.7.25');
    expect(r.stdout).toContain('package.json: jose ^5.9.6 → 6.2.18');
    expect(r.stdout).toContain('kept your script "typecheck": "tsc -p . --noEmit" in package.json; ours would be: "typecheck": "tsc --noEmit"');
    expect(r.stdout).toContain('"skipLibCheck": true,');
    expect(r.stdout).toContain('  pnpm install\n');
    expect(r.stdout).toContain('--pm pnpm');
    expect(read(dir, 'README.md').startsWith(fixture('next16-pnpm', 'README.md'))).toBe(true);
    expect(read(dir, 'README.md')).toContain('<!-- env-table:end -->');
  });

  it('Next 15 gets middleware.ts exporting middleware; its .env and .env.example are merged by key', async () => {
    const dir = await app('next15');
    const env = 'DATABASE_URL=file:./mine.db\nBETTER_AUTH_SECRET=an-existing-secret-that-must-survive-0123456789\nSTRIPE_KEY=sk_test_mine\n';
    writeFileSync(join(dir, '.env'), env);
    const r = await run(['.', '--yes', '--no-install', '--providers', 'github', '--force'], dir); // .env is untracked
    expect(r.exitCode, r.stderr).toBe(0);
    expect(read(dir, 'middleware.ts')).toContain('export function middleware(request: NextRequest)');
    expect(existsSync(join(dir, 'proxy.ts'))).toBe(false);
    const after = read(dir, '.env');
    expect(after.startsWith(env)).toBe(true);
    expect(after).toMatch(/^GITHUB_CLIENT_ID=$/m);
    expect(after.match(/^BETTER_AUTH_SECRET=/gm)).toHaveLength(1);
    const example = read(dir, '.env.example');
    expect(example.startsWith(fixture('next15', '.env.example'))).toBe(true);
    expect(example).toMatch(/^GITHUB_CLIENT_ID=your-github-client-id$/m);
    expect(read(dir, '.gitignore')).toMatch(/^\.env$/m);
  });

  it('refuses a dirty git tree (nothing written) unless --force; outside git it warns and goes on', async () => {
    const dir = await app('next16');
    writeFileSync(join(dir, 'app/page.tsx'), '// work in progress\n');
    const before = tree(dir);
    const r = await run(['.', '--yes', '--no-install'], dir);
    expect(r.exitCode).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^error: .* has uncommitted changes \(1 path, e\.g\. app\/page\.tsx\); commit or stash them first so that you can review and undo what this adds with git, or pass --force$/m);
    expect(tree(dir)).toEqual(before);
    const forced = await run(['.', '--yes', '--no-install', '--force'], dir);
    expect(forced.exitCode, forced.stderr).toBe(0);
    expect(read(dir, 'app/page.tsx')).toBe('// work in progress\n');

    const loose = await app('next16', { git: false });
    const outside = await run(['.', '--yes', '--no-install'], loose);
    expect(outside.exitCode, outside.stderr).toBe(0);
    expect(outside.stderr).toContain('is not in a git repository: you will not be able to review or undo these changes with git');
  });

  it('takes the framework from an existing Next.js app, as from every other app: without a terminal, only the other options are missing', async () => {
    const dir = await app('next16');
    const r = await run(['.', '--no-install'], dir);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^error: missing --backend /m);
    expect(r.stderr).not.toContain('--framework');
  });

  it('dry run in an existing app writes nothing and shows what it would leave alone', async () => {
    const dir = await app('next16');
    const before = tree(dir);
    const r = await run(['.', '--yes', '--dry-run'], dir);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/! proxy\.ts .*yours: left alone/);
    expect(r.stdout).toMatch(/~ package\.json .*would merge/);
    expect(r.stdout).toMatch(/\+ lib\/auth\.ts/);
    // --json: stdout is the JSON alone (what was found goes to stderr).
    const j = await run(['.', '--yes', '--dry-run', '--json'], dir);
    expect(j.exitCode, j.stderr).toBe(0);
    const plan = JSON.parse(j.stdout) as { mode: string; files: { path: string; status: string; instruction?: { summary: string } }[] };
    expect(plan.mode).toBe('existing');
    expect(plan.files.find((f) => f.path === 'proxy.ts')).toMatchObject({ status: 'skip', instruction: { summary: expect.stringContaining('proxy.ts is yours') } });
    expect(j.stderr).toContain('Found Next.js 16.0.1');
    expect(tree(dir)).toEqual(before);
  });

});
