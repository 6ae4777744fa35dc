// The built CLI, run the way a user (or CI) runs it: stdin is not a TTY.
import { execa } from 'execa';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPTION_DECLS } from '../src/options/schema.js';
import { fileTree } from './helpers/tree.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/create-better-auth-jwt.js');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function run(args: string[], cwd = ROOT, env: Record<string, string> = {}) {
  return execa('node', [BIN, ...args], {
    cwd,
    reject: false,
    stdin: 'pipe', // a pipe, not a TTY
    env: { CI: '1', NO_COLOR: '1', DEBUG: '', npm_config_user_agent: '', ...env },
    timeout: 60_000,
  });
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'cbaj-cli-'));
}

beforeAll(async () => {
  await execa('node', ['scripts/build.mjs'], { cwd: ROOT });
}, 120_000);

describe('--help and --version', () => {
  it('--help lists every flag with its choices, exit 0', async () => {
    const r = await run(['--help']);
    expect(r.exitCode).toBe(0);
    const help = r.stdout.replace(/\s+/g, ' ');
    for (const decl of OPTION_DECLS) {
      expect(help).toContain(decl.flag);
      if (decl.kind === 'boolean') expect(help).toContain(`--no-${decl.flag.slice(2)}`);
      else for (const choice of decl.choices) expect(help).toContain(choice);
    }
    for (const flag of ['-y, --yes', '--dry-run', '--json', '--force', '--version', '--help', '[dir]']) expect(help).toContain(flag);
  });

  it('--help loads only commander and the option declarations: heavy modules are lazy', () => {
    // Follow the static imports of dist/cli.js; dynamic import() chunks load only when used.
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = readFileSync(file, 'utf8');
      for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w${},\s*]+from\s*)?["'](\.[^"']+)["']/g)) visit(join(file, '..', m[1]!));
    };
    visit(join(ROOT, 'dist/cli.js'));
    const staticCode = [...seen].map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(seen.size).toBeGreaterThan(1); // the regex does find imports (commander's chunk)
    expect(staticCode).toContain('commander');
    for (const heavy of ['registerHelper', '$ZodType', 'devDependencies']) expect(staticCode).not.toContain(heavy);
    expect(staticCode.length).toBeLessThan(150_000);
  });

  it('an old Node gets one clear line and exit 1', async () => {
    const preload = join(tempDir(), 'old-node.cjs');
    writeFileSync(preload, "Object.defineProperty(process.versions, 'node', { value: '20.11.1' }); Object.defineProperty(process, 'version', { value: 'v20.11.1' });");
    const r = await execa('node', ['-r', preload, BIN, '--help'], { reject: false });
    expect(r.exitCode).toBe(1);
    expect(r.stderr.trim()).toBe('create-better-auth-jwt needs Node.js 20.12 or newer (this is v20.11.1). Please upgrade Node.js.');
    expect(r.stdout).toBe('');
  });

  it('--version prints the package version', async () => {
    const r = await run(['--version']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.trim()).toBe(VERSION);
  });
});

