// A project with a separate API server has two env files: `.env` (the app) and
// `backend/.env` (the API server). gen env renders one `.env.example` per file and a README
// table of both; check env checks each file against its own variables, and warns when the
// two disagree on what a token must look like.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheckEnvCommand } from '../../src/commands/check-env.js';
import { runGenEnvCommand } from '../../src/commands/gen-env.js';
import { checkEnv } from '../../src/env/check.js';
import { normaliseDeclared } from '../../src/env/declared.js';
import { hashContent } from '../../src/plan/manifest.js';
import { EXPRESS_OPTIONS, fixtureEnvVarsFor, manifestFor } from './fixture-registry.js';
import { captureIo, materialise } from './helpers.js';

const SECRET = 'GENERATED-SECRET-do-not-print-0123456789abcdef';
const inject = { envVarsFor: fixtureEnvVarsFor, makeSecret: () => SECRET };
const read = (dir: string, f: string) => readFileSync(path.join(dir, f), 'utf8');
const write = (dir: string, f: string, text: string) => writeFileSync(path.join(dir, f), text);

async function gen(dir: string, flags: { check?: boolean; writeEnv?: boolean } = {}) {
  const io = captureIo();
  const code = await runGenEnvCommand({ cwd: dir, ...flags }, io, inject);
  return { code, out: io.out(), err: io.err() };
}

async function findings(dir: string, opts: { fromProcess?: Record<string, string> } = {}) {
  const r = await checkEnv({ cwd: dir, envVarsFor: fixtureEnvVarsFor, fromProcess: opts.fromProcess !== undefined, ...(opts.fromProcess ? { processEnv: opts.fromProcess } : {}) });
  return r.findings.map((f) => [f.rule, f.variable ?? null, f.file ?? null, f.line ?? null]);
}

