// A `--framework react-vite` project (real plan, real writer) passes `check env --strict` and
// `gen env --check`, its VITE_ variables are all public, and a secret given a VITE_ name is
// flagged: only VITE_ names reach the browser bundle.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheckEnvCommand } from '../../src/commands/check-env.js';
import { runGenEnvCommand } from '../../src/commands/gen-env.js';
import { checkEnv } from '../../src/env/check.js';
import { reactVitePlan, writeReactViteProject } from '../helpers/react-vite-project.js';
import { captureIo, git, tempDir } from './helpers.js';

async function project(overrides: Parameters<typeof writeReactViteProject>[1]): Promise<string> {
  const dir = path.join(tempDir('cbaj-rv-env-'), 'rv-app');
  await writeReactViteProject(dir, overrides);
  // Provider credentials filled in as a developer would.
  const envFile = path.join(dir, '.env');
  writeFileSync(envFile, readFileSync(envFile, 'utf8').replace(/^(\w+_CLIENT_(?:ID|SECRET))=$/gm, '$1=filled-in-by-the-developer-0123456789'));
  git(dir, 'init', '-q');
  return dir;
}

describe('react-vite env', () => {
  it('plans VITE_API_URL as the only browser variable, public', () => {
    const p = reactVitePlan('rv-app', { providers: ['github'] });
    const frontend = p.env.filter((v) => v.usedBy.includes('frontend'));
    expect(frontend.map((v) => v.name)).toEqual(['VITE_API_URL']);
    expect(p.env.filter((v) => v.name.startsWith('VITE_') && v.secret)).toEqual([]);
    expect(p.env.map((v) => v.name)).toEqual(expect.arrayContaining(['BETTER_AUTH_SECRET', 'BETTER_AUTH_URL', 'DATABASE_URL', 'CORS_ORIGIN', 'GITHUB_CLIENT_SECRET']));
  });

  for (const overrides of [{}, { storage: 'local', http: 'axios', db: 'postgres', providers: ['apple', 'github'] }] as const) {
    it(`passes check env --strict and gen env --check: ${JSON.stringify(overrides)}`, async () => {
      const dir = await project({ ...overrides, providers: [...(overrides as { providers?: never[] }).providers ?? []] });
      const result = await checkEnv({ cwd: dir });
      expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
      const io = captureIo();
      expect(await runGenEnvCommand({ cwd: dir, check: true }, io), io.out() + io.err()).toBe(0);
      const checkIo = captureIo();
      expect(await runCheckEnvCommand({ cwd: dir, strict: true }, checkIo), checkIo.out() + checkIo.err()).toBe(0);
    });
  }

  it('flags a secret-looking VITE_ variable', async () => {
    const dir = await project({});
    const envFile = path.join(dir, '.env');
    writeFileSync(envFile, `${readFileSync(envFile, 'utf8')}VITE_STRIPE_SECRET_KEY=sk_live_0123456789abcdef0123456789\n`);
    const result = await checkEnv({ cwd: dir });
    expect(result.findings.some((f) => f.severity === 'error' && JSON.stringify(f).includes('VITE_STRIPE_SECRET_KEY'))).toBe(true);
  });
});
