// gen env round trips: drift detection, README bytes outside the markers, user variables
// kept, idempotence, --write-env never changing a value or printing a secret.
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheckEnvCommand } from '../../src/commands/check-env.js';
import { runGenEnvCommand } from '../../src/commands/gen-env.js';
import { ENV_TABLE_END, ENV_TABLE_START } from '../../src/env/render.js';
import { hashContent as sha256 } from '../../src/plan/manifest.js';
import { DEFAULT_OPTIONS, fixtureEnvVarsFor, manifestFor } from './fixture-registry.js';
import { captureIo, materialise, tempDir } from './helpers.js';

const SECRET = 'GENERATED-SECRET-do-not-print-0123456789abcdef';
const inject = { envVarsFor: fixtureEnvVarsFor, makeSecret: () => SECRET };
const read = (dir: string, f: string) => readFileSync(path.join(dir, f), 'utf8');

async function gen(dir: string, flags: { check?: boolean; writeEnv?: boolean; readmeMarkers?: boolean } = {}) {
  const io = captureIo();
  const code = await runGenEnvCommand({ cwd: dir, ...flags }, io, inject);
  return { code, out: io.out(), err: io.err() };
}

async function check(dir: string) {
  const io = captureIo();
  const code = await runCheckEnvCommand({ cwd: dir }, io, { envVarsFor: fixtureEnvVarsFor });
  return { code, out: io.out() };
}

