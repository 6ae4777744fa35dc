// `gen env` on files it did not write, which must never lose a line of the user's. It owns only what it generated or
// what sits between its markers: in a hand-written .env.example it adds the missing variables
// in one block at the end and never edits or removes another byte; a README is touched only
// between its env-table markers (or with --readme-markers); a README is never created.
import { cpSync, existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGenEnvCommand } from '../../src/commands/gen-env.js';
import { ENV_TABLE_END, ENV_TABLE_START } from '../../src/env/render.js';
import { hashContent } from '../../src/plan/manifest.js';
import { DEFAULT_OPTIONS, fixtureEnvVarsFor, manifestFor } from './fixture-registry.js';
import { captureIo, materialise, REPO, tempDir } from './helpers.js';

const inject = { envVarsFor: fixtureEnvVarsFor, makeSecret: () => 'GENERATED-SECRET-0123456789abcdef0123456789' };
const read = (dir: string, f: string) => readFileSync(path.join(dir, f), 'utf8');
const write = (dir: string, f: string, text: string) => writeFileSync(path.join(dir, f), text);

async function gen(dir: string, flags: { check?: boolean; writeEnv?: boolean; readmeMarkers?: boolean } = {}) {
  const io = captureIo();
  const code = await runGenEnvCommand({ cwd: dir, ...flags }, io, inject);
  return { code, out: io.out(), err: io.err() };
}

/** A copy of the hand-written project (60+ line .env.example, README without markers, a sub-app). */
function handWritten(): string {
  const dir = path.join(tempDir('cbaj-gen-'), 'notes');
  cpSync(path.join(REPO, 'test/fixtures/gen-env/hand-written'), dir, { recursive: true });
  return dir;
}

/** Sets a file's mtime in the past, so a rewrite (even with the same bytes) shows. */
function age(dir: string, f: string): number {
  const past = new Date('2020-01-01T00:00:00Z');
  utimesSync(path.join(dir, f), past, past);
  return statSync(path.join(dir, f)).mtimeMs;
}

const BLOCK = [
  '# --- added by create-better-auth-jwt gen env: start ---',
  '# Variables this project needs that are not documented above. gen env rewrites only this block.',
  '# read in src/mail.ts:3',
  '# RESEND_API_KEY=',
  '# read in src/storage.ts:6',
  '# REDIS_URL=',
  '# --- added by create-better-auth-jwt gen env: end ---',
];

