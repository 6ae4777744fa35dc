// The default project (`--yes`: Next.js, memory token storage, fetch client, SQLite), generated
// by the CLI and installed with a real `npm install`, migrated, built and served. Headless
// Chromium signs up and checks what a user (and their API) would see: the Bearer JWT on API
// calls, exactly one refresh after expiry even for 10 concurrent calls, a wrong password
// getting no token, and sign-out locking the dashboard and the API again.
import { describe, expect, test } from 'vitest';
import {
  apiCallsAnswered,
  callApiConcurrently,
  decodeJwtPayload,
  signUp,
  waitForApiCalls,
  waitUntilExpired,
  type ApiCall,
} from '../helpers/browser.js';
import { ACCESS_TOKEN_SECONDS, uniqueUser, useServedProject, type Session } from './fixture.js';

const app = useServedProject({ name: 'e2e-default', options: {}, install: 'npm' });
const user = uniqueUser('default');
let main: Session;

function bearer(call: ApiCall | undefined): string {
  const match = /^Bearer (\S+)$/.exec(call?.authorization ?? '');
  if (!match?.[1]) throw new Error(`expected a Bearer token on ${call?.method} ${call?.path}, got ${JSON.stringify(call?.authorization)}`);
  return match[1];
}

function lastMeCall(session: Session): ApiCall | undefined {
  return session.traffic.calls.filter((c) => c.path === '/api/users/me').at(-1);
}

describe('default project (memory storage, fetch)', () => {
  test('sign up lands on /dashboard showing /api/users/me, called with a Bearer JWT for this user', async () => {
    main = await app.newSession();
    const { page, traffic } = main;
    await signUp(page, app.url, user);

    await expect.poll(() => page.getByTestId('api-result').isVisible(), { timeout: 20_000 }).toBe(true);
    const me = JSON.parse((await page.getByTestId('api-result').textContent()) ?? '') as { id: string; email: string; name: string };
    expect(me).toMatchObject({ email: user.email, name: user.name });
    expect(await page.getByTestId('user-email').textContent()).toBe(user.email);
    expect(await page.getByTestId('api-error').count()).toBe(0);

    const meCalls = traffic.calls.filter((c) => c.path === '/api/users/me');
    expect(meCalls).toHaveLength(1);
    expect(meCalls[0]?.status).toBe(200);
    const claims = decodeJwtPayload(bearer(meCalls[0]));
    expect(claims).toMatchObject({ sub: me.id, email: user.email });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(ACCESS_TOKEN_SECONDS);
    // The token came from the session, once.
    const tokenCalls = traffic.calls.filter((c) => c.path === '/api/auth/token');
    expect(tokenCalls.map((c) => c.status)).toEqual([200]);
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
    expect(Number(decodeJwtPayload(newToken).exp)).toBeGreaterThan(Date.now() / 1000);
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
    const tokens = new Set(meCalls.map(bearer));
    expect(tokens.size).toBe(1);
    expect(tokens.has(oldToken)).toBe(false);
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
    expect(traffic.calls.filter((c) => c.path === '/api/auth/token' && c.status === 200)).toEqual([]);
    expect((await context.cookies()).filter((c) => c.name.includes('session_token'))).toEqual([]);
    // Asking for a token outright is refused too.
    const status = await page.evaluate(async () => (await fetch('/api/auth/token')).status);
    expect(status).toBe(401);
    await context.close();
  });

  test('sign-out lands on /login; /dashboard then redirects to /login and the API answers 401', async () => {
    const { page } = main;
    await page.getByTestId('sign-out').click();
    await page.waitForURL((url) => url.pathname === '/login');

    await page.goto(`${app.url}/dashboard`);
    const url = new URL(page.url());
    expect(url.pathname).toBe('/login');
    expect(url.searchParams.get('next')).toBe('/dashboard');

    const api = await page.evaluate(async () => {
      const response = await fetch('/api/users/me');
      return { status: response.status, wwwAuthenticate: response.headers.get('www-authenticate') };
    });
    expect(api.status).toBe(401);
    expect(api.wwwAuthenticate).toMatch(/^Bearer\b/);
    // The session is gone, so no new access token can be minted either.
    expect(await page.evaluate(async () => (await fetch('/api/auth/token')).status)).toBe(401);
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
});
