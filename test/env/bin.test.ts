// Exit codes and streams through the built bin (`npm run build` output), as a user runs it.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateProject } from '../helpers/generate.js';
import { git, materialise, REPO, tempDir } from './helpers.js';

const BIN = path.join(REPO, 'bin/create-better-auth-jwt.js');
let generated = '';

/** A copy of the generated project, changed by `edit`. */
function generatedCopy(edit: (dir: string) => void = () => {}): string {
  const dir = path.join(tempDir(), 'app');
  cpSync(generated, dir, { recursive: true });
  edit(dir);
  return dir;
}

beforeAll(async () => {
  if (!existsSync(path.join(REPO, 'dist/cli.js'))) {
    const { buildCli } = (await import(path.join(REPO, 'scripts/build.mjs'))) as { buildCli: () => Promise<unknown> };
    await buildCli();
  }
  // A project the built CLI generates follows the real env registry (the fixture corpus follows
  // a frozen one), so these exit-code tests do not break when the registry gains a variable.
  generated = await generateProject(path.join(tempDir(), 'generated'));
}, 60_000);

function run(args: string[], cwd = REPO) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the built CLI', () => {
  it('check env: 0 on a clean project, 1 with one error line when a check fails', () => {
    const clean = generatedCopy((dir) => git(dir, 'init', '-q'));
    expect(run(['check', 'env', '--cwd', clean])).toMatchObject({ code: 0, err: '' });
    const bad = generatedCopy((dir) => {
      const env = path.join(dir, '.env');
      writeFileSync(env, readFileSync(env, 'utf8').replace(/^BETTER_AUTH_SECRET=.*$/m, 'BETTER_AUTH_SECRET=Zx8kQ2pL9vW4'), { mode: 0o600 });
    });
    const r = run(['check', 'env'], bad);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/\.env:\d+  BETTER_AUTH_SECRET is 12 characters long/);
    expect(r.err).toBe('error: check env failed: 1 error(s), 0 warning(s)\n');
    expect(r.out + r.err).not.toContain('Zx8kQ2pL9vW4');
  });

  it('check env --format github prints workflow annotations', () => {
    const r = run(['check', 'env', '--format', 'github', '--cwd', materialise('ttl-order')]);
    expect(r.code).toBe(1);
    expect(r.out.split('\n')[0]).toMatch(/^::error file=\.env,line=4,title=check env%3A ttl-order JWT_ACCESS_TOKEN_EXPIRES::JWT_ACCESS_TOKEN_EXPIRES \(86400s\)/);
  });

  it('check env --strict fails on warnings; --format json is machine-readable', () => {
    const dir = generatedCopy((project) => rmSync(path.join(project, '.env')));
    expect(run(['check', 'env', '--cwd', dir]).code).toBe(0);
    expect(run(['check', 'env', '--cwd', dir, '--strict']).code).toBe(1);
    const json = JSON.parse(run(['check', 'env', '--cwd', dir, '--format', 'json']).out);
    expect(json).toMatchObject({ ok: true, summary: { errors: 0, warnings: 1 } });
  });

  it('usage errors exit 2 with one line and no stack trace', () => {
    for (const args of [
      ['check', 'env', '--format', 'xml'],
      ['check', 'env', '--no-such-flag'],
      ['check', 'env', '--cwd', '/no/such/dir'],
      ['gen', 'env', '--cwd', '/no/such/dir'],
    ]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.err).toMatch(/^error: /);
    }
  });

  it('gen env --check exits 1 on drift and 0 once gen env has run', () => {
    const dir = materialise('no-dotenv');
    writeFileSync(path.join(dir, 'README.md'), '# app\n\n<!-- env-table:start -->\n<!-- env-table:end -->\n');
    const drift = run(['gen', 'env', '--check'], dir);
    expect(drift.code).toBe(1);
    expect(drift.out).toContain('+++ b/README.md');
    expect(run(['gen', 'env'], dir).code).toBe(0);
    expect(run(['gen', 'env', '--check'], dir)).toMatchObject({ code: 0 });
  });

  it('explains every flag in --help', () => {
    const check = run(['check', 'env', '--help']);
    expect(check.code).toBe(0);
    for (const flag of ['--cwd', '--from-process', '--format', '--strict']) expect(check.out).toContain(flag);
    const gen = run(['gen', 'env', '--help']);
    for (const flag of ['--cwd', '--check', '--write-env', '--readme-markers']) expect(gen.out).toContain(flag);
  });
});
