// Security settings every framework's Better Auth instance shares (lib/auth.ts adds them):
// - whose word on the client's address Better Auth takes for its per-address rate limits;
// - failed password sign-ins throttled per account (lib/sign-in-throttle.ts), answered 429;
// - GET /api/auth/token marked uncacheable, like get-session already is.
import type { BetterAuthOptions, BetterAuthPlugin } from 'better-auth';
import { APIError, createAuthMiddleware, isAPIError } from 'better-auth/api';
import type { AuthConfig } from './auth-config';
import { createSignInThrottle, type SignInThrottleOptions } from './sign-in-throttle';

type IpAddressOptions = NonNullable<NonNullable<BetterAuthOptions['advanced']>['ipAddress']>;

/**
 * Where Better Auth reads the client's address (the key of its per-address limits, e.g. 3
 * sign-ins per 10 s). A header the client chose must never be that key, or a new value per
 * request is a fresh allowance:
 * - TRUSTED_IP_HEADER set: only that header, which the reverse proxy in front sets;
 * - else, `serverSetsForwardedFor` (the server's entry point writes x-forwarded-for from the
 *   socket, replacing what the client sent): that header;
 * - else (Next.js route handlers never see the socket, and `next start` keeps a client's own
 *   x-forwarded-for): no address at all. Better Auth then skips its per-address limits rather
 *   than putting every visitor in one shared bucket that a few requests would lock for all;
 *   password guessing is still stopped per account below.
 */
export function ipAddressOptions(config: AuthConfig, { serverSetsForwardedFor }: { serverSetsForwardedFor: boolean }): IpAddressOptions {
  if (config.trustedIpHeader) return { ipAddressHeaders: [config.trustedIpHeader] };
  if (serverSetsForwardedFor) return { ipAddressHeaders: ['x-forwarded-for'] };
  return { disableIpTracking: true };
}

const SIGN_IN_PATH = '/sign-in/email';

function emailOf(body: unknown): string | undefined {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' && email.trim() !== '' ? email : undefined;
}

/**
 * A Better Auth plugin. Every password sign-in is counted against its account before the
 * password is checked (so concurrent guesses count too) and a success takes the count back;
 * past the limit the account answers 429 with Retry-After, even to the right password, until
 * its window ends. This holds whatever address the guesses come from, and also for
 * `auth.api.signInEmail` calls, which Better Auth's own limiter never sees.
 */
export function authHardening(throttleOptions: SignInThrottleOptions = {}) {
  const throttle = createSignInThrottle(throttleOptions);
  return {
    id: 'auth-hardening',
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === SIGN_IN_PATH,
          handler: createAuthMiddleware(async (ctx) => {
            const email = emailOf(ctx.body);
            if (!email) return;
            const verdict = throttle.attempt(email);
            if (verdict.allowed) return;
            const seconds = String(verdict.retryAfterSeconds);
            throw new APIError(
              'TOO_MANY_REQUESTS',
              { message: 'Too many failed sign-ins for this account. Try again later.', code: 'TOO_MANY_FAILED_SIGN_INS' },
              // X-Retry-After as well: the header Better Auth's own 429 carries.
              { 'Retry-After': seconds, 'X-Retry-After': seconds },
            );
          }),
        },
      ],
      after: [
        {
          matcher: (ctx) => ctx.path === SIGN_IN_PATH,
          handler: createAuthMiddleware(async (ctx) => {
            const email = emailOf(ctx.body);
            const failed = isAPIError(ctx.context.returned);
            if (email && !failed) throttle.succeeded(email);
          }),
        },
        {
          // A JWT is a bearer credential: no shared or browser cache may keep one.
          matcher: (ctx) => ctx.path === '/token',
          handler: createAuthMiddleware(async (ctx) => {
            ctx.setHeader('Cache-Control', 'no-store');
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
