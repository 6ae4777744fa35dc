// `--framework sveltekit`: a generated project built with `vite build` (adapter-node) and
// started with `npm start`'s `node scripts/start.js` (which loads .env, then runs build/), driven
// by headless Chromium. memory + fetch: the same checks as the Next.js default project (sign-up →
// dashboard showing /api/users/me fetched with a Bearer JWT, exactly one refresh after expiry,
// also for 10 concurrent calls, a wrong password gets an error and no token, sign-out locks
// /dashboard and the API). cookie + axios: the backend-for-frontend, where page scripts never
// hold a token. hono + local + axios: the API in a separate server in backend/, called
// cross-origin with the Bearer JWT at PUBLIC_API_URL (read at run time via $env/dynamic/public).
import { execa } from 'execa';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  apiCallsAnswered,
  callApiConcurrently,
  decodeJwtPayload,
  launchChromium,
  recordApiCalls,
  saveFailureArtifacts,
  signUp,
  waitForApiCalls,
  waitUntilExpired,
  type ApiCall,
} from '../helpers/browser.js';
import { backend, backendEnv, startBackend, type BackendName } from '../backends/harness.js';
import { ensureDepsCache, linkDeps } from '../helpers/deps-cache.js';
import { cleanEnv, freePort, startProcessServer, type RunningServer } from '../helpers/server.js';
import { writeSvelteKitProject, type SvelteKitOptions } from '../helpers/sveltekit-project.js';
import { ACCESS_TOKEN_SECONDS, uniqueUser, type Session } from './fixture.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface SvelteKitSession extends Session {
  /** The browser's calls to the separate API server (the app's own origin when there is none). */
  apiTraffic: ReturnType<typeof recordApiCalls>;
}

