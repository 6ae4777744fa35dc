// `--framework react-vite`: the SPA built with `vite build`, served by the project's own Hono
// (or Express) auth server (which also hosts Better Auth and the API) or by `vite preview` on another
// origin (the development set-up: CORS with credentials), driven by headless Chromium.
// The same Bearer flow as the Next.js default project (auth-flow.ts): sign-up → dashboard showing
// /api/users/me fetched with a Bearer JWT, exactly one refresh after expiry (also for 10
// concurrent calls), a wrong password shows an error and gets no token, sign-out locks
// /dashboard and the API.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { copyDepsCache, newProjectDir, runStep } from '../helpers/e2e-project.js';
import { writeReactViteProject, type ReactViteOptions } from '../helpers/react-vite-project.js';
import { cleanEnv, freePort, startProcessServer } from '../helpers/server.js';
import { bearerFlowTests } from './auth-flow.js';
import { ACCESS_TOKEN_SECONDS, uniqueUser, useServedApp } from './fixture.js';
import { rateLimitChecks } from './rate-limit-checks.js';
import { redirectChecks } from './redirect-checks.js';
import { tokenSwitchChecks } from './token-switch-checks.js';

/**
 * One generated project, built, served and driven through the whole flow. `auth-server`: the
 * auth server serves dist/ (one origin, production). `vite-preview`: `vite preview` serves the
 * SPA on another port and it calls the auth server cross-origin, as in development (CORS with
 * credentials, CORS_ORIGIN as a Better Auth trusted origin).
 */
function reactViteSuite(label: string, OPTIONS: ReactViteOptions, servedBy: 'auth-server' | 'vite-preview') {
  describe(`react-vite: ${label}`, () => {
    const app = useServedApp({
      name: `react-vite-${OPTIONS.storage}-${OPTIONS.http}`,
      async setup(app) {
        const project = (app.project = newProjectDir('cbaj-e2e-rv-', `e2e-react-vite-${OPTIONS.storage}-${OPTIONS.http}`));
        await writeReactViteProject(project.dir, OPTIONS);
        await copyDepsCache(project);

        const port = await freePort();
        const base = `http://127.0.0.1:${port}`;
        const webPort = servedBy === 'vite-preview' ? await freePort() : port;
        const webBase = `http://127.0.0.1:${webPort}`;
        await runStep(project, 'npm run db:migrate', 'npm', ['run', 'db:migrate'], 2 * 60_000);
        // VITE_API_URL: the auth server, whichever origin serves the SPA.
        await runStep(project, 'vite build', 'npx', ['vite', 'build'], 5 * 60_000, { env: cleanEnv({ VITE_API_URL: base }) });
        const server = await startProcessServer({
          name: 'auth server',
          command: process.execPath,
          args: [path.join(project.dir, 'node_modules/tsx/dist/cli.mjs'), 'server/index.ts'],
          cwd: project.dir,
          env: cleanEnv({
            NODE_ENV: 'production',
            HOST: '127.0.0.1',
            PORT: String(port),
            BETTER_AUTH_URL: base,
            CORS_ORIGIN: webBase,
            JWT_ACCESS_TOKEN_EXPIRES: String(ACCESS_TOKEN_SECONDS),
          }),
          url: base,
          ready: async (b) => (await fetch(`${b}/login`, { signal: AbortSignal.timeout(5_000) })).status === 200,
          timeoutMs: 60_000,
        });
        app.addServer('auth', 'server', server);
        if (servedBy === 'vite-preview') {
          const web = await startProcessServer({
            name: 'vite preview',
            command: process.execPath,
            args: [path.join(project.dir, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(webPort), '--strictPort'],
            cwd: project.dir,
            env: cleanEnv(),
            url: webBase,
            ready: async (b) => (await fetch(`${b}/login`, { signal: AbortSignal.timeout(5_000) })).status === 200,
            timeoutMs: 60_000,
          });
          app.addServer('web', 'vite preview', web);
        }
      },
    });

    describe(`react-vite project (${label})`, () => {
      test('the SPA is served for client-side routes and the API refuses a request without a token', async () => {
        const page = await fetch(`${app.url}/dashboard`);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('<div id="root"></div>');
        const refused = await fetch(`${app.authUrl}/api/users/me`);
        expect(refused.status).toBe(401);
        expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
        expect(refused.headers.get('cache-control')).toContain('no-store');
      });

      bearerFlowTests(app, uniqueUser('react-vite'), {
        async checkSignedIn({ page }, token) {
          // Memory storage keeps nothing in localStorage; local storage keeps exactly the token sent.
          const stored = await page.evaluate(() => window.localStorage.getItem('auth.accessToken'));
          expect(stored).toBe(OPTIONS.storage === 'local' ? token : null);
        },
      });
      redirectChecks(app);
      tokenSwitchChecks(app, { storage: OPTIONS.storage === 'local' ? 'local' : 'memory', signInWindowSeconds: 10 });
      rateLimitChecks(app, { tokenEndpoint: true });
    });
  });
}

reactViteSuite('memory storage, fetch, SPA served by the auth server', { storage: 'memory', http: 'fetch', db: 'sqlite', providers: [] }, 'auth-server');
reactViteSuite('Express auth server, memory storage, axios, SPA served by it', { backend: 'express', storage: 'memory', http: 'axios', db: 'sqlite', providers: [] }, 'auth-server');
reactViteSuite('local storage, axios, SPA on vite preview calling the auth server cross-origin', { storage: 'local', http: 'axios', db: 'sqlite', providers: ['github'] }, 'vite-preview');
