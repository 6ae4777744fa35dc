// `--cwd` in an existing Nuxt 4 app (the minimal starter, test/fixtures/apps/nuxt4-minimal): after
// the lines the CLI printed are pasted in (<NuxtPage /> in app.vue in place of <NuxtWelcome />,
// the stylesheet in nuxt.config.ts), the app builds with `nuxt build`, starts with `npm start`'s
// scripts/start.mjs and passes the generated apps' browser flow: sign-up → dashboard data with a
// Bearer JWT → refresh after expiry → sign-out → 401.
import path from 'node:path';
import { expect, test } from 'vitest';
import { copyDepsCache, runStep } from '../helpers/e2e-project.js';
import { applyNuxtLines, createNuxtApp } from '../helpers/existing-nuxt.js';
import { printedLines, runCli } from '../helpers/existing-sveltekit.js';
import { nuxtEnv } from '../helpers/nuxt-project.js';
import { freePort, startProcessServer } from '../helpers/server.js';
import { bearerFlowTests } from './auth-flow.js';
import { ACCESS_TOKEN_SECONDS, uniqueUser, useServedApp } from './fixture.js';

const app = useServedApp({
  name: 'existing-nuxt',
  async setup(served) {
    const dir = await createNuxtApp('e2e-existing-nuxt');
    const project = (served.project = { root: path.dirname(dir), dir, log: [] });
    const r = await runCli(['.', '--yes', '--no-install'], dir);
    if (r.exitCode !== 0) throw new Error(`the CLI failed: ${r.stderr}`);
    applyNuxtLines(dir, printedLines(r.stdout, 'app/app.vue'), printedLines(r.stdout, 'nuxt.config.ts'));
    await copyDepsCache(project);
    await runStep(project, 'npm run db:migrate', 'npm', ['run', 'db:migrate'], 2 * 60_000, { env: nuxtEnv() });
    await runStep(project, 'nuxt build', process.execPath, [path.join(dir, 'node_modules/nuxt/bin/nuxt.mjs'), 'build'], 10 * 60_000, { env: nuxtEnv() });
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const server = await startProcessServer({
      name: 'node scripts/start.mjs',
      command: process.execPath,
      args: ['scripts/start.mjs'],
      cwd: dir,
      env: nuxtEnv({ NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), BETTER_AUTH_URL: url, JWT_ACCESS_TOKEN_EXPIRES: String(ACCESS_TOKEN_SECONDS) }),
      url,
      ready: async (base) => (await fetch(`${base}/login`, { signal: AbortSignal.timeout(5_000) })).status === 200,
      timeoutMs: 60_000,
    });
    served.addServer('auth', 'server', server);
  },
});

test('signed out, the API refuses a request without a token', async () => {
  const refused = await fetch(`${app.url}/api/users/me`);
  expect(refused.status).toBe(401);
  expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
});

bearerFlowTests(app, uniqueUser('existing-nuxt'));
