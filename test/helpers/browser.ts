// Headless Chromium (the Debian package, driven by playwright-core) and a recorder of the
// API traffic a page makes.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { CACHE_ROOT } from './deps-cache.js';

export const ARTIFACTS_DIR = path.join(CACHE_ROOT, 'e2e-artifacts');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    timeout: 30_000,
  });
}

export interface ApiCall {
  method: string;
  path: string;
  /** The Authorization header the page sent, if any. */
  authorization?: string;
  /** HTTP status, once the response arrived. */
  status?: number;
  failed?: string;
}

/** Records every request of a context to this origin's /api/ routes, in order. */
export function recordApiCalls(context: BrowserContext, origin: string) {
  const calls: ApiCall[] = [];
  const byRequest = new Map<object, ApiCall>();
  /** Every request of the context (pages, assets, API) that carried an Authorization header. */
  const withAuthorization: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    const authorization = request.headers()['authorization'];
    if (authorization) withAuthorization.push(`${request.method()} ${url.pathname}`);
    if (url.origin !== origin || !url.pathname.startsWith('/api/')) return;
    const call: ApiCall = { method: request.method(), path: url.pathname, authorization };
    calls.push(call);
    byRequest.set(request, call);
  });
  context.on('response', (response) => {
    const call = byRequest.get(response.request());
    if (call) call.status = response.status();
  });
  context.on('requestfailed', (request) => {
    const call = byRequest.get(request);
    if (call) call.failed = request.failure()?.errorText ?? 'failed';
  });
  return {
    calls,
    withAuthorization,
    /** Calls made after `mark` (an index into `calls`) to `path`. */
    since(mark: number, pathname: string, method = 'GET') {
      return calls.slice(mark).filter((c) => c.path === pathname && c.method === method);
    },
  };
}

/** The payload of a JWT (no signature check: the server already verified it). */
export function decodeJwtPayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) throw new Error(`not a JWT: ${token.slice(0, 20)}…`);
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

export async function saveFailureArtifacts(name: string, pages: Page[], serverLogs?: string): Promise<string[]> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const safe = name.replace(/[^a-z0-9-]+/gi, '_').slice(0, 100);
  const written: string[] = [];
  for (const [i, page] of pages.entries()) {
    if (page.isClosed()) continue;
    const file = path.join(ARTIFACTS_DIR, `${safe}-${i}.png`);
    try {
      await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
      written.push(file);
    } catch {
      // the page may be mid-navigation or crashed
    }
  }
  if (serverLogs !== undefined) {
    const file = path.join(ARTIFACTS_DIR, `${safe}-server.log`);
    fs.writeFileSync(file, serverLogs);
    written.push(file);
  }
  return written;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits (bounded) until the wall clock is past `exp` (epoch seconds) by `marginMs`. */
export async function waitUntilExpired(exp: number, marginMs = 700, maxWaitMs = 60_000) {
  const waitMs = exp * 1000 + marginMs - Date.now();
  if (waitMs > maxWaitMs) throw new Error(`token expires in ${waitMs} ms, more than the ${maxWaitMs} ms this test waits`);
  if (waitMs > 0) await sleep(waitMs);
}

export async function apiCallsAnswered(page: Page): Promise<number> {
  const text = (await page.getByTestId('api-calls').textContent()) ?? '';
  const match = /API calls answered: (\d+)/.exec(text);
  if (!match) throw new Error(`unexpected api-calls text: ${JSON.stringify(text)}`);
  return Number(match[1]);
}

/** Waits until the dashboard's counter reaches `count`. */
export async function waitForApiCalls(page: Page, count: number, timeout = 20_000) {
  await page.getByTestId('api-calls').filter({ hasText: new RegExp(`^API calls answered: ${count}$`) }).waitFor({ timeout });
}

/**
 * Clicks the dashboard's call-api button `count` times in one synchronous loop, so the calls
 * are truly concurrent (the single-flight refresh is what is under test), then waits until
 * every one is answered.
 */
export async function callApiConcurrently(page: Page, count: number): Promise<void> {
  const answered = await apiCallsAnswered(page);
  await page.evaluate((n) => {
    const button = document.querySelector<HTMLButtonElement>('[data-testid=call-api]');
    if (!button) throw new Error('no call-api button');
    for (let i = 0; i < n; i++) button.click();
  }, count);
  await waitForApiCalls(page, answered + count);
}

export async function signUp(page: Page, base: string, user: { name: string; email: string; password: string }) {
  await page.goto(`${base}/signup`);
  await page.fill('input[name=name]', user.name);
  await page.fill('input[name=email]', user.email);
  await page.fill('input[name=password]', user.password);
  await page.click('button[type=submit]');
  await page.waitForURL(`${base}/dashboard`);
}
