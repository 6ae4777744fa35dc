// The React+Vite auth server (Hono or Express) in production: a missing CORS_ORIGIN stops
// start-up with one line instead of silently trusting the Vite dev server's localhost origin
// (for CORS with credentials and as a Better Auth trusted origin).
import { execa } from 'execa';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { linkDeps } from '../helpers/deps-cache.js';
import { generateProject } from '../helpers/generate.js';
import { cleanEnv } from '../helpers/server.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cbaj-rv-cors-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Starts `server/index.ts` as `npm start` does (tsx), expecting it to stop on its own. */
async function start(dir: string, env: Record<string, string>) {
  const tsx = path.join(dir, 'node_modules/tsx/dist/cli.mjs');
  const result = await execa(process.execPath, [tsx, 'server/index.ts'], { cwd: dir, env: cleanEnv(env), extendEnv: false, reject: false, timeout: 8_000, stdin: 'ignore' });
  return { exitCode: result.exitCode, timedOut: result.timedOut, stderr: String(result.stderr) };
}

describe.each(['hono', 'express'] as const)('react-vite auth server (%s)', (backend) => {
  it('NODE_ENV=production without a usable CORS_ORIGIN (unset, empty, *, a path): refuses to start, with one line naming CORS_ORIGIN', async () => {
    const dir = await generateProject(path.join(root, backend), { framework: 'react-vite', backend, providers: [] });
    await linkDeps(dir);
    // Everything else from the generated .env, so only CORS_ORIGIN can stop it.
    const envFile = path.join(dir, '.env');
    fs.writeFileSync(envFile, fs.readFileSync(envFile, 'utf8').replace(/^CORS_ORIGIN=.*\n/m, ''));
    for (const corsOrigin of [undefined, '', ' , ', '*', 'https://app.example.com/path']) {
      const env: Record<string, string> = { NODE_ENV: 'production', PORT: '0' };
      if (corsOrigin !== undefined) env.CORS_ORIGIN = corsOrigin;
      const result = await start(dir, env);
      const label = `CORS_ORIGIN=${JSON.stringify(corsOrigin)}`;
      expect(result.timedOut, `${label}: it kept running`).toBe(false);
      expect(result.exitCode, label).not.toBe(0);
      const lines = result.stderr.split('\n').filter((line) => line.trim() !== '');
      expect(lines, result.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/CORS_ORIGIN/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  }, 120_000);
});
