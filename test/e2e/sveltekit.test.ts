// `--framework sveltekit`: a generated project built with `vite build` (adapter-node) and
// started with `npm start`'s `node scripts/start.js` (which loads .env, then runs build/), driven
// by headless Chromium through the shared flows of auth-flow.ts. memory + fetch: the same Bearer
// flow as the Next.js default project, plus SvelteKit's own checks (server-side redirect, start-up
// validation, forms without scripts, hydration). cookie + axios: the backend-for-frontend, where
// page scripts never hold a token. hono + local + axios: the API in a separate server in
// backend/, called cross-origin with the Bearer JWT at PUBLIC_API_URL (read at run time via
// $env/dynamic/public).
import { execa } from 'execa';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { backend, backendEnv, startBackend, type BackendName } from '../backends/harness.js';
import { linkDeps } from '../helpers/deps-cache.js';
import { copyDepsCache, newProjectDir, runStep } from '../helpers/e2e-project.js';
import { cleanEnv, freePort, startProcessServer } from '../helpers/server.js';
import { writeSvelteKitProject, type SvelteKitOptions } from '../helpers/sveltekit-project.js';
import { bearerFlowTests, cookieModeTests, separateApiTests } from './auth-flow.js';
import { bffChecks } from './bff-checks.js';
import { ACCESS_TOKEN_SECONDS, uniqueUser, useServedApp } from './fixture.js';
import { rateLimitChecks } from './rate-limit-checks.js';
import { redirectChecks } from './redirect-checks.js';

/** Generates, builds and serves one project for the tests registered in the same describe. */
function useSvelteKitProject(label: string, OPTIONS: SvelteKitOptions) {
  const separate = OPTIONS.backend && OPTIONS.backend !== 'sveltekit' ? (OPTIONS.backend as BackendName) : undefined;
  return useServedApp({
    name: `sveltekit-${label}`,
    async setup(app) {
      const project = (app.project = newProjectDir('cbaj-e2e-sk-', `e2e-sveltekit-${label}`));
      await writeSvelteKitProject(project.dir, OPTIONS);
      await copyDepsCache(project);
      if (separate) await linkDeps(path.join(project.dir, 'backend'));
      const node = process.execPath;
      // What `npm install` runs as `prepare`: tsconfig.json extends .svelte-kit/tsconfig.json.
      await runStep(project, 'svelte-kit sync', node, ['node_modules/@sveltejs/kit/svelte-kit.js', 'sync'], 60_000);
      await runStep(project, 'npm run db:migrate', 'npm', ['run', 'db:migrate'], 2 * 60_000);
      await runStep(project, 'vite build', node, ['node_modules/vite/bin/vite.js', 'build'], 5 * 60_000);

      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const runtime: Record<string, string> = {};
      if (separate) {
        // The API server verifies tokens against this app's JWKS and allows it by CORS; the app
        // reads the API's address at start-up ($env/dynamic/public), not at build time.
        const api = await startBackend(backend(separate), project.dir, (apiPort) => backendEnv(base, apiPort, { CORS_ORIGIN: base }));
        app.addServer('api', 'backend', api);
        runtime.PUBLIC_API_URL = api.url;
      }
      const server = await startProcessServer({
        name: 'node scripts/start.js',
        command: node,
        args: ['scripts/start.js'],
        cwd: project.dir,
        // The rest (BETTER_AUTH_SECRET, DATABASE_URL) comes from the generated .env, which
        // scripts/start.js loads; variables set here win over it.
        env: cleanEnv({
          NODE_ENV: 'production',
          HOST: '127.0.0.1',
          PORT: String(port),
          ORIGIN: base,
          BETTER_AUTH_URL: base,
          JWT_ACCESS_TOKEN_EXPIRES: String(ACCESS_TOKEN_SECONDS),
          ...runtime,
        }),
        url: base,
        ready: async (b) => (await fetch(`${b}/login`, { signal: AbortSignal.timeout(5_000) })).status === 200,
        timeoutMs: 60_000,
      });
      app.addServer('auth', 'server', server);
    },
  });
}

