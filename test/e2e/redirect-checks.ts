// Open-redirect checks every framework's generated project must pass: after signing in (or up)
// from a page whose `?next=` points elsewhere, the browser lands on this app's own /dashboard
// and never asks another origin for anything. The hostile values are ones a prefix check such
// as `startsWith('/') && !startsWith('//')` lets through; the URL parser reads `\` as `/` and
// drops tab, CR and LF. A safe `next` of the app's own is honoured, also through sign-up.
// Every request to another origin is recorded (redirect hops included); those the page makes
// itself are answered with a stub page, so an escape shows up at once. A server's 3xx to another
// host is not routed by Playwright: it ends on Chromium's error page, which the URL check catches.
import type { Page, Response } from 'playwright-core';
import { expect, test } from 'vitest';
import { recordApiCalls } from '../helpers/browser.js';
import { uniqueUser, type AppSession, type ServedApp } from './fixture.js';

/** `next` values that leave the origin (or end on a path like `//evil.example`) when resolved naively. */
const HOSTILE_NEXT = ['/\\evil.example', '/\t/evil.example', '/\r\n/evil.example', '/..//evil.example', 'https://evil.example/dashboard'];

export interface RedirectCheckOptions {
  /** Also run every check with JavaScript off: the forms post to the server actions. */
  alsoWithoutScripts?: boolean;
}

interface Visit {
  session: AppSession;
  /** Every request the context sent to an origin other than the app's own servers. */
  offsite: string[];
}

/** A new browser context (no cookies) that stubs and records every request leaving the app. */
async function newVisit(app: ServedApp, javaScriptEnabled: boolean): Promise<Visit> {
  if (!app.browser) throw new Error('browser not started');
  const own = new Set([app.url, app.authUrl, app.apiUrl].map((u) => new URL(u).origin));
  const context = await app.browser.newContext({ javaScriptEnabled });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  const offsite: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (/^https?:$/.test(url.protocol) && !own.has(url.origin)) offsite.push(`${request.method()} ${request.url()}`);
  });
  await context.route(
    (url) => !own.has(url.origin),
    (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>another origin</h1>' }),
  );
  const page = await context.newPage();
  // Recorded with the app's sessions, so a failure saves a screenshot of this page too.
  const session: AppSession = { context, page, traffic: recordApiCalls(context, app.authUrl), apiTraffic: recordApiCalls(context, app.apiUrl) };
  app.sessions.push(session);
  return { session, offsite };
}

/**
 * Signed out, in a new tab: nothing of the previous page carries over (a client-side refresh
 * still in flight on /dashboard would otherwise redirect to /login in the middle of the next step).
 */
async function startOver({ session }: Visit): Promise<Page> {
  await session.page.close();
  await session.context.clearCookies();
  session.page = await session.context.newPage();
  return session.page;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type User = ReturnType<typeof uniqueUser>;

/**
 * Opens `start` (a /login or /signup URL), fills the form, submits it and waits until the
 * browser is on /dashboard or on another origin; returns where it is then. Better Auth allows 3
 * sign-ins (and 3 sign-ups) per 10 s from one address, which these checks and the flows beside
 * them exceed: a 429 is waited out (Retry-After) and the form submitted again.
 */
async function submitFrom(app: ServedApp, page: Page, start: string, user: User, form: 'sign-in' | 'sign-up'): Promise<URL> {
  const origin = new URL(app.url).origin;
  for (let attempt = 1; ; attempt++) {
    let retryAfterSeconds: number | undefined;
    const onResponse = (response: Response) => {
      if (response.status() !== 429 || !/\/api\/auth\/sign-(in|up)\//.test(new URL(response.url()).pathname)) return;
      const headers = response.headers();
      retryAfterSeconds = Number(headers['retry-after'] ?? headers['x-retry-after'] ?? 10) || 10;
    };
    page.on('response', onResponse);
    try {
      await page.goto(start);
      if (form === 'sign-up') await page.fill('input[name=name]', user.name);
      await page.fill('input[name=email]', user.email);
      await page.fill('input[name=password]', user.password);
      await page.click('button[type=submit]');
      // A target that neither leaves nor reaches /dashboard ends the wait by timeout; the URL then tells.
      const outcome = await Promise.race([
        page.waitForURL((u) => u.origin !== origin || u.pathname === '/dashboard', { timeout: 15_000 }).then(
          () => 'landed',
          () => 'timeout',
        ),
        page.getByTestId('auth-error').waitFor({ timeout: 15_000 }).then(
          () => 'refused',
          () => 'timeout',
        ),
      ]);
      if (outcome !== 'refused' || retryAfterSeconds === undefined || attempt === 3) return new URL(page.url());
    } finally {
      page.off('response', onResponse);
    }
    await sleep(retryAfterSeconds * 1000 + 500);
  }
}

export function redirectChecks(app: ServedApp, options: RedirectCheckOptions = {}) {
  const modes = options.alsoWithoutScripts ? [true, false] : [true];
  for (const javaScript of modes) {
    const how = javaScript ? '' : ' (JavaScript off: server actions)';
    const label = javaScript ? 'redirect' : 'redirect-nojs';
    const login = (next: string) => `${app.url}/login?next=${encodeURIComponent(next)}`;
    const signup = (next: string) => `${app.url}/signup?next=${encodeURIComponent(next)}`;

    test(`sign-in from /login?next=<another origin, disguised> lands on this app's /dashboard and never requests another origin${how}`, async () => {
      const visit = await newVisit(app, javaScript);
      const user = uniqueUser(label);
      expect((await submitFrom(app, visit.session.page, `${app.url}/signup`, user, 'sign-up')).href).toBe(`${app.url}/dashboard`);
      const landed: Record<string, string> = {};
      for (const next of HOSTILE_NEXT) {
        landed[JSON.stringify(next)] = (await submitFrom(app, await startOver(visit), login(next), user, 'sign-in')).href;
      }
      expect(landed).toEqual(Object.fromEntries(HOSTILE_NEXT.map((next) => [JSON.stringify(next), `${app.url}/dashboard`])));
      expect(visit.offsite).toEqual([]);
      await visit.session.context.close();
    });

    test(`sign-up from /signup?next=<another origin> lands on /dashboard; a path of this app in next is honoured by sign-in, by sign-up, and carried from /login to /signup${how}`, async () => {
      const visit = await newVisit(app, javaScript);
      const user = uniqueUser(`${label}-signup`);
      expect((await submitFrom(app, visit.session.page, signup(HOSTILE_NEXT[0] as string), user, 'sign-up')).href).toBe(`${app.url}/dashboard`);

      // Signed out again, a path of this app (with its query) is where sign-in goes.
      expect((await submitFrom(app, await startOver(visit), login('/dashboard?from=login'), user, 'sign-in')).href).toBe(`${app.url}/dashboard?from=login`);

      // No account yet: "Create one" keeps `next`, and sign-up honours it.
      const page = await startOver(visit);
      await page.goto(login('/dashboard?from=signup'));
      await page.click('a[href^="/signup?next="]');
      await page.waitForURL((u) => u.pathname === '/signup');
      expect(new URL(page.url()).searchParams.get('next')).toBe('/dashboard?from=signup');
      const newcomer = uniqueUser(`${label}-carried`);
      expect((await submitFrom(app, page, page.url(), newcomer, 'sign-up')).href).toBe(`${app.url}/dashboard?from=signup`);
      expect(visit.offsite).toEqual([]);
      await visit.session.context.close();
    });
  }
}
