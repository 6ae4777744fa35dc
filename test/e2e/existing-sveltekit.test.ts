// `--cwd` in an existing SvelteKit app (sv create 0.17.1 minimal, TypeScript, with its own
// hooks.server.ts): after the lines the CLI printed are pasted in (vite.config.ts: adapter-node
// and port 3000; hooks.server.ts: sequence(authHandle, appHandle)), the app builds, starts with
// `npm start`'s scripts/start.js and passes the generated apps' browser flow: sign-up →
// dashboard data with a Bearer JWT → refresh after expiry → sign-out → 401. The app's own
// handle still runs on every response.
import path from 'node:path';
import { expect, test } from 'vitest';
import { copyDepsCache, runStep } from '../helpers/e2e-project.js';
import { applyHooksLines, applyViteConfigLines, createSvelteKitApp, printedLines, runCli } from '../helpers/existing-sveltekit.js';
import { cleanEnv, freePort, startProcessServer } from '../helpers/server.js';
import { bearerFlowTests } from './auth-flow.js';
import { ACCESS_TOKEN_SECONDS, uniqueUser, useServedApp } from './fixture.js';

const app = useServedApp({
  name: 'existing-sveltekit',
  async setup(served) {
    const dir = await createSvelteKitApp('own-hooks', 'e2e-existing-sveltekit');
    const project = (served.project = { root: path.dirname(dir), dir, log: [] });
    const r = await runCli(['.', '--yes', '--no-install'], dir);
    if (r.exitCode !== 0) throw new Error(`the CLI failed: ${r.stderr}`);
    applyViteConfigLines(dir, printedLines(r.stdout, 'vite.config.ts'));
    applyHooksLines(dir, printedLines(r.stdout, 'src/hooks.server.ts'));
    await copyDepsCache(project);
    const node = process.execPath;
    await runStep(project, 'svelte-kit sync', node, ['node_modules/@sveltejs/kit/svelte-kit.js', 'sync'], 60_000);
    await runStep(project, 'npm run db:migrate', 'npm', ['run', 'db:migrate'], 2 * 60_000);
    await runStep(project, 'vite build', node, ['node_modules/vite/bin/vite.js', 'build'], 5 * 60_000);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = await startProcessServer({
      name: 'node scripts/start.js',
      command: node,
      args: ['scripts/start.js'],
      cwd: dir,
      env: cleanEnv({ NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), ORIGIN: base, BETTER_AUTH_URL: base, JWT_ACCESS_TOKEN_EXPIRES: String(ACCESS_TOKEN_SECONDS) }),
      url: base,
      ready: async (b) => (await fetch(`${b}/login`, { signal: AbortSignal.timeout(5_000) })).status === 200,
      timeoutMs: 60_000,
    });
    served.addServer('auth', 'server', server);
  },
});

test("signed out, the API refuses a request without a token, and the app's own handle still runs after ours", async () => {
  const refused = await fetch(`${app.url}/api/users/me`);
  expect(refused.status).toBe(401);
  expect(await refused.json()).toEqual({ error: 'missing_token' });
  const page = await fetch(`${app.url}/dashboard`, { redirect: 'manual' });
  expect(page.status).toBe(303);
  expect(page.headers.get('location')).toBe('/login?next=%2Fdashboard');
  expect(page.headers.get('x-app-hook')).toBe('yes');
});

bearerFlowTests(app, uniqueUser('existing-sveltekit'));
