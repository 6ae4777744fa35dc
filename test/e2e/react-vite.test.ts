// `--framework react-vite`: the SPA built with `vite build`, served by the project's own Hono
// (or Express) auth server (which also hosts Better Auth and the API) or by `vite preview` on another
// origin (the development set-up: CORS with credentials), driven by headless Chromium.
// Same checks as the Next.js default project: sign-up → dashboard showing /api/users/me
// fetched with a Bearer JWT, exactly one refresh after expiry (also for 10 concurrent calls),
// a wrong password shows an error and gets no token, sign-out locks /dashboard and the API.
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
import { ensureDepsCache } from '../helpers/deps-cache.js';
import { writeReactViteProject, type ReactViteOptions } from '../helpers/react-vite-project.js';
import { cleanEnv, freePort, startProcessServer, type RunningServer } from '../helpers/server.js';
import { ACCESS_TOKEN_SECONDS, uniqueUser, type Session } from './fixture.js';

/**
 * One generated project, built, served and driven through the whole flow. `auth-server`: the
 * auth server serves dist/ (one origin, production). `vite-preview`: `vite preview` serves the
 * SPA on another port and it calls the auth server cross-origin, as in development (CORS with
 * credentials, CORS_ORIGIN as a Better Auth trusted origin).
 */