describe('gen env on a hand-written .env.example (no manifest)', () => {
  it('adds only the missing variables, in one block at the end (reads commented out, so a copy to .env sets nothing), keeping every other byte', async () => {
    const dir = handWritten();
    const original = read(dir, '.env.example');
    const r = await gen(dir);
    expect(r.code, r.err).toBe(0);
    const after = read(dir, '.env.example');
    expect(after.startsWith(original)).toBe(true);
    expect(after.slice(original.length)).toBe(`\n${BLOCK.join('\n')}\n`);
    expect(after).not.toContain('No description yet');
    expect(r.out).toContain('updated .env.example (added RESEND_API_KEY, REDIS_URL');
  });

  it('changes nothing on a re-run: same bytes, same mtime, and --check passes', async () => {
    const dir = handWritten();
    await gen(dir);
    const once = read(dir, '.env.example');
    const mtime = age(dir, '.env.example');
    const r = await gen(dir);
    expect(r.code).toBe(0);
    expect(read(dir, '.env.example')).toBe(once);
    expect(statSync(path.join(dir, '.env.example')).mtimeMs).toBe(mtime);
    expect((await gen(dir, { check: true })).code).toBe(0);
  });

  it('keeps CRLF, a BOM and a missing final newline, and writes its block with CRLF', async () => {
    const dir = handWritten();
    const original = `\uFEFF${read(dir, '.env.example').replace(/\n/g, '\r\n').replace(/\r\n$/, '')}`;
    write(dir, '.env.example', original);
    expect((await gen(dir)).code).toBe(0);
    const after = read(dir, '.env.example');
    expect(after.startsWith(original)).toBe(true);
    expect(after.slice(original.length)).toBe(`\r\n\r\n${BLOCK.join('\r\n')}\r\n`);
    // And the re-run is a no-op here too.
    const mtime = age(dir, '.env.example');
    await gen(dir);
    expect(read(dir, '.env.example')).toBe(after);
    expect(statSync(path.join(dir, '.env.example')).mtimeMs).toBe(mtime);
  });

  it('leaves the file byte-identical (mtime unchanged) when nothing is missing', async () => {
    const dir = handWritten();
    const complete = `${read(dir, '.env.example')}# Resend API key\nRESEND_API_KEY=\n# REDIS_URL=redis://localhost:6379\n`;
    write(dir, '.env.example', complete);
    const mtime = age(dir, '.env.example');
    const r = await gen(dir);
    expect(r.code).toBe(0);
    expect(read(dir, '.env.example')).toBe(complete);
    expect(statSync(path.join(dir, '.env.example')).mtimeMs).toBe(mtime);
    expect(r.out).toContain('up to date');
  });

  it('on a re-run rewrites only its own block: new reads are appended to it, variables now documented above leave it, lines around it stay', async () => {
    const dir = handWritten();
    await gen(dir);
    // The user documents RESEND_API_KEY above the block and writes a line after it; the code reads a new variable.
    const edited = read(dir, '.env.example')
      .replace('# --- Logging ---\n', '# --- Logging ---\n# Resend API key (mandatory)\nRESEND_API_KEY=\n')
      .concat('# my own trailing note\n');
    write(dir, '.env.example', edited);
    write(dir, 'src/queue.ts', 'export const queue = process.env.QUEUE_NAME;\n');
    expect((await gen(dir)).code).toBe(0);
    const start = edited.indexOf(BLOCK[0] as string);
    const end = edited.indexOf(BLOCK[6] as string) + (BLOCK[6] as string).length;
    const after = read(dir, '.env.example');
    expect(after.slice(0, start)).toBe(edited.slice(0, start));
    expect(after.endsWith(edited.slice(end))).toBe(true);
    expect(after.slice(start, after.length - (edited.length - end))).toBe(
      [BLOCK[0], BLOCK[1], '# read in src/storage.ts:6', '# REDIS_URL=', '# read in src/queue.ts:1', '# QUEUE_NAME=', BLOCK[6]].join('\n'),
    );
  });

  it('--check explains what it would add and where, exits 1, and writes nothing; exit 0 once added', async () => {
    const dir = handWritten();
    const original = read(dir, '.env.example');
    const r = await gen(dir, { check: true });
    expect(r.code).toBe(1);
    expect(r.out).toContain('.env.example: would add 2 variable(s) in a block at the end');
    expect(r.out).toContain('RESEND_API_KEY (read in src/mail.ts:3)');
    expect(r.out).toContain('REDIS_URL (read in src/storage.ts:6)');
    // No formatting diff of the user's lines.
    expect(r.out).not.toMatch(/^-/m);
    expect(read(dir, '.env.example')).toBe(original);
    await gen(dir);
    expect((await gen(dir, { check: true })).code).toBe(0);
  });

  it('does not touch a README without markers, says how to opt in, and --readme-markers appends the table', async () => {
    const dir = handWritten();
    const readme = read(dir, 'README.md');
    const r = await gen(dir);
    expect(read(dir, 'README.md')).toBe(readme);
    expect(r.err).toContain('--readme-markers');
    expect(r.err.split('\n').filter((l) => l.includes('README.md'))).toHaveLength(1);
    expect((await gen(dir, { check: true })).code).toBe(0);

    const opted = await gen(dir, { readmeMarkers: true });
    expect(opted.code).toBe(0);
    const after = read(dir, 'README.md');
    expect(after.startsWith(`${readme}\n## Environment variables\n\n${ENV_TABLE_START}\n`)).toBe(true);
    expect(after.endsWith(`${ENV_TABLE_END}\n`)).toBe(true);
    expect(after).toContain('| `OIDC_CLIENT_ID` | no |');
    expect(after).toContain('| `RESEND_API_KEY` | no |');
    expect(after).not.toContain('No description yet');
    // From then on the markers are there: a plain run keeps it as it is.
    expect((await gen(dir, { check: true })).code).toBe(0);
  });

  it('changes a README with markers only between them', async () => {
    const dir = handWritten();
    const before = `# Acme\r\n\r\nIntro.\r\n\r\n${ENV_TABLE_START}\r\nstale\r\n${ENV_TABLE_END}\r\n\r\nOutro, no final newline`;
    write(dir, 'README.md', before);
    expect((await gen(dir)).code).toBe(0);
    const after = read(dir, 'README.md');
    expect(after.startsWith(`# Acme\r\n\r\nIntro.\r\n\r\n${ENV_TABLE_START}\r\n| Variable |`)).toBe(true);
    expect(after.endsWith(`${ENV_TABLE_END}\r\n\r\nOutro, no final newline`)).toBe(true);
    expect(after).not.toContain('stale');
  });

  it('never creates a README in a directory that has none (a sub-app), even with --readme-markers', async () => {
    const dir = handWritten();
    const app = path.join(dir, 'apps/admin');
    const r = await gen(app, { readmeMarkers: true });
    expect(r.code, r.err).toBe(0);
    expect(existsSync(path.join(app, 'README.md'))).toBe(false);
    expect(read(app, '.env.example')).toBe(`# Admin console\nADMIN_PORT=4100\n\n${BLOCK[0]}\n${BLOCK[1]}\n# read in src/admin.ts:1\n# ADMIN_TOKEN=\n${BLOCK[6]}\n`);
  });
});

