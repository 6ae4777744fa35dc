// The `--storage cookie --http axios` variant (backend-for-frontend): the browser holds only
// the httpOnly session cookie and calls /api/bff/*, where the server mints the JWT and
// forwards the call. Dependencies are hard-linked from the deps cache (the default E2E file
// already proves a real `npm install`).
import { describe, expect, test } from 'vitest';
import { apiCallsAnswered, signUp, waitForApiCalls } from '../helpers/browser.js';
import { ACCESS_TOKEN_SECONDS, uniqueUser, useServedProject, type Session } from './fixture.js';

const app = useServedProject({ name: 'e2e-cookie-axios', options: { storage: 'cookie', http: 'axios' }, install: 'linked' });
const user = uniqueUser('cookie');
let main: Session;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('cookie storage with the axios client (BFF)', () => {
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

    // The session cookie is httpOnly, and nothing token-like is readable by page scripts.
    const session = (await context.cookies()).find((c) => c.name.includes('session_token'));
    expect(session?.httpOnly).toBe(true);
    const readable = await page.evaluate(() => ({ cookie: document.cookie, local: JSON.stringify(localStorage), session: JSON.stringify(sessionStorage) }));
    expect(readable.cookie).not.toMatch(/session_token|eyJ/);
    expect(readable.local).not.toMatch(/eyJ/);
    expect(readable.session).not.toMatch(/eyJ/);
  });

  test('the session cookie alone does not open the JWT-protected API', async () => {
    const status = await main.page.evaluate(async () => (await fetch('/api/users/me')).status);
    expect(status).toBe(401);
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
    expect(traffic.calls.filter((c) => c.path === '/api/auth/token')).toEqual([]);
    expect(traffic.withAuthorization).toEqual([]);
  });

  test('a script in a signed-in page cannot mint a JWT: no set-auth-jwt header, /api/auth/token closed', async () => {
    // Its own session, so the probe does not count against the main session's traffic.
    const { page, context } = await app.newSession();
    await signUp(page, app.url, uniqueUser('cookie-xss'));
    const minted = await page.evaluate(async () => {
      const sessionResponse = await fetch('/api/auth/get-session');
      const tokenResponse = await fetch('/api/auth/token');
      return { header: sessionResponse.headers.get('set-auth-jwt'), token: tokenResponse.status, body: await tokenResponse.text() };
    });
    expect(minted.header).toBeNull();
    expect(minted.token).toBe(404);
    expect(minted.body).not.toMatch(/eyJ/);
    await context.close();
  });

  test('a wrong password shows an error and stays on /login without a session', async () => {
    const { page, context } = await app.newSession();
    await page.goto(`${app.url}/login`);
    await page.fill('input[name=email]', user.email);
    await page.fill('input[name=password]', `${user.password}-wrong`);
    await page.click('button[type=submit]');

    await page.getByTestId('auth-error').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect((await context.cookies()).filter((c) => c.name.includes('session_token'))).toEqual([]);
    expect(await page.evaluate(async () => (await fetch('/api/bff/users/me')).status)).toBe(401);
    await context.close();
  });

  test('sign-out lands on /login; /dashboard then redirects to /login and /api/bff/users/me answers 401', async () => {
    const { page, traffic } = main;
    await page.getByTestId('sign-out').click();
    await page.waitForURL((url) => url.pathname === '/login');

    await page.goto(`${app.url}/dashboard`);
    const url = new URL(page.url());
    expect(url.pathname).toBe('/login');
    expect(url.searchParams.get('next')).toBe('/dashboard');

    expect(await page.evaluate(async () => (await fetch('/api/bff/users/me')).status)).toBe(401);
    // Over the whole session, the browser never asked for a token nor sent one.
    expect(traffic.calls.filter((c) => c.path === '/api/auth/token')).toEqual([]);
    expect(traffic.withAuthorization).toEqual([]);
  });
});