describe('gen env', () => {
  it('is idempotent on a generated project (the fixture is rendered by the current render.ts first)', async () => {
    const dir = materialise('clean-generated', { git: true });
    expect((await gen(dir)).code).toBe(0);
    const before = [read(dir, 'README.md'), read(dir, '.env.example')];
    expect(await gen(dir, { check: true })).toMatchObject({ code: 0 });
    expect((await gen(dir)).out).toContain('up to date');
    expect([read(dir, 'README.md'), read(dir, '.env.example')]).toEqual(before);
  });

  it('detects drift with --check (exit 1, a diff, nothing written), then fixes it keeping README bytes outside the markers', async () => {
    const dir = materialise('clean-generated', { git: true });
    await gen(dir);
    // Hand edits: README prose everywhere outside the block, a row removed from the table,
    // and a variable of the user's own documented in .env.example.
    const readme = read(dir, 'README.md')
      .replace('Hand-written intro.', 'Hand-written intro, edited\twith tabs and trailing spaces   ')
      .replace(/^\| `JWT_AUDIENCE`.*\n/m, '')
      .concat('\n<!-- a comment -->\nMore prose after.\n');
    writeFileSync(path.join(dir, 'README.md'), readme);
    writeFileSync(path.join(dir, '.env.example'), `${read(dir, '.env.example')}\n# Sentry DSN for error reports (optional)\nSENTRY_DSN=https://key@sentry.example/1\n`);
    const exampleBefore = read(dir, '.env.example');

    const drift = await gen(dir, { check: true });
    expect(drift.code).toBe(1);
    expect(drift.out).toContain('--- a/README.md');
    expect(drift.out).toContain('+| `JWT_AUDIENCE`');
    expect(drift.err).toMatch(/^error: gen env --check: .*README\.md/m);
    expect(read(dir, 'README.md')).toBe(readme);
    expect(read(dir, '.env.example')).toBe(exampleBefore);

    expect((await gen(dir)).code).toBe(0);
    const after = read(dir, 'README.md');
    const start = readme.indexOf(ENV_TABLE_START);
    const endOld = readme.indexOf(ENV_TABLE_END) + ENV_TABLE_END.length;
    const endNew = after.indexOf(ENV_TABLE_END) + ENV_TABLE_END.length;
    expect(after.slice(0, start)).toBe(readme.slice(0, start));
    expect(after.slice(endNew)).toBe(readme.slice(endOld));
    expect(after).toContain('| `JWT_AUDIENCE`');
    // The user's variable survives in both renderings.
    expect(read(dir, '.env.example')).toMatch(/# Sentry DSN for error reports \(optional\)\nSENTRY_DSN=https:\/\/key@sentry.example\/1\n/);
    expect(after).toContain('| `SENTRY_DSN` | no | Sentry DSN for error reports |');

    // Idempotent: a second run and --check change nothing.
    const snapshot = [read(dir, 'README.md'), read(dir, '.env.example')];
    expect((await gen(dir)).out).toContain('up to date');
    expect([read(dir, 'README.md'), read(dir, '.env.example')]).toEqual(snapshot);
    expect((await gen(dir, { check: true })).code).toBe(0);
    // And check env passes (SENTRY_DSN is documented but unread: a warning only).
    const checked = await check(dir);
    expect(checked.code).toBe(0);
    expect(checked.out).toContain('[unused]');
  });

  it('renders variables declared in the manifest and drops variables of options no longer chosen', async () => {
    const dir = materialise('clean-generated', { git: true });
    // The project no longer uses GitHub; the user declared a variable of their own.
    // It is still the file the CLI generated (the manifest has its hash), so gen env owns it.
    const manifest = JSON.parse(manifestFor(DEFAULT_OPTIONS, [{ name: 'STRIPE_SECRET_KEY', group: 'Payments', description: 'Stripe API key.', required: true, kind: 'string', example: 'sk_test_x', usedBy: ['backend'], secret: true }]));
    manifest.files = { '.env.example': sha256(read(dir, '.env.example')) };
    writeFileSync(path.join(dir, 'create-better-auth-jwt.json'), JSON.stringify(manifest));
    const r = await gen(dir);
    expect(r.code).toBe(0);
    expect(r.err).toContain('removed GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET');
    const example = read(dir, '.env.example');
    expect(example).not.toContain('GITHUB_');
    // A secret never gets an example value, even when declared with one.
    expect(example).toContain('# --- Payments ---\n# Stripe API key. (required)\nSTRIPE_SECRET_KEY=\n');
    expect(read(dir, 'README.md')).toContain('| `STRIPE_SECRET_KEY` | yes | Stripe API key. |');
    expect(read(dir, 'README.md')).not.toContain('sk_test_x');
  });

  it('leaves a README without the block alone unless --readme-markers, and never creates a missing README', async () => {
    const dir = materialise('no-dotenv');
    writeFileSync(path.join(dir, 'README.md'), '# My app\n\nNo table here.');
    expect((await gen(dir)).err).toContain('--readme-markers');
    expect(read(dir, 'README.md')).toBe('# My app\n\nNo table here.');
    await runGenEnvCommand({ cwd: dir, readmeMarkers: true }, captureIo(), inject);
    const readme = read(dir, 'README.md');
    expect(readme.startsWith('# My app\n\nNo table here.\n\n## Environment variables\n\n<!-- env-table:start -->')).toBe(true);
    rmSync(path.join(dir, 'README.md'));
    await gen(dir);
    expect(existsSync(path.join(dir, 'README.md'))).toBe(false);
  });

  it('keeps CRLF line endings of a README', async () => {
    const dir = materialise('clean-generated');
    const crlf = read(dir, 'README.md').replace(/\n/g, '\r\n').replace(/^\| `JWT_ISSUER`.*\r\n/m, '');
    writeFileSync(path.join(dir, 'README.md'), crlf);
    await gen(dir);
    const after = read(dir, 'README.md');
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    expect(after).toContain('| `JWT_ISSUER`');
  });

  it('--write-env creates .env with a generated secret, mode 0600, and never prints it', async () => {
    const dir = materialise('no-dotenv');
    const r = await gen(dir, { writeEnv: true });
    expect(r.code).toBe(0);
    const dotenv = read(dir, '.env');
    expect(dotenv).toContain(`BETTER_AUTH_SECRET=${SECRET}\n`);
    expect(dotenv).toContain('BETTER_AUTH_URL=http://localhost:3000\n');
    expect(statSync(path.join(dir, '.env')).mode & 0o777).toBe(0o600);
    expect(r.out + r.err).not.toContain(SECRET);
    expect(r.out).toContain('generated a random value for BETTER_AUTH_SECRET');
  });

  it('--write-env adds missing keys, fills an empty secret, and leaves every existing value alone', async () => {
    const dir = materialise('no-dotenv');
    const original = '# mine\nBETTER_AUTH_SECRET=\nBETTER_AUTH_URL=https://my.app\nJWT_ALGORITHM=HS256 # wrong, but mine\nEXTRA=keep\n';
    writeFileSync(path.join(dir, '.env'), original);
    const r = await gen(dir, { writeEnv: true });
    expect(r.code).toBe(0);
    const dotenv = read(dir, '.env');
    expect(dotenv.startsWith(`# mine\nBETTER_AUTH_SECRET=${SECRET}\nBETTER_AUTH_URL=https://my.app\nJWT_ALGORITHM=HS256 # wrong, but mine\nEXTRA=keep\n`)).toBe(true);
    expect(dotenv).toContain('\n# Added by create-better-auth-jwt gen env\nDATABASE_URL=file:./auth.db\nJWT_ACCESS_TOKEN_EXPIRES=900\n');
    expect(r.out + r.err).not.toContain(SECRET);
    // A second run adds nothing.
    expect((await gen(dir, { writeEnv: true })).out).toContain('up to date');
    expect(read(dir, '.env')).toBe(dotenv);
  });

  it('--check --write-env reports missing .env keys without writing or printing values', async () => {
    const dir = materialise('no-dotenv');
    writeFileSync(path.join(dir, '.env'), 'BETTER_AUTH_URL=https://secret-host.example\n');
    const r = await gen(dir, { check: true, writeEnv: true });
    expect(r.code).toBe(1);
    expect(r.out).toContain('.env: would be changed (added BETTER_AUTH_SECRET');
    expect(r.out).not.toContain('secret-host');
    expect(read(dir, '.env')).toBe('BETTER_AUTH_URL=https://secret-host.example\n');
  });

  it('masks secret values of an .env.example in a --check diff', async () => {
    const dir = materialise('no-dotenv');
    const pasted = read(dir, '.env.example').replace('BETTER_AUTH_SECRET=', 'BETTER_AUTH_SECRET=real-secret-pasted-by-mistake');
    writeFileSync(path.join(dir, '.env.example'), pasted);
    // A file gen env owns (the manifest recorded this content), so --check diffs it.
    const manifest = JSON.parse(read(dir, 'create-better-auth-jwt.json'));
    manifest.files = { '.env.example': sha256(pasted) };
    writeFileSync(path.join(dir, 'create-better-auth-jwt.json'), JSON.stringify(manifest));
    const r = await gen(dir, { check: true });
    expect(r.code).toBe(1);
    expect(r.out).toContain('-BETTER_AUTH_SECRET=**** (29 characters)');
    expect(r.out).not.toContain('real-secret-pasted');
  });

  it('updates the manifest hash of a file it rewrites only if the user had not edited it', async () => {
    const dir = materialise('no-dotenv');
    const manifestPath = path.join(dir, 'create-better-auth-jwt.json');
    const manifest = JSON.parse(read(dir, 'create-better-auth-jwt.json'));
    const staleExample = '# old\nBETTER_AUTH_SECRET=\n';
    writeFileSync(path.join(dir, '.env.example'), staleExample);
    manifest.files = { '.env.example': sha256(staleExample), 'README.md': 'sha256-edited-by-user' };
    writeFileSync(manifestPath, JSON.stringify(manifest));
    await gen(dir);
    const after = JSON.parse(readFileSync(manifestPath, 'utf8'));
    expect(after.files['.env.example']).toBe(sha256(read(dir, '.env.example')));
    expect(after.files['README.md']).toBe('sha256-edited-by-user');
  });

  it('works from .env.example alone, and fails cleanly with nothing to read', async () => {
    const dir = materialise('plain-clean');
    expect((await gen(dir)).code).toBe(0);
    expect(read(dir, '.env.example')).toContain('# Mail server (required)\nSMTP_URL=smtp://localhost:1025\n');
    expect((await gen(dir, { check: true })).code).toBe(0);
    expect(existsSync(path.join(dir, 'README.md'))).toBe(false);

    const empty = tempDir();
    const r = await gen(empty);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: nothing to generate from: no create-better-auth-jwt\.json and no \.env\.example/);
    expect(existsSync(path.join(empty, 'README.md'))).toBe(false);
  });

  it('reports an unusable manifest or an unreadable .env as one error line', async () => {
    const dir = materialise('manifest-invalid');
    const r = await gen(dir);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^error: create-better-auth-jwt\.json is not valid JSON/);

    const dir2 = materialise('dotenv-directory');
    const r2 = await gen(dir2, { writeEnv: true });
    expect(r2.code).toBe(1);
    expect(r2.err).toBe('error: .env cannot be read: it is a directory\n');
  });

  it('rejects a --cwd that is not a directory with exit 2', async () => {
    const io = captureIo();
    expect(await runGenEnvCommand({ cwd: '/definitely/not/here' }, io, inject)).toBe(2);
    expect(io.err()).toBe('error: --cwd /definitely/not/here: not a directory\n');
  });
});