describe('gen env --write-env with a hand-written .env.example', () => {
  it('adds a missing key with the value the example documents (as a copy would), never blanking a default whose name looks secret', async () => {
    const dir = handWritten();
    write(dir, '.env', 'APP_URL=https://notes.example\n');
    expect((await gen(dir, { writeEnv: true })).code).toBe(0);
    const dotenv = read(dir, '.env');
    expect(dotenv.startsWith('APP_URL=https://notes.example\n')).toBe(true);
    expect(dotenv).toContain('\nJWT_SECRET_ROTATION_DAYS=30\n');
    expect(dotenv).toContain('\nSMTP_PASSWORD_RESET_URL=http://localhost:4000/reset\n');
    expect(dotenv).toContain('\nAPP_PORT=4000\n');
    expect(dotenv).toContain('\nSESSION_SECRET=\n');
    // Commented-out variables stay optional: nothing is set for them.
    expect(dotenv).not.toContain('SMTP_HOST');
  });
});

describe('gen env with a manifest', () => {
  it('treats an .env.example it did not write (no recorded hash, not its rendering) as foreign: adds missing registry variables only', async () => {
    const dir = materialise('no-dotenv');
    const mine = [
      '# My own layout of the variables.',
      '',
      '# Auth (mandatory)',
      'BETTER_AUTH_SECRET=',
      'BETTER_AUTH_URL=https://notes.example',
      '',
      '# DATABASE_URL=file:./auth.db',
      'JWT_ACCESS_TOKEN_EXPIRES=600',
      'JWT_REFRESH_TOKEN_EXPIRES=86400',
      'JWT_ALGORITHM=EdDSA',
      'JWT_AUDIENCE=https://notes.example',
      '',
    ].join('\n');
    write(dir, '.env.example', mine);
    const r = await gen(dir);
    expect(r.code, r.err).toBe(0);
    expect(read(dir, '.env.example')).toBe(
      `${mine}\n${BLOCK[0]}\n${BLOCK[1]}\n# The iss claim. (optional)\nJWT_ISSUER=http://localhost:3000\n${BLOCK[6]}\n`,
    );
    expect((await gen(dir, { check: true })).code).toBe(0);
  });

  it('re-renders an .env.example whose content still has the hash the manifest recorded', async () => {
    const dir = materialise('no-dotenv');
    const stale = '# old\nBETTER_AUTH_SECRET=\n';
    write(dir, '.env.example', stale);
    const manifest = JSON.parse(manifestFor(DEFAULT_OPTIONS));
    manifest.files = { '.env.example': hashContent(stale) };
    write(dir, 'create-better-auth-jwt.json', JSON.stringify(manifest));
    expect((await gen(dir)).code).toBe(0);
    expect(read(dir, '.env.example')).toContain('# --- JWT ---\n');
    expect(read(dir, '.env.example')).not.toContain('# old');
  });
});