/** Generates, builds and serves one project for the tests registered in the same describe. */
function useSvelteKitProject(label: string, OPTIONS: SvelteKitOptions) {
  const separate = OPTIONS.backend && OPTIONS.backend !== 'sveltekit' ? (OPTIONS.backend as BackendName) : undefined;
  const state = {
    root: '',
    dir: '',
    log: [] as string[],
    server: undefined as RunningServer | undefined,
    /** The separate API server in backend/, when OPTIONS.backend names one. */
    api: undefined as RunningServer | undefined,
    browser: undefined as Browser | undefined,
    sessions: [] as SvelteKitSession[],
    failed: false,
    get url(): string {
      if (!state.server) throw new Error('server not started');
      return state.server.url;
    },
    async newSession(): Promise<SvelteKitSession> {
      if (!state.browser) throw new Error('browser not started');
      const context = await state.browser.newContext();
      context.setDefaultTimeout(15_000);
      context.setDefaultNavigationTimeout(30_000);
      const traffic = recordApiCalls(context, state.url);
      const apiTraffic = recordApiCalls(context, state.api?.url ?? state.url);
      const page = await context.newPage();
      const session = { context, page, traffic, apiTraffic };
      state.sessions.push(session);
      return session;
    },
  };

  async function step(title: string, file: string, args: string[], timeoutMs: number) {
    const started = Date.now();
    const result = await execa(file, args, { cwd: state.dir, env: cleanEnv(), extendEnv: false, reject: false, all: true, timeout: timeoutMs });
    state.log.push(`$ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s, exit ${result.exitCode})\n${result.all ?? ''}`);
    if (result.exitCode !== 0) throw new Error(`${title} failed in ${state.dir} (exit ${result.exitCode}${result.timedOut ? ', timed out' : ''}):\n${result.all ?? ''}`);
  }

  beforeAll(async () => {
    try {
      state.root = fs.mkdtempSync(path.join(os.tmpdir(), 'cbaj-e2e-sk-'));
      state.dir = path.join(state.root, `e2e-sveltekit-${label}`);
      await writeSvelteKitProject(state.dir, OPTIONS);
      // Dependencies: a hard-linked copy of the deps cache (every pinned package).
      const modules = await ensureDepsCache();
      const copied = await execa('cp', ['-al', modules, path.join(state.dir, 'node_modules')], { reject: false, all: true, timeout: 5 * 60_000 });
      if (copied.exitCode !== 0) await step('cp -a deps cache', 'cp', ['-a', modules, path.join(state.dir, 'node_modules')], 5 * 60_000);

      if (separate) await linkDeps(path.join(state.dir, 'backend'));
      const node = process.execPath;
      // What `npm install` runs as `prepare`: tsconfig.json extends .svelte-kit/tsconfig.json.
      await step('svelte-kit sync', node, ['node_modules/@sveltejs/kit/svelte-kit.js', 'sync'], 60_000);
      await step('npm run db:migrate', 'npm', ['run', 'db:migrate'], 2 * 60_000);
      await step('vite build', node, ['node_modules/vite/bin/vite.js', 'build'], 5 * 60_000);

      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const runtime: Record<string, string> = {};
      if (separate) {
        // The API server verifies tokens against this app's JWKS and allows it by CORS; the app
        // reads the API's address at start-up ($env/dynamic/public), not at build time.
        state.api = await startBackend(backend(separate), state.dir, (apiPort) => backendEnv(base, apiPort, { CORS_ORIGIN: base }));
        runtime.PUBLIC_API_URL = state.api.url;
      }
      state.server = await startProcessServer({
        name: 'node scripts/start.js',
        command: node,
        args: ['scripts/start.js'],
        cwd: state.dir,
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
      state.browser = await launchChromium();
    } catch (error) {
      state.failed = true;
      throw error;
    }
  }, 15 * 60_000);

  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      state.failed = true;
      const files = await saveFailureArtifacts(
        `sveltekit-${label}-${task.name}`,
        state.sessions.map((s) => s.page),
        `${state.log.join('\n')}\n--- server ---\n${state.server?.logs() ?? ''}\n--- backend ---\n${state.api?.logs() ?? ''}`,
      );
      if (files.length) console.error(`E2E artifacts:\n  ${files.join('\n  ')}`);
    });
  });

  afterAll(async () => {
    await Promise.race([state.browser?.close(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    await state.server?.stop();
    await state.api?.stop();
    if (state.root) {
      if (state.failed) console.error(`E2E project kept for inspection: ${state.dir}`);
      else fs.rmSync(state.root, { recursive: true, force: true });
    }
  }, 60_000);

  return state;
}

function bearer(call: ApiCall | undefined): string {
  const match = /^Bearer (\S+)$/.exec(call?.authorization ?? '');
  if (!match?.[1]) throw new Error(`expected a Bearer token on ${call?.method} ${call?.path}, got ${JSON.stringify(call?.authorization)}`);
  return match[1];
}

describe('sveltekit: memory storage, fetch, API in the app (src/routes/api)', () => {
  const app = useSvelteKitProject('memory-fetch', { storage: 'memory', http: 'fetch', db: 'sqlite', providers: [] });
  const user = uniqueUser('sveltekit');
  let main: SvelteKitSession;

  function lastMeCall(session: SvelteKitSession): ApiCall | undefined {
    return session.traffic.calls.filter((c) => c.path === '/api/users/me').at(-1);
  }

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

  test('sign up lands on /dashboard showing /api/users/me, called with a Bearer JWT for this user', async () => {
    main = await app.newSession();
    const { page, traffic } = main;
    await signUp(page, app.url, user);

    await expect.poll(() => page.getByTestId('api-result').isVisible(), { timeout: 20_000 }).toBe(true);
    const me = JSON.parse((await page.getByTestId('api-result').textContent()) ?? '') as { id: string; email: string; name: string };
    expect(me).toMatchObject({ email: user.email, name: user.name });
    expect(Object.keys(me).sort()).toEqual(['email', 'id', 'name']);
    await expect.poll(() => page.getByTestId('user-email').textContent()).toBe(user.email);
    expect(await page.getByTestId('user-name').textContent()).toBe(user.name);
    expect(await page.getByTestId('api-error').count()).toBe(0);

    const meCalls = traffic.calls.filter((c) => c.path === '/api/users/me');
    expect(meCalls.map((c) => c.status)).toEqual([200]);
    const claims = decodeJwtPayload(bearer(meCalls[0]));
    expect(claims).toMatchObject({ sub: me.id, email: user.email, iss: app.url, aud: app.url });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(ACCESS_TOKEN_SECONDS);
    expect(traffic.calls.filter((c) => c.path === '/api/auth/token').map((c) => c.status)).toEqual([200]);
    // Memory storage keeps nothing in localStorage.
    expect(await page.evaluate(() => JSON.stringify(window.localStorage))).not.toMatch(/eyJ/);
    // The protected answer is not cacheable.
    const headers = await page.evaluate(async (token) => {
      const response = await fetch('/api/users/me', { headers: { Authorization: `Bearer ${token}` } });
      return { status: response.status, cacheControl: response.headers.get('cache-control') };
    }, bearer(meCalls[0]));
    expect(headers).toEqual({ status: 200, cacheControl: 'private, no-store' });
  });

  test('after the token expires, the next call refreshes it exactly once and succeeds', async () => {
    const { page, traffic } = main;
    const oldToken = bearer(lastMeCall(main));
    await waitUntilExpired(Number(decodeJwtPayload(oldToken).exp));

    const mark = traffic.calls.length;
    const answered = await apiCallsAnswered(page);
    await page.getByTestId('call-api').click();
    await waitForApiCalls(page, answered + 1);

    expect(traffic.since(mark, '/api/auth/token').map((c) => c.status)).toEqual([200]);
    const meCalls = traffic.since(mark, '/api/users/me');
    expect(meCalls.map((c) => c.status)).toEqual([200]);
    expect(bearer(meCalls[0])).not.toBe(oldToken);
    expect(await page.getByTestId('api-error').count()).toBe(0);
    expect(await page.getByTestId('api-result').textContent()).toContain(user.email);
  });

  test('10 concurrent calls after expiry share exactly one refresh and all succeed', async () => {
    const { page, traffic } = main;
    const oldToken = bearer(lastMeCall(main));
    await waitUntilExpired(Number(decodeJwtPayload(oldToken).exp));

    const mark = traffic.calls.length;
    await callApiConcurrently(page, 10);

    expect(traffic.since(mark, '/api/auth/token').map((c) => c.status)).toEqual([200]);
    const meCalls = traffic.since(mark, '/api/users/me');
    expect(meCalls.map((c) => c.status)).toEqual(Array(10).fill(200));
    expect(new Set(meCalls.map(bearer)).size).toBe(1);
    expect(await page.getByTestId('api-error').count()).toBe(0);
  });

  test('a wrong password shows an error, stays on /login and gets no token', async () => {
    const { page, traffic, context } = await app.newSession();
    await page.goto(`${app.url}/login`);
    await page.fill('input[name=email]', user.email);
    await page.fill('input[name=password]', `${user.password}-wrong`);
    await page.click('button[type=submit]');

    await page.getByTestId('auth-error').waitFor();
    expect((await page.getByTestId('auth-error').textContent())?.trim()).not.toBe('');
    expect(new URL(page.url()).pathname).toBe('/login');
    // A native (pre-hydration) submit is a POST: the password never appears in the URL.
    expect(page.url()).not.toContain('password');
    expect(traffic.calls.filter((c) => c.path === '/api/auth/token' && c.status === 200)).toEqual([]);
    expect((await context.cookies()).filter((c) => c.name.includes('session_token'))).toEqual([]);
    expect(await page.evaluate(async () => (await fetch('/api/auth/token')).status)).toBe(401);
    await context.close();
  });

  test('sign-out lands on /login; /dashboard then redirects to /login and the API answers 401', async () => {
    const { page } = main;
    const token = bearer(lastMeCall(main));
    await page.getByTestId('sign-out').click();
    await page.waitForURL((u) => u.pathname === '/login');

    await page.goto(`${app.url}/dashboard`);
    await page.waitForURL((u) => u.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/dashboard');

    const answer = await page.evaluate(async () => {
      const response = await fetch('/api/users/me');
      return { status: response.status, wwwAuthenticate: response.headers.get('www-authenticate') };
    });
    expect(answer.status).toBe(401);
    expect(answer.wwwAuthenticate).toMatch(/^Bearer\b/);
    expect(await page.evaluate(async () => (await fetch('/api/auth/token')).status)).toBe(401);
    // Once the last access token has expired (plus the API's 5 s clock tolerance), it opens nothing.
    await waitUntilExpired(Number(decodeJwtPayload(token).exp) + 5);
    const stale = await fetch(`${app.url}/api/users/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(stale.status).toBe(401);
  });

  test('signing in again from /login?next=/dashboard returns to the dashboard with API data', async () => {
    const { page } = main;
    await page.goto(`${app.url}/login?next=/dashboard`);
    await page.fill('input[name=email]', user.email);
    await page.fill('input[name=password]', user.password);
    await page.click('button[type=submit]');
    await page.waitForURL(`${app.url}/dashboard`);
    await page.getByTestId('api-result').waitFor();
    expect(await page.getByTestId('api-result').textContent()).toContain(user.email);
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
});

describe('sveltekit: cookie storage, axios (backend-for-frontend)', () => {
  const app = useSvelteKitProject('cookie-axios', { storage: 'cookie', http: 'axios', db: 'sqlite', providers: [] });
  const user = uniqueUser('sveltekit-cookie');
  let main: SvelteKitSession;

  test('sign up lands on /dashboard with API data fetched through /api/bff, no token in the browser', async () => {
    main = await app.newSession();
    const { page, traffic, context } = main;
    await signUp(page, app.url, user);

    await page.getByTestId('api-result').waitFor({ timeout: 20_000 });
    const me = JSON.parse((await page.getByTestId('api-result').textContent()) ?? '') as { email: string; name: string };
    expect(me).toMatchObject({ email: user.email, name: user.name });
    expect(await page.getByTestId('user-email').textContent()).toBe(user.email);

    expect(traffic.calls.filter((c) => c.path === '/api/bff/users/me').map((c) => c.status)).toEqual([200]);
    expect(traffic.calls.filter((c) => c.path === '/api/users/me')).toEqual([]);
    expect(traffic.calls.filter((c) => c.path === '/api/auth/token')).toEqual([]);
    expect(traffic.withAuthorization).toEqual([]);

    const session = (await context.cookies()).find((c) => c.name.includes('session_token'));
    expect(session?.httpOnly).toBe(true);
    const readable = await page.evaluate(() => ({ cookie: document.cookie, local: JSON.stringify(localStorage), session: JSON.stringify(sessionStorage) }));
    expect(readable.cookie).not.toMatch(/session_token|eyJ/);
    expect(readable.local).not.toMatch(/eyJ/);
    expect(readable.session).not.toMatch(/eyJ/);
    // The session cookie alone does not open the JWT-protected API.
    expect(await page.evaluate(async () => (await fetch('/api/users/me')).status)).toBe(401);
  });

  test('a script in the signed-in page cannot mint a JWT: no set-auth-jwt header, /api/auth/token closed', async () => {
    const minted = await main.page.evaluate(async () => {
      const sessionResponse = await fetch('/api/auth/get-session');
      const tokenResponse = await fetch('/api/auth/token');
      return { header: sessionResponse.headers.get('set-auth-jwt'), token: tokenResponse.status, body: await tokenResponse.text() };
    });
    expect(minted.header).toBeNull();
    expect(minted.token).toBe(404);
    expect(minted.body).not.toMatch(/eyJ/);
  });

  test('after the access token lifetime has passed, a call still succeeds (the server mints a fresh token)', async () => {
    const { page, traffic } = main;
    await sleep((ACCESS_TOKEN_SECONDS + 1) * 1000);
    const mark = traffic.calls.length;
    const answered = await apiCallsAnswered(page);
    await page.getByTestId('call-api').click();
    await waitForApiCalls(page, answered + 1);
    expect(traffic.since(mark, '/api/bff/users/me').map((c) => c.status)).toEqual([200]);
    expect(await page.getByTestId('api-error').count()).toBe(0);
  });

  test('sign-out lands on /login; /dashboard then redirects to /login and /api/bff/users/me answers 401', async () => {
    const { page, traffic } = main;
    await page.getByTestId('sign-out').click();
    await page.waitForURL((u) => u.pathname === '/login');

    await page.goto(`${app.url}/dashboard`);
    await page.waitForURL((u) => u.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/dashboard');
    expect(await page.evaluate(async () => (await fetch('/api/bff/users/me')).status)).toBe(401);
    // Over the whole session the browser never got a token (only the probe above asked, and
    // got a 404) nor sent one.
    expect(traffic.calls.filter((c) => c.path === '/api/auth/token').map((c) => c.status)).toEqual([404]);
    expect(traffic.withAuthorization).toEqual([]);
  });
});

describe('sveltekit: separate Hono API server in backend/ (local storage, axios)', () => {
  const app = useSvelteKitProject('hono-local-axios', { backend: 'hono', storage: 'local', http: 'axios', db: 'sqlite', providers: [] });
  const user = uniqueUser('sveltekit-hono');
  let main: SvelteKitSession;

  function apiUrl(): string {
    if (!app.api) throw new Error('backend not started');
    return app.api.url;
  }

  function lastApiCall(): ApiCall | undefined {
    return main.apiTraffic.calls.filter((c) => c.path === '/api/users/me' && c.method === 'GET').at(-1);
  }

  test("sign up → /dashboard shows the backend's /api/users/me, called cross-origin with a Bearer JWT from this app", async () => {
    main = await app.newSession();
    const { page, traffic, apiTraffic } = main;
    await signUp(page, app.url, user);

    await page.getByTestId('api-result').waitFor({ timeout: 20_000 });
    const me = JSON.parse((await page.getByTestId('api-result').textContent()) ?? '') as { id: string; email: string; name: string };
    expect(me).toMatchObject({ email: user.email, name: user.name });
    expect(apiTraffic.since(0, '/api/users/me').map((c) => c.status)).toEqual([200]);
    expect(traffic.calls.filter((c) => c.path === '/api/users/me')).toEqual([]);
    const token = bearer(lastApiCall());
    expect(decodeJwtPayload(token)).toMatchObject({ sub: me.id, email: user.email, iss: app.url, aud: app.url });
    // Local storage keeps exactly the token sent.
    expect(await page.evaluate(() => window.localStorage.getItem('auth.accessToken'))).toBe(token);
  });

  test('after the token expires, the next call refreshes it exactly once and the backend accepts the new one', async () => {
    const { page, traffic, apiTraffic } = main;
    const oldToken = bearer(lastApiCall());
    await waitUntilExpired(Number(decodeJwtPayload(oldToken).exp));
    const mark = traffic.calls.length;
    const apiMark = apiTraffic.calls.length;
    const answered = await apiCallsAnswered(page);
    await page.getByTestId('call-api').click();
    await waitForApiCalls(page, answered + 1);
    expect(traffic.since(mark, '/api/auth/token').map((c) => c.status)).toEqual([200]);
    expect(apiTraffic.since(apiMark, '/api/users/me').map((c) => c.status)).toEqual([200]);
    expect(bearer(lastApiCall())).not.toBe(oldToken);
  });

  test('sign-out lands on /login and forgets the token; /dashboard redirects and the backend answers 401 without one', async () => {
    const { page } = main;
    await page.getByTestId('sign-out').click();
    await page.waitForURL((u) => u.pathname === '/login');
    expect(await page.evaluate(() => window.localStorage.getItem('auth.accessToken'))).toBeNull();
    await page.goto(`${app.url}/dashboard`);
    await page.waitForURL((u) => u.pathname === '/login');
    expect(await page.evaluate(async (api) => (await fetch(`${api}/api/users/me`)).status, apiUrl())).toBe(401);
    expect(await page.evaluate(async () => (await fetch('/api/auth/token')).status)).toBe(401);
  });
});
