// The Next.js app (Better Auth + JWT plugin) with a real separate API server: Express and
// FastAPI with the access token in memory (fetch and axios clients), and Express behind the
// backend-for-frontend route (`--storage cookie`). In headless Chromium: sign up → the
// dashboard shows the backend's /api/users/me for this user → the access token expires → one
// refresh → sign-out → /login, and the backend answers 401 without a token.
//
// "From the backend" is checked at the backend's door: a recording pass-through proxy in front
// of it (see backend-fixture.ts) shows the CORS preflight, the Bearer JWT it received and the
// JSON it answered, which must be exactly what the dashboard shows.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { backend } from '../backends/harness.js';
import { apiCallsAnswered, decodeJwtPayload, signUp, waitForApiCalls, waitUntilExpired, type ApiCall } from '../helpers/browser.js';
import { defineStack, type Stack, type StackSession, type StackSpec, type TapRecord } from './backend-fixture.js';
import { bffChecks } from './bff-checks.js';
import { ACCESS_TOKEN_SECONDS, uniqueUser } from './fixture.js';

/** Signs out from the dashboard and proves /dashboard now sends the visitor to /login. */
async function signOutThenDashboardRedirects(page: Page, web: string): Promise<void> {
  await page.getByTestId('sign-out').click();
  await page.waitForURL((url) => url.pathname === '/login');
  await page.goto(`${web}/dashboard`);
  const url = new URL(page.url());
  expect(url.pathname).toBe('/login');
  expect(url.searchParams.get('next')).toBe('/dashboard');
}

const SPECS: StackSpec[] = [
  { name: 'e2e-express-memory-fetch', backend: 'express', storage: 'memory', http: 'fetch' },
  { name: 'e2e-fastapi-memory-axios', backend: 'fastapi', storage: 'memory', http: 'axios' },
  { name: 'e2e-express-cookie-bff', backend: 'express', storage: 'cookie', http: 'fetch' },
];

const stacks = SPECS.map((spec) => ({ ...defineStack(spec), skip: backend(spec.backend).skipReason() }));

// Start building every project now, one at a time, so each builds while the previous is tested.
beforeAll(() => {
  for (const stack of stacks) if (!stack.skip) stack.prepare();
});

interface Me {
  id: string;
  email: string;
  name: string;
}

function bearerOf(authorization: string | undefined, where: string): string {
  const match = /^Bearer (\S+)$/.exec(authorization ?? '');
  if (!match?.[1]) throw new Error(`expected a Bearer token on ${where}, got ${JSON.stringify(authorization)}`);
  return match[1];
}

const bearer = (call: ApiCall | TapRecord | undefined) => bearerOf(call?.authorization, `${call?.method} ${call?.path}`);

/** The dashboard's /api/users/me result; fails at once with the shown error if the call failed. */
async function shownMe(session: StackSession): Promise<Me> {
  const { page } = session;
  await page.getByTestId('api-result').or(page.getByTestId('api-error')).waitFor({ timeout: 20_000 });
  if (await page.getByTestId('api-error').count()) throw new Error(`the dashboard shows an API error: ${await page.getByTestId('api-error').textContent()}`);
  return JSON.parse((await page.getByTestId('api-result').textContent()) ?? '') as Me;
}

/** Asks the backend itself (its real port, not the tap) for /api/users/me without a token. */
async function backendWithoutToken(stack: Stack) {
  const response = await fetch(`${stack.api}/api/users/me`, { headers: { Origin: stack.web }, signal: AbortSignal.timeout(10_000) });
  return { status: response.status, wwwAuthenticate: response.headers.get('www-authenticate'), body: (await response.json()) as Record<string, unknown> };
}

/** The user id Better Auth's session holds, asked from the page. */
async function sessionUserId(session: StackSession): Promise<string | undefined> {
  return session.page.evaluate(async () => {
    const response = await fetch('/api/auth/get-session');
    const body = (await response.json()) as { user?: { id?: string } } | null;
    return body?.user?.id;
  });
}

