// Sign-in throttling over plain HTTP against a served app (production mode, so Better Auth's
// rate limiter is on). Registered by each framework's E2E file:
// - a client-chosen X-Forwarded-For never picks a fresh rate-limit bucket: guessing one account's
//   password with a new address per request is stopped by a 429 with a Retry-After, and the
//   right password is refused too while the account is throttled;
// - another account's failures do not block a legitimate sign-in;
// - GET /api/auth/token (Bearer projects) is never cached.
import { expect, test } from 'vitest';
import { postAuth, postAuthPatiently, retryAfter } from './auth-http.js';
import { uniqueUser, type ServedApp } from './fixture.js';

export interface RateLimitCheckOptions {
  /** The project mints tokens over HTTP (memory or local storage; cookie storage closes /token). */
  tokenEndpoint?: boolean;
}

/** A forged address that changes with every request, as an attacker would send. */
const forgedAddress = (i: number) => `203.0.113.${i + 1}`;

export function rateLimitChecks(app: ServedApp, options: RateLimitCheckOptions = {}) {
  test('guessing one account’s password with a new X-Forwarded-For per request is answered 429 with Retry-After, and the right password is refused too meanwhile', async () => {
    const victim = uniqueUser('throttled');
    const signUp = await postAuthPatiently(app, '/sign-up/email', victim, { 'X-Forwarded-For': forgedAddress(100) });
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
    const signUp = await postAuthPatiently(app, '/sign-up/email', user);
    expect(signUp.status).toBe(200);
    // Waited out only when it is the per-address limit (one address here); this account's own
    // throttle answers 429 with TOO_MANY_FAILED_SIGN_INS, which fails the check.
    const signIn = await postAuthPatiently(app, '/sign-in/email', { email: user.email, password: user.password });
    expect(signIn.status).toBe(200);
    expect(signIn.headers.get('set-cookie') ?? '').toMatch(/session_token=/);
  });

  if (options.tokenEndpoint) {
    test('GET /api/auth/token answers with Cache-Control: no-store', async () => {
      const user = uniqueUser('token-cache');
      const signUp = await postAuthPatiently(app, '/sign-up/email', user);
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