describe('gen env with a separate API server', () => {
  it('is up to date on the fixture and recreates a deleted backend/.env.example byte for byte', async () => {
    const dir = materialise('backend-clean', { git: true });
    expect(await gen(dir, { check: true })).toMatchObject({ code: 0 });
    const before = read(dir, 'backend/.env.example');
    rmSync(path.join(dir, 'backend/.env.example'));
    const drift = await gen(dir, { check: true });
    expect(drift.code).toBe(1);
    expect(drift.out).toContain('+++ b/backend/.env.example');
    expect(drift.err).toMatch(/^error: gen env --check: backend\/\.env\.example out of date/m);
    const r = await gen(dir);
    expect(r.out).toContain('created backend/.env.example');
    expect(read(dir, 'backend/.env.example')).toBe(before);
  });

  it('keeps a variable the user added to backend/.env.example in that file, and lists it in the README as backend/.env', async () => {
    const dir = materialise('backend-clean', { git: true });
    // Written as gen env would render it, so the file is still gen env's own.
    write(dir, 'backend/.env.example', `${read(dir, 'backend/.env.example')}# Redis for the rate limiter (optional)\nREDIS_URL=redis://localhost:6379\n`);
    const r = await gen(dir);
    expect(r.code).toBe(0);
    expect(r.err).toContain('note: kept 1 variable(s) of your own from backend/.env.example: REDIS_URL');
    // Below the last group heading, so it joins that group (as in .env.example).
    expect(read(dir, 'backend/.env.example')).toMatch(/\nPORT=8000\n# Redis for the rate limiter \(optional\)\nREDIS_URL=redis:\/\/localhost:6379\n$/);
    expect(read(dir, '.env.example')).not.toContain('REDIS_URL');
    expect(read(dir, 'README.md')).toContain('| `REDIS_URL` | no | Redis for the rate limiter | `redis://localhost:6379` | backend (`backend/.env`) |');
    expect((await gen(dir, { check: true })).code).toBe(0);
  });

  it('drops a generator variable from the file it does not belong to, but keeps the same name where it does', async () => {
    const dir = materialise('backend-clean', { git: true });
    // CORS_ORIGIN belongs in backend/.env only: the generator never declares it for .env,
    // so a CORS_ORIGIN in .env.example is the user's own and is kept there.
    write(dir, '.env.example', `${read(dir, '.env.example')}\n# Allowed origin (optional)\nCORS_ORIGIN=http://localhost:3000\n`);
    // The project switches back to a Next.js-only backend: backend/.env.example is no longer
    // rendered, and NEXT_PUBLIC_API_URL (a generator variable) leaves .env.example.
    // The manifest recorded that content (a re-run kept the user's variable), so gen env owns the file.
    const manifest = JSON.parse(manifestFor({ ...EXPRESS_OPTIONS, backend: 'next' }));
    manifest.files = { '.env.example': hashContent(read(dir, '.env.example')) };
    write(dir, 'create-better-auth-jwt.json', JSON.stringify(manifest));
    const r = await gen(dir);
    expect(r.code).toBe(0);
    expect(r.err).toContain('removed NEXT_PUBLIC_API_URL from .env.example');
    expect(read(dir, '.env.example')).toContain('CORS_ORIGIN=http://localhost:3000');
    expect(read(dir, 'README.md')).not.toContain('backend/.env');
  });

  it('--write-env creates each env file with its own variables, never changes a value, secrets only where generate is set', async () => {
    const dir = materialise('backend-clean', { git: true });
    rmSync(path.join(dir, '.env'));
    const mine = '# mine\nBETTER_AUTH_URL=https://auth.my.app\nCORS_ORIGIN=\n';
    write(dir, 'backend/.env', mine);
    const r = await gen(dir, { writeEnv: true });
    expect(r.code).toBe(0);
    const app = read(dir, '.env');
    expect(app).toContain(`BETTER_AUTH_SECRET=${SECRET}\n`);
    expect(app).toContain('NEXT_PUBLIC_API_URL=http://localhost:8000\n');
    expect(app).not.toContain('CORS_ORIGIN');
    const api = read(dir, 'backend/.env');
    // Existing lines byte for byte (an empty non-secret stays empty), missing keys appended.
    expect(api.startsWith(mine)).toBe(true);
    expect(api.slice(mine.length)).toBe('\n# Added by create-better-auth-jwt gen env\nJWT_ISSUER=\nJWT_AUDIENCE=\nJWT_ALGORITHM=EdDSA\nPORT=8000\n');
    expect(api).not.toContain(SECRET);
    expect(r.out).toContain('created .env');
    expect(r.out).toContain('updated backend/.env (added JWT_ISSUER, JWT_AUDIENCE, JWT_ALGORITHM, PORT)');
    expect(r.out).toContain('generated a random value for BETTER_AUTH_SECRET in .env (not shown)');
    expect(r.out + r.err).not.toContain(SECRET);
    expect((await gen(dir, { writeEnv: true })).out).toContain('up to date');
  });

  it('--check --write-env names the env file that would change, without values', async () => {
    const dir = materialise('backend-clean', { git: true });
    write(dir, 'backend/.env', 'BETTER_AUTH_URL=https://secret-host.example\n');
    const r = await gen(dir, { check: true, writeEnv: true });
    expect(r.code).toBe(1);
    expect(r.out).toContain('backend/.env: would be changed (added JWT_ISSUER, JWT_AUDIENCE, JWT_ALGORITHM, CORS_ORIGIN, PORT)');
    expect(r.out).not.toContain('secret-host');
    expect(r.out).not.toMatch(/^\.env:/m);
  });

  it('creates backend/ when the folder is missing', async () => {
    const dir = materialise('backend-clean');
    rmSync(path.join(dir, 'backend'), { recursive: true });
    expect((await gen(dir)).code).toBe(0);
    expect(existsSync(path.join(dir, 'backend/.env.example'))).toBe(true);
  });
});

describe('check env with a separate API server', () => {
  it('warns once when BETTER_AUTH_URL points at another server, saying the default issuer/audience follow it', async () => {
    const dir = materialise('backend-clean', { git: true });
    write(dir, 'backend/.env', 'BETTER_AUTH_URL=https://auth.example.com\nJWT_ISSUER=\nJWT_AUDIENCE=\nCORS_ORIGIN=http://localhost:3000\n');
    const r = await checkEnv({ cwd: dir, envVarsFor: fixtureEnvVarsFor });
    const cross = r.findings.filter((f) => f.rule === 'cross-file-mismatch');
    expect(cross.map((f) => [f.variable, f.file, f.line, f.severity])).toEqual([['BETTER_AUTH_URL', 'backend/.env', 1, 'warning']]);
    expect(cross[0]?.message).toBe(
      'BETTER_AUTH_URL differs between .env:2 ("http://localhost:3000") and backend/.env ("https://auth.example.com"): the API server fetches its keys (JWKS) from another server than the one that signs the tokens; JWT_ISSUER and JWT_AUDIENCE default to its origin, so tokens would fail those checks too',
    );
    // A warning: passes, but not with --strict.
    expect(await runCheckEnvCommand({ cwd: dir }, captureIo(), { envVarsFor: fixtureEnvVarsFor })).toBe(0);
    const strict = captureIo();
    expect(await runCheckEnvCommand({ cwd: dir, strict: true }, strict, { envVarsFor: fixtureEnvVarsFor })).toBe(1);
    expect(strict.out()).toContain('warning backend/.env:1  BETTER_AUTH_URL differs');
  });

  it('compares effective values: an issuer spelled out equal to the default, or a trailing slash, is no mismatch', async () => {
    const dir = materialise('backend-clean', { git: true });
    write(dir, 'backend/.env', 'BETTER_AUTH_URL=http://localhost:3000/\nJWT_ISSUER=http://localhost:3000\nJWT_AUDIENCE=\nJWT_ALGORITHM=EdDSA\nCORS_ORIGIN=http://localhost:3000\n');
    expect((await findings(dir)).filter((f) => f[0] === 'cross-file-mismatch')).toEqual([]);
    // An explicit audience on one side only is a mismatch, anchored at that line.
    write(dir, 'backend/.env', 'BETTER_AUTH_URL=http://localhost:3000\nJWT_AUDIENCE=my-api\nCORS_ORIGIN=http://localhost:3000\n');
    expect((await findings(dir)).filter((f) => f[0] === 'cross-file-mismatch')).toEqual([['cross-file-mismatch', 'JWT_AUDIENCE', 'backend/.env', 2]]);
  });

  it('does not compare a value that is already invalid (its own error says it)', async () => {
    const dir = materialise('backend-clean', { git: true });
    write(dir, 'backend/.env', 'BETTER_AUTH_URL=http://localhost:3000\nJWT_ALGORITHM=HS256\nCORS_ORIGIN=http://localhost:3000\n');
    expect(await findings(dir)).toEqual([
      ['jwt-hs256', 'JWT_ALGORITHM', 'backend/.env', 2],
      ['nested-project', null, 'tools', null],
    ]);
  });

  it('ttl-order stays within one env file', async () => {
    const dir = materialise('backend-clean', { git: true });
    // The API server has no TTLs of its own: these lines are not the app's settings.
    write(dir, 'backend/.env', `${read(dir, 'backend/.env')}JWT_ACCESS_TOKEN_EXPIRES=999999\n`);
    expect((await findings(dir)).filter((f) => f[0] === 'ttl-order')).toEqual([]);
  });

  it('reports a missing backend/.env.example and backend/.env at their paths', async () => {
    const dir = materialise('backend-clean', { git: true });
    rmSync(path.join(dir, 'backend/.env.example'));
    rmSync(path.join(dir, 'backend/.env'));
    expect(await findings(dir)).toEqual([
      ['dotenv-missing', null, 'backend/.env', null],
      ['example-missing', null, 'backend/.env.example', null],
      ['undocumented', 'BETTER_AUTH_URL', 'backend/src/config.ts', 3],
      ['undocumented', 'JWT_ISSUER', 'backend/src/config.ts', 4],
      ['undocumented', 'JWT_AUDIENCE', 'backend/src/config.ts', 5],
      ['undocumented', 'JWT_ALGORITHM', 'backend/src/config.ts', 6],
      ['undocumented', 'CORS_ORIGIN', 'backend/src/config.ts', 7],
      ['nested-project', null, 'tools', null],
    ]);
  });

  it('says where a variable read by backend code is documented when it is the other file', async () => {
    const dir = materialise('backend-clean', { git: true });
    write(dir, 'backend/src/db.ts', 'export const url = process.env.DATABASE_URL;\n');
    const r = await checkEnv({ cwd: dir, envVarsFor: fixtureEnvVarsFor });
    const f = r.findings.find((x) => x.rule === 'undocumented');
    expect(f).toMatchObject({ variable: 'DATABASE_URL', file: 'backend/src/db.ts', line: 1 });
    expect(f?.message).toContain('(.env.example documents it, but that is another env file: this code does not load it)');
  });

  it('a backend/.env that is not git-ignored is flagged at its path', async () => {
    const dir = materialise('backend-clean', { git: true });
    write(dir, '.gitignore', 'node_modules/\n/.env\n');
    expect((await findings(dir)).filter((f) => String(f[0]).startsWith('dotenv-'))).toEqual([['dotenv-not-ignored', null, 'backend/.env', null]]);
  });

  it('--from-process checks every file against the one environment, reporting a shared problem once', async () => {
    const dir = materialise('backend-clean', { git: true });
    const env = { BETTER_AUTH_SECRET: 'q7Vb2xK9mP4rT8wZ1nL6cY3hJ0sD5fGa+E=', BETTER_AUTH_URL: 'not a url', DATABASE_URL: 'file:./auth.db', NEXT_PUBLIC_API_URL: 'https://api.example.com' };
    const r = await checkEnv({ cwd: dir, envVarsFor: fixtureEnvVarsFor, fromProcess: true, processEnv: env });
    expect(r.findings.map((f) => [f.rule, f.variable ?? null, f.file ?? null])).toEqual([
      ['invalid-url', 'BETTER_AUTH_URL', null],
      ['missing-required', 'CORS_ORIGIN', null],
      ['nested-project', null, 'tools'],
    ]);
    expect(r.findings[1]?.message).toBe('CORS_ORIGIN is required but missing from the environment (it belongs in backend/.env)');
  });

  it('keeps a subdirectory that is not an env file of this project a separate project; without a manifest backend/ is one too', async () => {
    const dir = materialise('backend-clean', { git: true });
    rmSync(path.join(dir, 'create-better-auth-jwt.json'));
    const r = await checkEnv({ cwd: dir, envVarsFor: fixtureEnvVarsFor });
    expect(r.findings.filter((f) => f.rule === 'nested-project').map((f) => f.file)).toEqual(['backend', 'tools']);
    expect(r.stats.envFiles).toEqual(['.env']);
  });

  it('the same directories are recognised without git (directory walk)', async () => {
    const dir = materialise('backend-clean');
    expect(await findings(dir)).toEqual([['nested-project', null, 'tools', null]]);
  });
});

describe('declared variables with a file', () => {
  it('accepts a relative env file path and rejects ones outside the project or not an env file', () => {
    const base = { name: 'X', description: 'x' };
    expect(normaliseDeclared({ ...base, file: 'backend/.env' })?.file).toBe('backend/.env');
    expect(normaliseDeclared({ ...base, file: '.env' })).not.toHaveProperty('file');
    for (const file of ['../.env', '/etc/.env', 'backend/.env.example', 'backend/config.json', 'a//.env', 3]) {
      expect(normaliseDeclared({ ...base, file }), String(file)).toBeUndefined();
    }
  });

  it('a declared backend variable renders into backend/.env.example and replaces only the (file, name) it matches', async () => {
    const dir = materialise('backend-clean', { git: true });
    const declared = [
      { name: 'PORT', group: 'API server (backend/)', description: 'Port of the API.', required: true, kind: 'string', example: '9000', usedBy: ['backend'], secret: false, file: 'backend/.env' },
    ];
    // backend/.env.example is as generated (the manifest has its hash), so gen env owns it.
    const manifest = JSON.parse(manifestFor(EXPRESS_OPTIONS, declared as never));
    manifest.files = { 'backend/.env.example': hashContent(read(dir, 'backend/.env.example')) };
    write(dir, 'create-better-auth-jwt.json', JSON.stringify(manifest));
    expect((await gen(dir)).code).toBe(0);
    expect(read(dir, 'backend/.env.example')).toContain('# Port of the API. (required)\nPORT=9000\n');
    expect(read(dir, 'backend/.env.example').match(/^PORT=/gm)).toHaveLength(1);
    expect(read(dir, '.env.example')).not.toContain('PORT=');
  });
});