function describeMemoryStack(entry: (typeof stacks)[number]) {
  const { spec } = entry;
  describe.skipIf(entry.skip)(`--backend ${spec.backend} --storage memory --http ${spec.http}${entry.skip ? ` (skipped: ${entry.skip})` : ''}`, () => {
    const stack = entry.use();
    const user = uniqueUser(spec.backend);
    let main: StackSession;

    test('sign up → /dashboard shows the backend’s /api/users/me for this user, fetched cross-origin with a Bearer JWT after a CORS preflight', async () => {
      main = await stack.newSession();
      const { page, traffic, apiTraffic } = main;
      await signUp(page, stack.web, user);

      const me = await shownMe(main);
      expect(me).toMatchObject({ email: user.email, name: user.name });
      expect(await page.getByTestId('user-email').textContent()).toBe(user.email);
      expect(await page.getByTestId('api-error').count()).toBe(0);
      expect(me.id).toBe(await sessionUserId(main));

      // The browser: one token from the session, then one call to the backend's URL with it.
      expect(traffic.calls.filter((c) => c.path === '/api/auth/token').map((c) => c.status)).toEqual([200]);
      expect(traffic.calls.filter((c) => c.path === '/api/users/me')).toEqual([]);
      const browserCalls = apiTraffic.calls.filter((c) => c.path === '/api/users/me');
      expect(browserCalls.map((c) => [c.method, c.status, c.failed])).toEqual([['GET', 200, undefined]]);
      const token = bearer(browserCalls[0]);
      const claims = decodeJwtPayload(token);
      expect(claims).toMatchObject({ sub: me.id, email: user.email, iss: stack.web, aud: stack.web });
      expect(Number(claims.exp) - Number(claims.iat)).toBe(ACCESS_TOKEN_SECONDS);

      // The backend: a preflight from the app's origin asking to send Authorization, allowed…
      const preflights = stack.tap.since(0, '/api/users/me', 'OPTIONS');
      expect(preflights).toHaveLength(1);
      const preflight = preflights[0] as TapRecord;
      expect(preflight.origin).toBe(stack.web);
      expect(preflight.requestMethod).toBe('GET');
      expect(preflight.requestHeaders?.toLowerCase().split(/\s*,\s*/)).toContain('authorization');
      expect(preflight.status, JSON.stringify(preflight)).toBeGreaterThanOrEqual(200);
      expect(preflight.status).toBeLessThan(300);
      expect(preflight.headers['access-control-allow-origin']).toBe(stack.web);
      expect(preflight.headers['access-control-allow-headers']?.toLowerCase()).toContain('authorization');
      // …then the GET with the same token, answered 200 with exactly what the dashboard shows.
      const gets = stack.tap.since(0, '/api/users/me');
      expect(gets).toHaveLength(1);
      const get = gets[0] as TapRecord;
      expect(stack.tap.records.indexOf(preflight)).toBeLessThan(stack.tap.records.indexOf(get));
      expect(get.origin).toBe(stack.web);
      expect(bearer(get)).toBe(token);
      expect(get.status).toBe(200);
      expect(get.headers['access-control-allow-origin']).toBe(stack.web);
      expect(get.json).toEqual(me);
      expect(get.json).toEqual({ id: claims.sub, email: user.email, name: user.name });
    });

    test('after the token expires, the next call refreshes exactly once and the backend accepts the new token', async () => {
      const { page, traffic, apiTraffic } = main;
      const oldToken = bearer(apiTraffic.calls.filter((c) => c.path === '/api/users/me').at(-1));
      await waitUntilExpired(Number(decodeJwtPayload(oldToken).exp));

      const mark = traffic.calls.length;
      const apiMark = apiTraffic.calls.length;
      const tapMark = stack.tap.records.length;
      const answered = await apiCallsAnswered(page);
      await page.getByTestId('call-api').click();
      await waitForApiCalls(page, answered + 1);

      expect(traffic.since(mark, '/api/auth/token').map((c) => c.status)).toEqual([200]);
      const browserCalls = apiTraffic.since(apiMark, '/api/users/me');
      expect(browserCalls.map((c) => [c.status, c.failed])).toEqual([[200, undefined]]);
      const newToken = bearer(browserCalls[0]);
      expect(newToken).not.toBe(oldToken);
      expect(Number(decodeJwtPayload(newToken).exp)).toBeGreaterThan(Date.now() / 1000);

      // The backend saw only the fresh token (the client refreshed before calling, not after a
      // 401) and accepted it. Per-user answers are `no-store`, so the browser never
      // revalidates a cached copy: a full 200 every time.
      const gets = stack.tap.since(tapMark, '/api/users/me');
      expect(gets.map((r) => bearer(r) === newToken)).toEqual([true]);
      expect(gets[0]?.status).toBe(200);
      expect(gets[0]?.headers['cache-control']).toMatch(/no-store/);
      expect(stack.tap.records.slice(tapMark).filter((r) => r.status === 401)).toEqual([]);
      expect(await page.getByTestId('api-error').count()).toBe(0);
      expect(await shownMe(main)).toEqual(gets[0]?.json);
      expect(await page.getByTestId('api-result').textContent()).toContain(user.email);
    });

    test('sign-out lands on /login; /dashboard redirects there, no token can be minted, and the backend answers 401 without a token', async () => {
      const { page } = main;
      await signOutThenDashboardRedirects(page, stack.web);
      expect(await page.evaluate(async () => (await fetch('/api/auth/token')).status)).toBe(401);

      // From the app's origin in the browser (a simple CORS request: no preflight, no token)…
      const tapMark = stack.tap.records.length;
      const fromPage = await page.evaluate(async (apiUrl) => {
        const response = await fetch(`${apiUrl}/api/users/me`);
        return { status: response.status, body: (await response.json()) as Record<string, unknown> };
      }, stack.tap.url);
      expect(fromPage.status).toBe(401);
      expect(typeof fromPage.body.error).toBe('string');
      expect(stack.tap.since(tapMark, '/api/users/me').map((r) => [r.status, r.authorization])).toEqual([[401, undefined]]);
      // …and straight at the backend's port.
      const direct = await backendWithoutToken(stack);
      expect(direct.status).toBe(401);
      expect(direct.wwwAuthenticate).toMatch(/^Bearer\b/);
      expect(direct.wwwAuthenticate).not.toMatch(/error=/);
      expect(typeof direct.body.error).toBe('string');
    });
  });
}