describe('usage errors: exit 2, one line on stderr, no stack trace', () => {
  const cases: [string, string[], RegExp][] = [
    ['missing options without a TTY', ['my-app'], /^error: missing --framework <next\|react-vite\|sveltekit\|nuxt>, .*--storage <memory\|cookie\|local>.*--git\/--no-git .*--yes/],
    ['missing directory without a TTY', ['--framework', 'next'], /^error: missing \[dir\] argument/],
    ['unknown framework', ['my-app', '--framework', 'vue', '--yes'], /^error: unknown --framework "vue" \(allowed: next, react-vite, sveltekit, nuxt\)$/],
    ['unknown provider', ['my-app', '--providers', 'github,myspace', '--yes'], /^error: unknown --providers "myspace" \(allowed: google, github, discord, microsoft, apple, gitlab, or none\)$/],
    ['unknown db', ['my-app', '--db', 'oracle', '--yes'], /^error: unknown --db "oracle" \(allowed: sqlite, postgres, mysql\)$/],
    ['uppercase name', ['My App', '--yes'], /^error: invalid project name "My App": it has uppercase letters/],
    ['dot name', ['.hidden', '--yes'], /^error: invalid project name "\.hidden": it starts with "\."/],
    ['underscore name', ['_x', '--yes'], /^error: invalid project name "_x": it starts with "_"/],
    ['none with others', ['my-app', '--providers', 'none,github', '--yes'], /^error: --providers "none" cannot be combined/],
    ['--json without --dry-run', ['my-app', '--json', '--yes'], /^error: --json needs --dry-run/],
    ['unknown flag', ['my-app', '--frmework', 'next'], /^error: unknown option '--frmework' \(Did you mean --framework\?\)$/],
    ['flag without its value', ['my-app', '--db'], /^error: option '--db <name>' argument missing$/],
    ['two directories', ['a', 'b', '--yes'], /^error: too many arguments/],
  ];
  for (const [name, args, pattern] of cases) {
    it(name, async () => {
      const cwd = tempDir();
      const r = await run(args, cwd);
      expect(r.exitCode, r.stderr).toBe(2);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
      expect(readdirSync(cwd)).toEqual([]);
    });
  }

  it('DEBUG adds the stack trace', async () => {
    const r = await run(['my-app', '--db', 'oracle', '--yes'], tempDir(), { DEBUG: '1' });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
});

describe('creating a project', () => {
  it('--yes --no-install --no-git writes the project; the secret is only in .env', async () => {
    const cwd = tempDir();
    const r = await run(['my-app', '--yes', '--no-install', '--no-git', '--providers', 'github'], cwd);
    expect(r.exitCode, r.stderr).toBe(0);
    const dir = join(cwd, 'my-app');
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; engines: unknown };
    expect(pkg.name).toBe('my-app');
    expect(pkg.engines).toEqual({ node: '>=20.19' });
    const manifest = JSON.parse(readFileSync(join(dir, 'create-better-auth-jwt.json'), 'utf8')) as { options: { providers: string[] } };
    expect(manifest.options.providers).toEqual(['github']);
    const secret = /^BETTER_AUTH_SECRET=(.+)$/m.exec(readFileSync(join(dir, '.env'), 'utf8'))?.[1];
    expect(secret?.length).toBeGreaterThanOrEqual(32);
    const texts = [r.stdout, r.stderr, ...readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name !== '.env')
      .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'))];
    for (const text of texts) expect(text).not.toContain(secret);
    expect(r.stdout).toContain('npx create-better-auth-jwt my-app --framework next --backend next --storage memory --providers github --db sqlite --http fetch --pm npm --no-install --no-git --yes');
    expect(readdirSync(cwd)).toEqual(['my-app']); // no staging folder left behind
  });

  it('--dry-run writes nothing; --dry-run --json prints the plan without .env', async () => {
    const cwd = tempDir();
    const text = await run(['my-app', '--yes', '--dry-run'], cwd);
    expect(text.exitCode, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/package\.json\s+\d/);
    expect(text.stdout).toContain('BETTER_AUTH_SECRET');
    const json = await run(['my-app', '--yes', '--dry-run', '--json', '--storage', 'cookie'], cwd);
    expect(json.exitCode, json.stderr).toBe(0);
    const plan = JSON.parse(json.stdout) as { options: { storage: string }; files: { path: string }[] };
    expect(plan.options.storage).toBe('cookie');
    expect(plan.files.map((f) => f.path)).toContain('package.json');
    expect(plan.files.map((f) => f.path)).not.toContain('.env');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a non-empty directory is refused (exit 1, untouched) unless --force', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'app'));
    writeFileSync(join(cwd, 'app', 'notes.md'), 'mine');
    const r = await run(['app', '--yes', '--no-install', '--no-git'], cwd);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^error: target directory .*app is not empty.*--force/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(readdirSync(join(cwd, 'app'))).toEqual(['notes.md']);
    const forced = await run(['app', '--yes', '--no-install', '--no-git', '--force'], cwd);
    expect(forced.exitCode, forced.stderr).toBe(0);
    expect(readFileSync(join(cwd, 'app', 'notes.md'), 'utf8')).toBe('mine');
    expect(existsSync(join(cwd, 'app', 'package.json'))).toBe(true);
  });

  it('running again with --force changes nothing and keeps the secret', async () => {
    const cwd = tempDir();
    expect((await run(['app', '--yes', '--no-install', '--no-git'], cwd)).exitCode).toBe(0);
    const env = readFileSync(join(cwd, 'app', '.env'), 'utf8');
    const again = await run(['app', '--yes', '--no-install', '--no-git', '--force'], cwd);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/0 written, \d+ unchanged/);
    expect(readFileSync(join(cwd, 'app', '.env'), 'utf8')).toBe(env);
  });

  it('git init makes an initial commit without committing .env, even with no git identity', async () => {
    const cwd = tempDir();
    const home = tempDir();
    const env = { HOME: home, XDG_CONFIG_HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: join(home, 'none') };
    const r = await run(['app', '--yes', '--no-install', '--git'], cwd, env);
    expect(r.exitCode, r.stderr).toBe(0);
    const files = await execa('git', ['ls-files'], { cwd: join(cwd, 'app'), env });
    expect(files.stdout.split('\n')).toContain('package.json');
    expect(files.stdout.split('\n')).toContain('.env.example');
    expect(files.stdout.split('\n')).not.toContain('.env');
    const author = await execa('git', ['log', '-1', '--format=%an <%ae>'], { cwd: join(cwd, 'app'), env });
    expect(author.stdout).toBe('create-better-auth-jwt <create-better-auth-jwt@users.noreply.github.com>');
  });

  it('a failed install keeps the complete project, says what failed and what to run once it is fixed, exits 1', async () => {
    const cwd = tempDir();
    // A fake "npm" on PATH that fails.
    const bin = tempDir();
    writeFileSync(join(bin, 'npm'), '#!/bin/sh\necho "npm ERR! simulated failure" >&2\nexit 7\n', { mode: 0o755 });
    const r = await run(['app', '--yes', '--no-git', '--pm', 'npm'], cwd, { PATH: `${bin}:${process.env.PATH}` });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('simulated failure');
    expect(r.stderr).toMatch(/error: npm install failed: npm exited with code 7\. The project is written; fix what its output above shows, then run "cd app && npm install"/);
    expect(existsSync(join(cwd, 'app', 'package.json'))).toBe(true);
    expect(existsSync(join(cwd, 'app', '.env'))).toBe(true);
  });
});