describe('sveltekit: memory storage, fetch, API in the app (src/routes/api)', () => {
  const app = useSvelteKitProject('memory-fetch', { storage: 'memory', http: 'fetch', db: 'sqlite', providers: [] });

  test('signed out, /dashboard redirects to /login on the server and the API refuses a request without a token', async () => {
    const page = await fetch(`${app.url}/dashboard`, { redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/login?next=%2Fdashboard');
    const refused = await fetch(`${app.url}/api/users/me`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
    expect(refused.headers.get('cache-control')).toBe('private, no-store');
    expect(await refused.json()).toEqual({ error: 'missing_token' });
  });

  test('a bad setting stops npm start with its one-line reason (validated at start-up, not per request)', async () => {
    const port = await freePort();
    const result = await execa(process.execPath, ['scripts/start.js'], {
      cwd: app.dir,
      env: cleanEnv({ HOST: '127.0.0.1', PORT: String(port), ORIGIN: `http://127.0.0.1:${port}`, BETTER_AUTH_URL: `http://127.0.0.1:${port}`, JWT_ALGORITHM: 'HS256' }),
      extendEnv: false,
      reject: false,
      timeout: 30_000,
    });
    expect(result.timedOut).toBe(false);
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^AuthConfigError: JWT_ALGORITHM=HS256 is not possible/)]);
  });

  const user = uniqueUser('sveltekit');
  bearerFlowTests(app, user, {
    async checkSignedIn({ page }, token, me) {
      expect(Object.keys(me).sort()).toEqual(['email', 'id', 'name']);
      expect(await page.getByTestId('user-name').textContent()).toBe(user.name);
      // Memory storage keeps nothing in localStorage.
      expect(await page.evaluate(() => JSON.stringify(window.localStorage))).not.toMatch(/eyJ/);
      // The protected answer is not cacheable.
      const headers = await page.evaluate(async (t) => {
        const response = await fetch('/api/users/me', { headers: { Authorization: `Bearer ${t}` } });
        return { status: response.status, cacheControl: response.headers.get('cache-control') };
      }, token);
      expect(headers).toEqual({ status: 200, cacheControl: 'private, no-store' });
    },
  });

  test('without scripts, the forms still sign up and sign in by POST (server actions), never with the password in the URL', async () => {
    if (!app.browser) throw new Error('browser not started');
    const context = await app.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const other = uniqueUser('sveltekit-nojs');
      await page.goto(`${app.url}/signup`);
      await page.fill('input[name=name]', other.name);
      await page.fill('input[name=email]', other.email);
      await page.fill('input[name=password]', other.password);
      await page.click('button[type=submit]');
      await page.waitForURL(`${app.url}/dashboard`);
      expect(await page.getByTestId('user-email').textContent()).toBe(other.email);

      await context.clearCookies();
      await page.goto(`${app.url}/login?next=/dashboard`);
      await page.fill('input[name=email]', other.email);
      await page.fill('input[name=password]', `${other.password}-wrong`);
      await page.click('button[type=submit]');
      await page.getByTestId('auth-error').waitFor();
      expect(page.url()).not.toContain('password');
      expect((await context.cookies()).filter((c) => c.name.includes('session_token'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  redirectChecks(app, { alsoWithoutScripts: true });

  test('fields typed before the page hydrates are kept when its scripts arrive', async () => {
    if (!app.browser) throw new Error('browser not started');
    const context = await app.browser.newContext();
    try {
      // Hold the app's scripts back until the form is filled in, as on a slow connection.
      let release = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      await context.route((url) => url.pathname.startsWith('/_app/immutable/') && url.pathname.endsWith('.js'), async (route) => {
        await gate;
        await route.continue();
      });
      const page = await context.newPage();
      const other = uniqueUser('sveltekit-hydrate');
      await page.goto(`${app.url}/signup`, { waitUntil: 'domcontentloaded' });
      await page.fill('input[name=name]', other.name);
      await page.fill('input[name=email]', other.email);
      await page.fill('input[name=password]', other.password);
      release();
      await page.waitForLoadState('networkidle');
      expect(await page.inputValue('input[name=email]')).toBe(other.email);
      await page.click('button[type=submit]');
      await page.waitForURL(`${app.url}/dashboard`);
      expect(await page.getByTestId('user-email').textContent()).toBe(other.email);
    } finally {
      await context.close();
    }
  });
  rateLimitChecks(app, { tokenEndpoint: true });
});

describe('sveltekit: cookie storage, axios (backend-for-frontend)', () => {
  const app = useSvelteKitProject('cookie-axios', { storage: 'cookie', http: 'axios', db: 'sqlite', providers: [] });
  cookieModeTests(app, uniqueUser('sveltekit-cookie'), { mintProbe: 'main' });
  bffChecks(() => ({ url: app.url }));
});

describe('sveltekit: separate Hono API server in backend/ (local storage, axios)', () => {
  const app = useSvelteKitProject('hono-local-axios', { backend: 'hono', storage: 'local', http: 'axios', db: 'sqlite', providers: [] });
  separateApiTests(app, uniqueUser('sveltekit-hono'));
});