function describeCookieStack(entry: (typeof stacks)[number]) {
  const { spec } = entry;
  describe.skipIf(entry.skip)(`--backend ${spec.backend} --storage cookie (BFF)${entry.skip ? ` (skipped: ${entry.skip})` : ''}`, () => {
    const stack = entry.use();
    const user = uniqueUser(`${spec.backend}-bff`);
    let main: StackSession;

    function noTokenInTheBrowser(session: StackSession) {
      expect(session.traffic.calls.filter((c) => c.path === '/api/auth/token')).toEqual([]);
      expect(session.traffic.withAuthorization).toEqual([]);
      expect(session.jwtHeaders).toEqual([]);
      // The browser never talks to the backend: only the Next.js server does.
      expect(session.apiTraffic.calls).toEqual([]);
    }

    test('sign up → /dashboard shows the backend’s answer through /api/bff; the server sent the Bearer JWT, the browser holds none', async () => {
      main = await stack.newSession();
      const { page, traffic } = main;
      await signUp(page, stack.web, user);

      const me = await shownMe(main);
      expect(me).toMatchObject({ email: user.email, name: user.name });
      expect(await page.getByTestId('user-email').textContent()).toBe(user.email);

      expect(traffic.calls.filter((c) => c.path === '/api/bff/users/me').map((c) => c.status)).toEqual([200]);
      expect(traffic.calls.filter((c) => c.path === '/api/users/me')).toEqual([]);
      noTokenInTheBrowser(main);

      // The backend got exactly one call, server to server (no Origin, no preflight), with a
      // Bearer JWT for this user, and answered what the dashboard shows.
      expect(stack.tap.records.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/users/me']);
      const get = stack.tap.records[0] as TapRecord;
      expect(get.origin).toBeUndefined();
      expect(get.status).toBe(200);
      const claims = decodeJwtPayload(bearer(get));
      expect(claims).toMatchObject({ sub: me.id, email: user.email, iss: stack.web, aud: stack.web });
      expect(Number(claims.exp) - Number(claims.iat)).toBe(ACCESS_TOKEN_SECONDS);
      expect(get.json).toEqual(me);
    });

    test('after the token lifetime has passed, a call still succeeds: the server mints a fresh token and the backend accepts it', async () => {
      const { page, traffic } = main;
      const oldToken = bearer(stack.tap.records.at(-1));
      await waitUntilExpired(Number(decodeJwtPayload(oldToken).exp));

      const mark = traffic.calls.length;
      const tapMark = stack.tap.records.length;
      const answered = await apiCallsAnswered(page);
      await page.getByTestId('call-api').click();
      await waitForApiCalls(page, answered + 1);

      expect(traffic.since(mark, '/api/bff/users/me').map((c) => c.status)).toEqual([200]);
      const gets = stack.tap.since(tapMark, '/api/users/me');
      expect(gets.map((r) => r.status)).toEqual([200]);
      const newToken = bearer(gets[0]);
      expect(newToken).not.toBe(oldToken);
      expect(Number(decodeJwtPayload(newToken).exp)).toBeGreaterThan(Date.now() / 1000);
      expect(await page.getByTestId('api-error').count()).toBe(0);
      expect(await shownMe(main)).toEqual(gets[0]?.json);
      noTokenInTheBrowser(main);
    });

    test('sign-out lands on /login; /dashboard redirects there, /api/bff/users/me answers 401 without calling the backend, and the backend answers 401 without a token', async () => {
      const { page } = main;
      await signOutThenDashboardRedirects(page, stack.web);

      const tapMark = stack.tap.records.length;
      expect(await page.evaluate(async () => (await fetch('/api/bff/users/me')).status)).toBe(401);
      expect(stack.tap.records.slice(tapMark)).toEqual([]);
      noTokenInTheBrowser(main);

      const direct = await backendWithoutToken(stack);
      expect(direct.status).toBe(401);
      expect(direct.wwwAuthenticate).toMatch(/^Bearer\b/);
      expect(direct.wwwAuthenticate).not.toMatch(/error=/);
      expect(typeof direct.body.error).toBe('string');
    });

    // An XSS must not be able to take a bearer token away from a cookie-mode browser: no
    // `set-auth-jwt` header on session responses, and /api/auth/token closed over HTTP (the
    // BFF mints with auth.api.getToken on the server).
    test('with a session, page scripts still cannot obtain a JWT (no set-auth-jwt header, /api/auth/token closed)', async () => {
      const { page } = await stack.newSession();
      await signUp(page, stack.web, uniqueUser(`${spec.backend}-bff-xss`));
      const exposed = await page.evaluate(async () => {
        const session = await fetch('/api/auth/get-session');
        const token = await fetch('/api/auth/token');
        return { header: session.headers.get('set-auth-jwt'), tokenStatus: token.status };
      });
      expect(exposed.tokenStatus).not.toBe(200);
      expect(exposed.header).toBeNull();
      await page.context().close();
    });

    bffChecks(() => ({ url: stack.web, tap: stack.tap }), { tapped: true });
  });
}

for (const entry of stacks) {
  if (entry.spec.storage === 'cookie') describeCookieStack(entry);
  else describeMemoryStack(entry);
}
