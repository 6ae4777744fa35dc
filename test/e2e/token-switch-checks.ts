// A sign-in as someone else replaces the cached access token. Registered by the E2E files of
// Bearer projects (memory or local storage):
// - user A signs in and calls the API (token cached), then user B signs in in the same tab
//   through client-side navigation (the page's modules, and so a memory cache, live on): the
//   API call answers with B's identity and carries a token whose sub is B;
// - local storage: a token left in localStorage is not used once the session belongs to
//   someone else, even when that sign-in happened outside the page's auth client and the
//   page is then loaded afresh.
// The page's clock stands still: production tokens live 15 minutes, the served app's only a
// few seconds, and the previous user's token must look as fresh as it would in production.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { decodeJwtPayload, type ApiCall } from '../helpers/browser.js';
import { bearer } from './auth-flow.js';
import { postAuthPatiently } from './auth-http.js';
import { uniqueUser, type AppSession, type ServedApp } from './fixture.js';

export interface TokenSwitchOptions {
  storage: 'memory' | 'local';
  /** Seconds of the app's per-address sign-in limit (Better Auth: 3 per 10 s) when it sees the
   * client's address; these checks sign in three times, so they first wait that long. */
  signInWindowSeconds?: number;
}

interface SignedUpUser {
  id: string;
  name: string;
  email: string;
  password: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Signs up over HTTP, as a browser on the app's page would (Better Auth wants an Origin). */
async function signUpOverHttp(app: ServedApp, label: string): Promise<SignedUpUser> {
  const user = uniqueUser(label);
  const response = await postAuthPatiently(app, '/sign-up/email', user);
  expect(response.status, `sign-up of ${user.email}`).toBe(200);
  const { user: created } = (await response.json()) as { user: { id: string } };
  return { ...user, id: created.id };
}

/** Fills the login form the page shows and submits it; the app then goes to /dashboard. */
async function submitLogin(page: Page, user: SignedUpUser) {
  await page.fill('input[name=email]', user.email);
  await page.fill('input[name=password]', user.password);
  await page.click('button[type=submit]');
  await page.waitForURL((u) => u.pathname === '/dashboard');
}

/** Waits until the dashboard shows /api/users/me answered for `user`. */
async function expectApiResultFor(page: Page, user: SignedUpUser) {
  await expect
    .poll(async () => ((await page.getByTestId('api-result').isVisible()) ? await page.getByTestId('api-result').textContent() : ''), { timeout: 20_000 })
    .toContain(user.email);
}

function meCalls(calls: ApiCall[]): ApiCall[] {
  return calls.filter((c) => c.path === '/api/users/me' && c.method === 'GET');
}

function subjectOf(token: string | null): unknown {
  return token ? decodeJwtPayload(token).sub : null;
}

/** Every /api/users/me call since `mark` carried a token of `user`, and there was at least one. */
function expectOnlyTokensOf(calls: ApiCall[], mark: number, user: SignedUpUser) {
  const since = meCalls(calls.slice(mark));
  expect(since.length).toBeGreaterThan(0);
  expect(since.map((c) => subjectOf(bearer(c)))).toEqual(since.map(() => user.id));
}

const storedToken = (page: Page) => page.evaluate(() => window.localStorage.getItem('auth.accessToken'));

export function tokenSwitchChecks(app: ServedApp, options: TokenSwitchOptions) {
  let a: SignedUpUser;
  let b: SignedUpUser;
  let main: AppSession;

  test("signing in as another user in the same tab (client-side navigation) calls the API with the new user's token", async () => {
    a = await signUpOverHttp(app, 'switch-a');
    b = await signUpOverHttp(app, 'switch-b');
    if (options.signInWindowSeconds) await sleep(options.signInWindowSeconds * 1000);
    main = await app.newSession();
    const { page, apiTraffic } = main;
    await page.clock.setFixedTime(Date.now());

    await page.goto(`${app.url}/login`);
    await submitLogin(page, a);
    await expectApiResultFor(page, a);
    expectOnlyTokensOf(apiTraffic.calls, 0, a);

    // Back to /login without a page load: A's token is still cached by this document.
    await page.evaluate(() => ((window as unknown as Record<string, unknown>).__sameDocument = true));
    await page.goBack();
    await page.waitForURL((u) => u.pathname === '/login');
    const mark = apiTraffic.calls.length;
    await submitLogin(page, b);
    await expectApiResultFor(page, b);
    expect(await page.evaluate(() => (window as unknown as Record<string, unknown>).__sameDocument)).toBe(true);
    expectOnlyTokensOf(apiTraffic.calls, mark, b);
    expect(subjectOf(await storedToken(page))).toBe(options.storage === 'local' ? b.id : null);
  });

  if (options.storage === 'local') {
    test('a token left in localStorage is not used once the session belongs to someone else, even after a page load', async () => {
      const { page, context, apiTraffic } = main;
      expect(subjectOf(await storedToken(page))).toBe(b.id);
      // A signs in outside this page's auth client (another tab, a server action…): only the
      // session cookie changes, and B's token stays in localStorage.
      const signedIn = await context.request.post(`${app.authUrl}/api/auth/sign-in/email`, {
        data: { email: a.email, password: a.password },
        headers: { Origin: app.url },
      });
      expect(signedIn.status()).toBe(200);

      const mark = apiTraffic.calls.length;
      await page.goto(`${app.url}/dashboard`);
      await expectApiResultFor(page, a);
      expectOnlyTokensOf(apiTraffic.calls, mark, a);
      expect(subjectOf(await storedToken(page))).toBe(a.id);
    });
  }
}
