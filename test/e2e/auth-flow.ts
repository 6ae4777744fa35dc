// The browser flows every framework's generated project must pass, defined once and registered
// by each E2E file for its own served app:
// - bearerFlowTests: memory/local storage, the page calls /api/users/me with a Bearer JWT;
//   sign-up → dashboard with this user's data, exactly one refresh after expiry (also for 10
//   concurrent calls), a wrong password gets an error and no token, sign-out locks /dashboard
//   and the API, signing in again returns to the dashboard.
// - cookieModeTests: cookie storage (backend-for-frontend); data through /api/bff, no token
//   reachable by page scripts, a fresh token minted by the server after expiry, sign-out.
// - separateApiTests: a separate API server in backend/, called cross-origin with the JWT.
// Framework-specific checks stay in each file (hooks below, or tests registered around these).
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import {
  apiCallsAnswered,
  callApiConcurrently,
  decodeJwtPayload,
  signUp,
  waitForApiCalls,
  waitUntilExpired,
  type ApiCall,
} from '../helpers/browser.js';
import { ACCESS_TOKEN_SECONDS, uniqueUser, type AppSession, type ServedApp } from './fixture.js';

export type User = ReturnType<typeof uniqueUser>;

export interface Me {
  id: string;
  email: string;
  name: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function bearer(call: ApiCall | undefined): string {
  const match = /^Bearer (\S+)$/.exec(call?.authorization ?? '');
  if (!match?.[1]) throw new Error(`expected a Bearer token on ${call?.method} ${call?.path}, got ${JSON.stringify(call?.authorization)}`);
  return match[1];
}

/** The session's last call to /api/users/me, on the auth server (`traffic`) or a separate API server (`apiTraffic`). */
function lastMeCall(calls: ApiCall[]): ApiCall | undefined {
  return calls.filter((c) => c.path === '/api/users/me' && c.method === 'GET').at(-1);
}

async function readMe(page: Page): Promise<Me> {
  return JSON.parse((await page.getByTestId('api-result').textContent()) ?? '') as Me;
}

/**
 * After sign-out, /dashboard sends the browser to /login?next=/dashboard. `atOnce`: the
 * redirect happens on the server, so the page is there as soon as navigation ends.
 */
async function expectDashboardRedirectsToLogin(page: Page, url: string, atOnce: boolean) {
  await page.goto(`${url}/dashboard`);
  if (!atOnce) await page.waitForURL((u) => u.pathname === '/login');
  const landed = new URL(page.url());
  expect(landed.pathname).toBe('/login');
  expect(landed.searchParams.get('next')).toBe('/dashboard');
}

/** Signs in with a wrong password in a new session: an error, still on /login, no session cookie. */
export async function signInWithWrongPassword(app: ServedApp, user: User): Promise<AppSession> {
  const session = await app.newSession();
  const { page, context } = session;
  await page.goto(`${app.url}/login`);
  await page.fill('input[name=email]', user.email);
  await page.fill('input[name=password]', `${user.password}-wrong`);
  await page.click('button[type=submit]');

  await page.getByTestId('auth-error').waitFor();
  expect(new URL(page.url()).pathname).toBe('/login');
  expect((await context.cookies()).filter((c) => c.name.includes('session_token'))).toEqual([]);
  return session;
}

export interface BearerFlowOptions {
  /** The dashboard is rendered on the server (Next.js): the user's email and the signed-out
   * redirect are there as soon as navigation ends, with no waiting for scripts. */
  dashboardOnServer?: boolean;
  /** More checks on the freshly signed-up dashboard (storage, headers, fields). */
  checkSignedIn?(session: AppSession, token: string, me: Me): Promise<void>;
  /** Registers more tests that need the signed-in main session, run right after sign-up. */
  whileSignedIn?(main: () => AppSession): void;
}

/** Memory or local storage with the app's own /api/users/me on the auth server. */
export function bearerFlowTests(app: ServedApp, user: User, options: BearerFlowOptions = {}) {
  let main: AppSession;

  test('sign up lands on /dashboard showing /api/users/me, called with a Bearer JWT for this user', async () => {
    main = await app.newSession();
    const { page, traffic } = main;
    await signUp(page, app.url, user);

    await expect.poll(() => page.getByTestId('api-result').isVisible(), { timeout: 20_000 }).toBe(true);
    const me = await readMe(page);
    expect(me).toMatchObject({ email: user.email, name: user.name });
    if (options.dashboardOnServer) expect(await page.getByTestId('user-email').textContent()).toBe(user.email);
    else await expect.poll(() => page.getByTestId('user-email').textContent()).toBe(user.email);
    expect(await page.getByTestId('api-error').count()).toBe(0);

    const meCalls = traffic.calls.filter((c) => c.path === '/api/users/me');
    expect(meCalls.map((c) => c.status)).toEqual([200]);
    const token = bearer(meCalls[0]);
    const claims = decodeJwtPayload(token);
    expect(claims).toMatchObject({ sub: me.id, email: user.email, iss: app.authUrl, aud: app.authUrl });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(ACCESS_TOKEN_SECONDS);
    // The token came from the session, once.
    expect(traffic.calls.filter((c) => c.path === '/api/auth/token').map((c) => c.status)).toEqual([200]);
    await options.checkSignedIn?.(main, token, me);
  });

  options.whileSignedIn?.(() => main);

  test('after the token expires, the next call refreshes it exactly once and succeeds', async () => {
    const { page, traffic } = main;
    const oldToken = bearer(lastMeCall(traffic.calls));
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
    expect(Number(decodeJwtPayload(newToken).exp)).toBeGreaterThan(Date.now() / 1000);
    expect(await page.getByTestId('api-error').count()).toBe(0);
    expect(await page.getByTestId('api-result').textContent()).toContain(user.email);
  });

  test('10 concurrent calls after expiry share exactly one refresh and all succeed', async () => {
    const { page, traffic } = main;
    const oldToken = bearer(lastMeCall(traffic.calls));
    await waitUntilExpired(Number(decodeJwtPayload(oldToken).exp));

    const mark = traffic.calls.length;
    await callApiConcurrently(page, 10);

    expect(traffic.since(mark, '/api/auth/token').map((c) => c.status)).toEqual([200]);
    const meCalls = traffic.since(mark, '/api/users/me');
    expect(meCalls.map((c) => c.status)).toEqual(Array(10).fill(200));
    const tokens = new Set(meCalls.map(bearer));
    expect(tokens.size).toBe(1);
    expect(tokens.has(oldToken)).toBe(false);
    expect(await page.getByTestId('api-error').count()).toBe(0);
  });

  test('a wrong password shows an error, stays on /login and gets no token', async () => {
    const { page, traffic, context } = await signInWithWrongPassword(app, user);
    expect((await page.getByTestId('auth-error').textContent())?.trim()).not.toBe('');
    // A native (pre-hydration) submit is a POST: the password never appears in the URL.
    expect(page.url()).not.toContain('password');
    expect(traffic.calls.filter((c) => c.path === '/api/auth/token' && c.status === 200)).toEqual([]);
    // Asking for a token outright is refused too.
    expect(await page.evaluate(async (base) => (await fetch(`${base}/api/auth/token`, { credentials: 'include' })).status, app.authUrl)).toBe(401);
    await context.close();
  });

  test('sign-out lands on /login; /dashboard then redirects to /login and the API answers 401', async () => {
    const { page, traffic } = main;
    const token = bearer(lastMeCall(traffic.calls));
    await page.getByTestId('sign-out').click();
    await page.waitForURL((u) => u.pathname === '/login');
    await expectDashboardRedirectsToLogin(page, app.url, options.dashboardOnServer ?? false);

    const answer = await page.evaluate(async (base) => {
      const response = await fetch(`${base}/api/users/me`);
      return { status: response.status, wwwAuthenticate: response.headers.get('www-authenticate') };
    }, app.authUrl);
    expect(answer.status).toBe(401);
    expect(answer.wwwAuthenticate).toMatch(/^Bearer\b/);
    // The session is gone, so no new access token can be minted either.
    expect(await page.evaluate(async (base) => (await fetch(`${base}/api/auth/token`, { credentials: 'include' })).status, app.authUrl)).toBe(401);
    // Once the last access token has expired (plus the API's 5 s clock tolerance), it opens nothing.
    await waitUntilExpired(Number(decodeJwtPayload(token).exp) + 5);
    const stale = await fetch(`${app.authUrl}/api/users/me`, { headers: { Authorization: `Bearer ${token}` } });
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
}

export interface CookieModeOptions {
  /** The dashboard's signed-out redirect happens on the server (Next.js), with no waiting. */
  dashboardOnServer?: boolean;
  /** `main`: the mint probe runs in the main signed-in page (so the main session's traffic
   * holds its one refused /api/auth/token call); `own`: in a session of its own, for another user. */
  mintProbe: 'main' | 'own';
}

/** Cookie storage (backend-for-frontend): the browser holds only the httpOnly session cookie. */
export function cookieModeTests(app: ServedApp, user: User, options: CookieModeOptions) {
  let main: AppSession;
  /** The statuses of the main session's /api/auth/token calls once the mint probe has run. */
  const probeCalls = options.mintProbe === 'main' ? [404] : [];

  test('sign up lands on /dashboard with API data fetched through /api/bff, no token in the browser', async () => {
    main = await app.newSession();
    const { page, traffic, context } = main;
    await signUp(page, app.url, user);

    await page.getByTestId('api-result').waitFor({ timeout: 20_000 });
    expect(await readMe(page)).toMatchObject({ email: user.email, name: user.name });
    expect(await page.getByTestId('user-email').textContent()).toBe(user.email);

    expect(traffic.calls.filter((c) => c.path === '/api/bff/users/me').map((c) => c.status)).toEqual([200]);
    expect(traffic.calls.filter((c) => c.path === '/api/users/me')).toEqual([]);
    expect(traffic.calls.filter((c) => c.path === '/api/auth/token')).toEqual([]);
    expect(traffic.withAuthorization).toEqual([]);

    // The session cookie is httpOnly, and nothing token-like is readable by page scripts.
    const session = (await context.cookies()).find((c) => c.name.includes('session_token'));
    expect(session?.httpOnly).toBe(true);
    const readable = await page.evaluate(() => ({ cookie: document.cookie, local: JSON.stringify(localStorage), session: JSON.stringify(sessionStorage) }));
    expect(readable.cookie).not.toMatch(/session_token|eyJ/);
    expect(readable.local).not.toMatch(/eyJ/);
    expect(readable.session).not.toMatch(/eyJ/);
  });

  test('the session cookie alone does not open the JWT-protected API', async () => {
    expect(await main.page.evaluate(async () => (await fetch('/api/users/me')).status)).toBe(401);
  });

  test('a script in a signed-in page cannot mint a JWT: no set-auth-jwt header, /api/auth/token closed', async () => {
    let page = main.page;
    let probe: AppSession | undefined;
    if (options.mintProbe === 'own') {
      // Its own session, so the probe does not count against the main session's traffic.
      probe = await app.newSession();
      page = probe.page;
      await signUp(page, app.url, uniqueUser('cookie-xss'));
    }
    const minted = await page.evaluate(async () => {
      const sessionResponse = await fetch('/api/auth/get-session');
      const tokenResponse = await fetch('/api/auth/token');
      return { header: sessionResponse.headers.get('set-auth-jwt'), token: tokenResponse.status, body: await tokenResponse.text() };
    });
    expect(minted.header).toBeNull();
    expect(minted.token).toBe(404);
    expect(minted.body).not.toMatch(/eyJ/);
    await probe?.context.close();
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
    expect(await page.getByTestId('api-result').textContent()).toContain(user.email);
    expect(traffic.calls.filter((c) => c.path === '/api/auth/token').map((c) => c.status)).toEqual(probeCalls);
    expect(traffic.withAuthorization).toEqual([]);
  });

  test('sign-out lands on /login; /dashboard then redirects to /login and /api/bff/users/me answers 401', async () => {
    const { page, traffic } = main;
    await page.getByTestId('sign-out').click();
    await page.waitForURL((u) => u.pathname === '/login');
    await expectDashboardRedirectsToLogin(page, app.url, options.dashboardOnServer ?? false);

    expect(await page.evaluate(async () => (await fetch('/api/bff/users/me')).status)).toBe(401);
    // Over the whole session the browser never got a token (at most the mint probe asked, and
    // got a 404) nor sent one.
    expect(traffic.calls.filter((c) => c.path === '/api/auth/token').map((c) => c.status)).toEqual(probeCalls);
    expect(traffic.withAuthorization).toEqual([]);
  });
}

/** Local storage, the data from a separate API server in backend/ called cross-origin. */
export function separateApiTests(app: ServedApp, user: User) {
  let main: AppSession;

  test("sign up → /dashboard shows the backend's /api/users/me, called cross-origin with a Bearer JWT from this app", async () => {
    main = await app.newSession();
    const { page, traffic, apiTraffic } = main;
    await signUp(page, app.url, user);

    await page.getByTestId('api-result').waitFor({ timeout: 20_000 });
    const me = await readMe(page);
    expect(me).toMatchObject({ email: user.email, name: user.name });
    expect(apiTraffic.since(0, '/api/users/me').map((c) => c.status)).toEqual([200]);
    expect(traffic.calls.filter((c) => c.path === '/api/users/me')).toEqual([]);
    const token = bearer(lastMeCall(apiTraffic.calls));
    expect(decodeJwtPayload(token)).toMatchObject({ sub: me.id, email: user.email, iss: app.authUrl, aud: app.authUrl });
    // Local storage keeps exactly the token sent.
    expect(await page.evaluate(() => window.localStorage.getItem('auth.accessToken'))).toBe(token);
  });

  test('after the token expires, the next call refreshes it exactly once and the backend accepts the new one', async () => {
    const { page, traffic, apiTraffic } = main;
    const oldToken = bearer(lastMeCall(apiTraffic.calls));
    await waitUntilExpired(Number(decodeJwtPayload(oldToken).exp));
    const mark = traffic.calls.length;
    const apiMark = apiTraffic.calls.length;
    const answered = await apiCallsAnswered(page);
    await page.getByTestId('call-api').click();
    await waitForApiCalls(page, answered + 1);
    expect(traffic.since(mark, '/api/auth/token').map((c) => c.status)).toEqual([200]);
    expect(apiTraffic.since(apiMark, '/api/users/me').map((c) => c.status)).toEqual([200]);
    expect(bearer(lastMeCall(apiTraffic.calls))).not.toBe(oldToken);
  });

  test('sign-out lands on /login and forgets the token; /dashboard redirects and the backend answers 401 without one', async () => {
    const { page } = main;
    await page.getByTestId('sign-out').click();
    await page.waitForURL((u) => u.pathname === '/login');
    expect(await page.evaluate(() => window.localStorage.getItem('auth.accessToken'))).toBeNull();
    await page.goto(`${app.url}/dashboard`);
    await page.waitForURL((u) => u.pathname === '/login');
    expect(await page.evaluate(async (api) => (await fetch(`${api}/api/users/me`)).status, app.apiUrl)).toBe(401);
    expect(await page.evaluate(async () => (await fetch('/api/auth/token')).status)).toBe(401);
  });
}
