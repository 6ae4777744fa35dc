// gen env in a project that has neither our manifest nor an .env.example: it writes one that
// documents what the code reads (each commented out, under where it is read), and --check says
// what it would write instead of failing with "nothing to generate from".
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGenEnvCommand } from '../../src/commands/gen-env.js';
import { fixtureEnvVarsFor } from './fixture-registry.js';
import { captureIo, tempDir } from './helpers.js';

const inject = { envVarsFor: fixtureEnvVarsFor, makeSecret: () => 'GENERATED-SECRET-0123456789abcdef0123456789' };

function apiWithoutExample(): string {
  const dir = path.join(tempDir('cbaj-gen-'), 'api');
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{ "name": "api", "private": true }\n');
  writeFileSync(path.join(dir, 'src/mail.js'), 'export const host = process.env.SMTP_HOST;\nexport const port = Number(process.env.SMTP_PORT ?? 587);\n');
  return dir;
}

async function gen(dir: string, check: boolean) {
  const io = captureIo();
  const code = await runGenEnvCommand({ cwd: dir, check }, io, inject);
  return { code, out: io.out(), err: io.err() };
}

describe('gen env without a manifest or an .env.example', () => {
  it('--check lists the variables it would document and where they are read, exits 1 and writes nothing', async () => {
    const dir = apiWithoutExample();
    const r = await gen(dir, true);
    expect(r.code).toBe(1);
    expect(r.out + r.err).not.toContain('nothing to generate from');
    expect(r.out).toContain('SMTP_HOST');
    expect(r.out).toContain('src/mail.js:1');
    expect(r.out).toContain('SMTP_PORT');
    expect(existsSync(path.join(dir, '.env.example'))).toBe(false);
  });

  it('writes an .env.example that documents each read, after which --check is up to date', async () => {
    const dir = apiWithoutExample();
    expect((await gen(dir, false)).code).toBe(0);
    const example = readFileSync(path.join(dir, '.env.example'), 'utf8');
    expect(example).toContain('# read in src/mail.js:1\n# SMTP_HOST=\n');
    expect(example).toContain('# read in src/mail.js:2\n# SMTP_PORT=\n');
    expect(existsSync(path.join(dir, 'README.md'))).toBe(false);
    const again = await gen(dir, true);
    expect(again.code).toBe(0);
    expect(again.out).toContain('up to date');
  });
});
