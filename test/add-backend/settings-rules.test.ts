// The settings module add backend writes into a FastAPI app refuses what the generated FastAPI
// backend's settings.py refuses (both render the same partials): a CORS_ORIGIN of `*`, and an
// algorithm spelt in the wrong case, with the same one-line reasons.
import { execa } from 'execa';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAddBackend } from '../../src/add-backend/run.js';
import { SYSTEM_PYTHON } from '../backends/harness.js';
import { copyFixture } from './fixtures.js';

const quiet = { out: () => {}, warn: () => {} };

async function loadSettings(dir: string, env: Record<string, string>) {
  const result = await execa(SYSTEM_PYTHON, [path.join(dir, 'app/auth_settings.py')], { reject: false, env: { BETTER_AUTH_URL: 'http://localhost:3000', ...env }, extendEnv: false });
  return { exitCode: result.exitCode, stderr: String(result.stderr) };
}

describe("add backend's FastAPI settings", () => {
  it('refuse CORS_ORIGIN=* and a mis-cased JWT_ALGORITHM as the generated backend does', async () => {
    const dir = copyFixture('fastapi-router');
    await runAddBackend(dir, { yes: true }, quiet);
    expect(await loadSettings(dir, { CORS_ORIGIN: 'http://localhost:3000' })).toEqual({ exitCode: 0, stderr: '' });
    const star = await loadSettings(dir, { CORS_ORIGIN: '*' });
    expect(star.exitCode).toBe(1);
    expect(star.stderr).toBe('token verifier: configuration error: CORS_ORIGIN=* would let any site call this API; list the frontend origin(s) instead');
    const cased = await loadSettings(dir, { JWT_ALGORITHM: 'eddsa' });
    expect(cased.exitCode).toBe(1);
    expect(cased.stderr).toBe('token verifier: configuration error: JWT_ALGORITHM=eddsa is not recognised (names are case-sensitive): did you mean EdDSA?');
  });
});
