// Sign-in throttling over plain HTTP against a served app (production mode, so Better Auth's
// rate limiter is on). Registered by each framework's E2E file:
// - a client-chosen X-Forwarded-For never picks a fresh rate-limit bucket: guessing one account's
//   password with a new address per request is stopped by a 429 with a Retry-After, and the
//   right password is refused too while the account is throttled;
// - another account's failures do not block a legitimate sign-in;
// - GET /api/auth/token (Bearer projects) is never cached.
import { expect, test } from 'vitest';
import { uniqueUser, type ServedApp } from './fixture.js';

export interface RateLimitCheckOptions {
  /** Seconds the app's per-address sign-in limit lasts (Better Auth: 3 per 10 s) when the app
   * sees the client's address: every request here comes from one address, so the legitimate
   * sign-in waits this long first. Absent: the app cannot see addresses (Next.js route handlers). */
  perAddressWindowSeconds?: number;
  /** The project mints tokens over HTTP (memory or local storage; cookie storage closes /token). */
  tokenEndpoint?: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** POSTs JSON to Better Auth like a browser on the app's own page would (Better Auth wants an Origin). */
function postAuth(app: ServedApp, path: string, body: object, headers: Record<string, string> = {}) {
  return fetch(`${app.authUrl}/api/auth${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: app.url, ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
}

/** The wait a 429 asks for: Retry-After, or Better Auth's own X-Retry-After on its per-address limit. */
function retryAfter(response: Response): string | null {
  return response.headers.get('retry-after') ?? response.headers.get('x-retry-after');
}

/** A forged address that changes with every request, as an attacker would send. */
const forgedAddress = (i: number) => `203.0.113.${i + 1}`;

export function rateLimitChecks(app: ServedApp, options: RateLimitCheckOptions = {}) {
  test('guessing one account’s password with a new X-Forwarded-For per request is answered 429 with Retry-After, and the right password is refused too meanwhile', async () => {
    const victim = uniqueUser('throttled');
    const signUp = await postAuth(app, '/sign-up/email', victim, { 'X-Forwarded-For': forgedAddress(100) });
    expect(signUp.status).toBe(200);

    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const guess = await postAuth(app, '/sign-in/email', { email: victim.email, password: `wrong-${i}` }, { 'X-Forwarded-For': forgedAddress(i) });
      statuses.push(guess.status);
    }
    // Every answer is a refusal, and the throttle starts before the 12th guess.
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    expect(statuses.slice(0, 11)).toContain(429);

    const right = await postAuth(app, '/sign-in/email', { email: victim.email, password: victim.password }, { 'X-Forwarded-For': forgedAddress(12) });
    expect(right.status).toBe(429);
    expect(retryAfter(right)).toMatch(/^[1-9]\d*$/);
    expect(right.headers.get('set-cookie') ?? '').not.toMatch(/session_token/);
  });

  test('another account’s failed sign-ins do not block a legitimate sign-in', async () => {
    const user = uniqueUser('unthrottled');
    if (options.perAddressWindowSeconds) await sleep(options.perAddressWindowSeconds * 1000);
    const signUp = await postAuth(app, '/sign-up/email', user);
    expect(signUp.status).toBe(200);
    const signIn = await postAuth(app, '/sign-in/email', { email: user.email, password: user.password });
    expect(signIn.status).toBe(200);
    expect(signIn.headers.get('set-cookie') ?? '').toMatch(/session_token=/);
  });

  if (options.tokenEndpoint) {
    test('GET /api/auth/token answers with Cache-Control: no-store', async () => {
      const user = uniqueUser('token-cache');
      if (options.perAddressWindowSeconds) await sleep(options.perAddressWindowSeconds * 1000);
      const signUp = await postAuth(app, '/sign-up/email', user);
      expect(signUp.status).toBe(200);
      const cookie = signUp.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const token = await fetch(`${app.authUrl}/api/auth/token`, { headers: { Cookie: cookie, Origin: app.url }, signal: AbortSignal.timeout(15_000) });
      expect(token.status).toBe(200);
      expect(token.headers.get('cache-control')).toBe('no-store');
      expect(typeof ((await token.json()) as { token?: unknown }).token).toBe('string');
    });
  }
}