function reactViteSuite(label: string, OPTIONS: ReactViteOptions, servedBy: 'auth-server' | 'vite-preview') {
  describe(`react-vite: ${label}`, () => {
    const state = {
      root: '',
      dir: '',
      log: [] as string[],
      server: undefined as RunningServer | undefined,
      web: undefined as RunningServer | undefined,
      browser: undefined as Browser | undefined,
      sessions: [] as Session[],
      failed: false,
    };

    /** The auth server (Better Auth and the API). */
    function api(): string {
      if (!state.server) throw new Error('server not started');
      return state.server.url;
    }

    /** Where the SPA's pages are served. */
    function url(): string {
      return state.web?.url ?? api();
    }

    async function step(title: string, file: string, args: string[], env: Record<string, string>, timeoutMs: number) {
      const started = Date.now();
      const result = await execa(file, args, { cwd: state.dir, env: cleanEnv(env), extendEnv: false, reject: false, all: true, timeout: timeoutMs });
      state.log.push(`$ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s, exit ${result.exitCode})\n${result.all ?? ''}`);
      if (result.exitCode !== 0) throw new Error(`${title} failed in ${state.dir} (exit ${result.exitCode}${result.timedOut ? ', timed out' : ''}):\n${result.all ?? ''}`);
    }

    async function newSession(): Promise<Session> {
      if (!state.browser) throw new Error('browser not started');
      const context = await state.browser.newContext();
      context.setDefaultTimeout(15_000);
      context.setDefaultNavigationTimeout(30_000);
      const traffic = recordApiCalls(context, api());
      const page = await context.newPage();
      const session = { context, page, traffic };
      state.sessions.push(session);
      return session;
    }

    beforeAll(async () => {
      try {
        state.root = fs.mkdtempSync(path.join(os.tmpdir(), 'cbaj-e2e-rv-'));
        state.dir = path.join(state.root, `e2e-react-vite-${OPTIONS.storage}-${OPTIONS.http}`);
        await writeReactViteProject(state.dir, OPTIONS);
        // Dependencies: a hard-linked copy of the deps cache (every pinned package).
        const modules = await ensureDepsCache();
        const copied = await execa('cp', ['-al', modules, path.join(state.dir, 'node_modules')], { reject: false, all: true, timeout: 5 * 60_000 });
        if (copied.exitCode !== 0) await step('cp -a deps cache', 'cp', ['-a', modules, path.join(state.dir, 'node_modules')], {}, 5 * 60_000);

        const port = await freePort();
        const base = `http://127.0.0.1:${port}`;
        const webPort = servedBy === 'vite-preview' ? await freePort() : port;
        const webBase = `http://127.0.0.1:${webPort}`;
        await step('npm run db:migrate', 'npm', ['run', 'db:migrate'], {}, 2 * 60_000);
        // VITE_API_URL: the auth server, whichever origin serves the SPA.
        await step('vite build', 'npx', ['vite', 'build'], { VITE_API_URL: base }, 5 * 60_000);
        state.server = await startProcessServer({
          name: 'auth server',
          command: process.execPath,
          args: [path.join(state.dir, 'node_modules/tsx/dist/cli.mjs'), 'server/index.ts'],
          cwd: state.dir,
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
        if (servedBy === 'vite-preview') {
          state.web = await startProcessServer({
            name: 'vite preview',
            command: process.execPath,
            args: [path.join(state.dir, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(webPort), '--strictPort'],
            cwd: state.dir,
            env: cleanEnv(),
            url: webBase,
            ready: async (b) => (await fetch(`${b}/login`, { signal: AbortSignal.timeout(5_000) })).status === 200,
            timeoutMs: 60_000,
          });
        }
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
          `react-vite-${OPTIONS.storage}-${OPTIONS.http}-${task.name}`,
          state.sessions.map((s) => s.page),
          `${state.log.join('\n')}\n--- server ---\n${state.server?.logs() ?? ''}\n--- vite preview ---\n${state.web?.logs() ?? ''}`,
        );
        if (files.length) console.error(`E2E artifacts:\n  ${files.join('\n  ')}`);
      });
    });

    afterAll(async () => {
      await Promise.race([state.browser?.close(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
      await state.web?.stop();
      await state.server?.stop();
      if (state.root) {
        if (state.failed) console.error(`E2E project kept for inspection: ${state.dir}`);
        else fs.rmSync(state.root, { recursive: true, force: true });
      }
    }, 60_000);

    const user = uniqueUser('react-vite');
    let main: Session;

    function bearer(call: ApiCall | undefined): string {
      const match = /^Bearer (\S+)$/.exec(call?.authorization ?? '');
      if (!match?.[1]) throw new Error(`expected a Bearer token on ${call?.method} ${call?.path}, got ${JSON.stringify(call?.authorization)}`);
      return match[1];
    }

    function lastMeCall(session: Session): ApiCall | undefined {
      return session.traffic.calls.filter((c) => c.path === '/api/users/me').at(-1);
    }

    describe(`react-vite project (${label})`, () => {
      test('the SPA is served for client-side routes and the API refuses a request without a token', async () => {
        const page = await fetch(`${url()}/dashboard`);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('<div id="root"></div>');
        const refused = await fetch(`${api()}/api/users/me`);
        expect(refused.status).toBe(401);
        expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
        expect(refused.headers.get('cache-control')).toContain('no-store');
      });

      test('sign up lands on /dashboard showing /api/users/me, called with a Bearer JWT for this user', async () => {
        main = await newSession();
        const { page, traffic } = main;
        await signUp(page, url(), user);

        await expect.poll(() => page.getByTestId('api-result').isVisible(), { timeout: 20_000 }).toBe(true);
        const me = JSON.parse((await page.getByTestId('api-result').textContent()) ?? '') as { id: string; email: string; name: string };
        expect(me).toMatchObject({ email: user.email, name: user.name });
        await expect.poll(() => page.getByTestId('user-email').textContent()).toBe(user.email);
        expect(await page.getByTestId('api-error').count()).toBe(0);

        const meCalls = traffic.calls.filter((c) => c.path === '/api/users/me');
        expect(meCalls.map((c) => c.status)).toEqual([200]);
        const claims = decodeJwtPayload(bearer(meCalls[0]));
        expect(claims).toMatchObject({ sub: me.id, email: user.email, iss: api(), aud: api() });
        expect(Number(claims.exp) - Number(claims.iat)).toBe(ACCESS_TOKEN_SECONDS);
        expect(traffic.calls.filter((c) => c.path === '/api/auth/token').map((c) => c.status)).toEqual([200]);
        // Memory storage keeps nothing in localStorage; local storage keeps exactly the token sent.
        const stored = await page.evaluate(() => window.localStorage.getItem('auth.accessToken'));
        expect(stored).toBe(OPTIONS.storage === 'local' ? bearer(meCalls[0]) : null);
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
        const newToken = bearer(meCalls[0]);
        expect(newToken).not.toBe(oldToken);
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
        const { page, traffic, context } = await newSession();
        await page.goto(`${url()}/login`);
        await page.fill('input[name=email]', user.email);
        await page.fill('input[name=password]', `${user.password}-wrong`);
        await page.click('button[type=submit]');

        await page.getByTestId('auth-error').waitFor();
        expect((await page.getByTestId('auth-error').textContent())?.trim()).not.toBe('');
        expect(new URL(page.url()).pathname).toBe('/login');
        expect(traffic.calls.filter((c) => c.path === '/api/auth/token' && c.status === 200)).toEqual([]);
        expect((await context.cookies()).filter((c) => c.name.includes('session_token'))).toEqual([]);
        expect(await page.evaluate(async (base) => (await fetch(`${base}/api/auth/token`, { credentials: 'include' })).status, api())).toBe(401);
        await context.close();
      });

      test('sign-out lands on /login; /dashboard then redirects to /login and the API answers 401', async () => {
        const { page } = main;
        const token = bearer(lastMeCall(main));
        await page.getByTestId('sign-out').click();
        await page.waitForURL((u) => u.pathname === '/login');

        await page.goto(`${url()}/dashboard`);
        await page.waitForURL((u) => u.pathname === '/login');
        expect(new URL(page.url()).searchParams.get('next')).toBe('/dashboard');

        const answer = await page.evaluate(async (base) => {
          const response = await fetch(`${base}/api/users/me`);
          return { status: response.status, wwwAuthenticate: response.headers.get('www-authenticate') };
        }, api());
        expect(answer.status).toBe(401);
        expect(answer.wwwAuthenticate).toMatch(/^Bearer\b/);
        expect(await page.evaluate(async (base) => (await fetch(`${base}/api/auth/token`, { credentials: 'include' })).status, api())).toBe(401);
        // Once the last access token has expired (plus the API's 5 s clock tolerance), it opens nothing.
        await waitUntilExpired(Number(decodeJwtPayload(token).exp) + 5);
        const stale = await fetch(`${api()}/api/users/me`, { headers: { Authorization: `Bearer ${token}` } });
        expect(stale.status).toBe(401);
      });

      test('signing in again from /login?next=/dashboard returns to the dashboard with API data', async () => {
        const { page } = main;
        await page.goto(`${url()}/login?next=/dashboard`);
        await page.fill('input[name=email]', user.email);
        await page.fill('input[name=password]', user.password);
        await page.click('button[type=submit]');
        await page.waitForURL(`${url()}/dashboard`);
        await page.getByTestId('api-result').waitFor();
        expect(await page.getByTestId('api-result').textContent()).toContain(user.email);
      });
    });
  });
}

reactViteSuite('memory storage, fetch, SPA served by the auth server', { storage: 'memory', http: 'fetch', db: 'sqlite', providers: [] }, 'auth-server');
reactViteSuite('Express auth server, memory storage, axios, SPA served by it', { backend: 'express', storage: 'memory', http: 'axios', db: 'sqlite', providers: [] }, 'auth-server');
reactViteSuite('local storage, axios, SPA on vite preview calling the auth server cross-origin', { storage: 'local', http: 'axios', db: 'sqlite', providers: ['github'] }, 'vite-preview');