describe('running again in a project of ours (re-runs)', () => {
  const tree = (dir: string) => fileTree(dir);
  const secretOf = (dir: string) => /^BETTER_AUTH_SECRET=(.+)$/m.exec(readFileSync(join(dir, '.env'), 'utf8'))?.[1];

  it('inside the project, options not given come from the manifest: no --yes, no --force, no prompt; the secret survives', async () => {
    const cwd = tempDir();
    expect((await run(['app', '--yes', '--no-install', '--no-git', '--storage', 'cookie', '--db', 'postgres'], cwd)).exitCode).toBe(0);
    const dir = join(cwd, 'app');
    const secret = secretOf(dir);
    const r = await run(['.', '--providers', 'github,google', '--no-install'], dir);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('is a create-better-auth-jwt project (create-better-auth-jwt.json): updating it');
    expect(r.stdout).toMatch(/Files in .*app: 0 written, \d+ updated, \d+ unchanged\./);
    // Every option printed, the unchanged ones taken from the manifest.
    expect(r.stdout).toContain('npx create-better-auth-jwt . --framework next --backend next --storage cookie --providers github,google --db postgres --http fetch --pm npm --no-install --no-git --yes');
    expect(secretOf(dir)).toBe(secret);
    expect(readFileSync(join(dir, '.env'), 'utf8')).toMatch(/^GOOGLE_CLIENT_SECRET=$/m);
    expect(readFileSync(join(dir, 'lib/auth.ts'), 'utf8')).toContain('process.env.GITHUB_CLIENT_ID');
    const manifest = JSON.parse(readFileSync(join(dir, 'create-better-auth-jwt.json'), 'utf8')) as { options: { providers: string[]; storage: string } };
    expect(manifest.options).toMatchObject({ providers: ['github', 'google'], storage: 'cookie' });

    // The same again (here with --cwd from outside): byte-identical, .env included.
    const before = tree(dir);
    const again = await run(['--cwd', 'app', '--no-install'], cwd);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/0 written, \d+ unchanged\./);
    expect(again.stdout).toContain(' --cwd app --yes');
    expect(tree(dir)).toEqual(before);
    expect(readdirSync(cwd)).toEqual(['app']);
  });

  it('an edited file is kept and its diff printed; --dry-run shows the same and writes nothing', async () => {
    const cwd = tempDir();
    expect((await run(['app', '--yes', '--no-install', '--no-git'], cwd)).exitCode).toBe(0);
    const dir = join(cwd, 'app');
    const auth = `${readFileSync(join(dir, 'lib/auth.ts'), 'utf8')}// mine\n`;
    writeFileSync(join(dir, 'lib/auth.ts'), auth);
    const before = tree(dir);
    const dry = await run(['.', '--providers', 'github', '--dry-run'], dir);
    expect(dry.exitCode, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/! lib\/auth\.ts .*edited by you: kept/);
    expect(dry.stdout).toMatch(/~ \.env .*would add GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET/);
    expect(tree(dir)).toEqual(before);
    const r = await run(['.', '--providers', 'github', '--no-install'], dir);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'lib/auth.ts'), 'utf8')).toBe(auth);
    expect(r.stdout).toContain('Kept your edits in 1 file.');
    expect(r.stdout).toContain('--- a/lib/auth.ts\n+++ b/lib/auth.ts\n@@ ');
    expect(r.stdout).toContain('+    github: {');
  });
});
