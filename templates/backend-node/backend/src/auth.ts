// Verifies Better Auth's JWT access tokens against the auth server's public JWKS. Framework-
// agnostic: the Express/Hono/Fastify glue only passes the Authorization header in and turns
// the result into a response, so every backend behaves the same.
//
//   const result = await authenticate(request.headers.authorization, 'GET /api/notes');
//   if (result.ok) result.user;                               // { id, email, name, claims }
//   else reply(result.status, result.body, result.headers);   // 401 or 503, generic JSON body
//
// What is checked: the signature against the JWKS, with exactly one algorithm allowed
// (JWT_ALGORITHM), so `alg: none` and HS256-signed-with-the-public-key tokens fail; `iss`,
// `aud`, `exp` and `nbf` (5 s clock tolerance); `sub` and `exp` must be present. Tokens are
// only ever read from the Authorization header, never from the URL.
//
// The JWKS is fetched on the first request and cached (jose's createRemoteJWKSet). A token
// with an unknown `kid` (the auth server rotated its key) triggers one refetch, but at most
// one per JWKS_COOLDOWN_MS, so a flood of made-up `kid`s cannot flood the auth server. If a
// fetch fails, the keys already cached keep working and no new fetch is tried for
// JWKS_COOLDOWN_MS; with no key cached at all, requests get 503 `auth_unavailable`.
//
// A browser sends the same token with every call for its whole life (15 minutes by default),
// and an Ed25519 signature check costs far more than the rest of a request. So a token whose
// signature and claims passed is remembered (keyed by the whole token string, so only those
// exact bytes match) until it expires or for VERIFIED_TTL_MS, whichever comes first; then it
// is verified in full again. Only successes are remembered, and the memory is bounded.
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { config } from './config.js';

/** At most one JWKS refetch per this window, for unknown `kid`s and after a failed fetch. */
export const JWKS_COOLDOWN_MS = 5_000;
/** Cached keys are refreshed on the first request after this age (removed keys stop working). */
const JWKS_MAX_AGE_MS = 10 * 60_000;
const JWKS_TIMEOUT_MS = 5_000;
const CLOCK_TOLERANCE_S = 5;
/** How long a verified token is trusted without re-checking its signature (never past its `exp`). */
const VERIFIED_TTL_MS = 60_000;
const VERIFIED_MAX_ENTRIES = 10_000;
/**
 * Sent with every protected answer, success or not: per-user data must not be stored by the
 * browser or a shared cache. A route may still override it.
 */
export const NO_STORE = { 'Cache-Control': 'private, no-store' } as const;
/** Far above any real token; refuses absurd headers before any parsing. */
const MAX_TOKEN_LENGTH = 8_192;

/** The signed-in user, from the token's claims. */
export interface AuthUser {
  /** The Better Auth user id (`sub`). */
  id: string;
  email: string | null;
  name: string | null;
  /** Every claim of the token, e.g. custom ones added with the JWT plugin's `definePayload`. */
  claims: JWTPayload;
}

export type AuthErrorCode = 'missing_token' | 'invalid_token' | 'token_expired' | 'auth_unavailable';

export interface AuthFailure {
  ok: false;
  status: 401 | 503;
  body: { error: AuthErrorCode };
  headers: Record<string, string>;
  /** Why, for the log only; never contains the token. */
  reason: string;
}

export type AuthResult = { ok: true; user: AuthUser } | AuthFailure;

/** The JWKS could not be fetched and no key is cached. */
class AuthUnavailableError extends Error {}

const remoteJwks = createRemoteJWKSet(config.jwksUrl, {
  cooldownDuration: JWKS_COOLDOWN_MS,
  cacheMaxAge: JWKS_MAX_AGE_MS,
  timeoutDuration: JWKS_TIMEOUT_MS,
});
let lastFetchFailure = Number.NEGATIVE_INFINITY;
let staleKeys: JWTVerifyGetKey | undefined;

/** A fetch/network/JWKS-content problem, as opposed to a problem with the token itself. */
function isJwksFetchError(error: unknown): boolean {
  if (!(error instanceof errors.JOSEError)) return true; // fetch() network errors
  return error.code === 'ERR_JOSE_GENERIC' || error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid;
}

const getKey: JWTVerifyGetKey = async (header, token) => {
  if (Date.now() - lastFetchFailure < JWKS_COOLDOWN_MS) return withStaleKeys(header, token);
  try {
    return await remoteJwks(header, token);
  } catch (error) {
    if (!isJwksFetchError(error)) throw error;
    lastFetchFailure = Date.now();
    const cached = remoteJwks.jwks();
    staleKeys = cached ? createLocalJWKSet(cached) : undefined;
    console.warn(`[auth] JWKS fetch from ${config.jwksUrl.href} failed (${describe(error)}); ${staleKeys ? 'using the cached keys' : 'no key cached'}, next try in ${JWKS_COOLDOWN_MS / 1000}s`);
    return withStaleKeys(header, token);
  }
};

function withStaleKeys(...args: Parameters<JWTVerifyGetKey>) {
  if (!staleKeys) throw new AuthUnavailableError('the JWKS could not be fetched and no key is cached');
  return staleKeys(...args);
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
  }
  return String(error);
}

function failure(status: 401 | 503, error: AuthErrorCode, reason: string): AuthFailure {
  const headers: Record<string, string> =
    status === 503
      ? { ...NO_STORE, 'Retry-After': String(JWKS_COOLDOWN_MS / 1000) }
      : { ...NO_STORE, 'WWW-Authenticate': error === 'missing_token' ? 'Bearer' : 'Bearer error="invalid_token"' };
  return { ok: false, status, body: { error }, headers, reason };
}

function classify(error: unknown): AuthFailure {
  if (error instanceof AuthUnavailableError) return failure(503, 'auth_unavailable', `auth server unavailable: ${error.message}`);
  if (error instanceof errors.JWTExpired) return failure(401, 'token_expired', 'expired');
  if (error instanceof errors.JWTClaimValidationFailed) return failure(401, 'invalid_token', `claim check failed: ${error.message}`);
  if (error instanceof errors.JWSSignatureVerificationFailed) return failure(401, 'invalid_token', 'bad signature');
  if (error instanceof errors.JOSEAlgNotAllowed) return failure(401, 'invalid_token', `algorithm not allowed (only ${config.algorithm})`);
  if (error instanceof errors.JWKSNoMatchingKey) return failure(401, 'invalid_token', 'no key in the JWKS matches the token (unknown kid)');
  if (isJwksFetchError(error)) return failure(503, 'auth_unavailable', `auth server unavailable: ${describe(error)}`);
  // Only jose's own message: a JSON.parse cause would quote the decoded token.
  return failure(401, 'invalid_token', `malformed token: ${error instanceof Error ? error.message : 'unreadable'}`);
}

/** Tokens that passed, with the time until which they may skip the signature check. */
const verified = new Map<string, { payload: JWTPayload; until: number }>();

function remember(token: string, payload: JWTPayload) {
  const expiresAt = typeof payload.exp === 'number' ? payload.exp * 1000 : 0;
  const until = Math.min(Date.now() + VERIFIED_TTL_MS, expiresAt);
  if (verified.size >= VERIFIED_MAX_ENTRIES) verified.delete(verified.keys().next().value as string);
  verified.set(token, { payload: Object.freeze(payload), until });
}

function recall(token: string): JWTPayload | undefined {
  const hit = verified.get(token);
  if (hit === undefined) return undefined;
  if (Date.now() < hit.until) return hit.payload;
  verified.delete(token); // expired or stale: verify it in full (and say why if it fails)
  return undefined;
}

function userFrom(payload: JWTPayload & { sub: string }): AuthUser {
  return {
    id: payload.sub,
    email: typeof payload.email === 'string' ? payload.email : null,
    name: typeof payload.name === 'string' ? payload.name : null,
    claims: payload,
  };
}

const BEARER = /^Bearer +(\S+) *$/i;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

async function verify(authorization: string | undefined): Promise<AuthResult> {
  if (authorization === undefined || authorization.trim() === '') return failure(401, 'missing_token', 'no Authorization header');
  const token = BEARER.exec(authorization)?.[1];
  if (!token) return failure(401, 'invalid_token', 'Authorization header is not "Bearer <token>"');
  if (token.length > MAX_TOKEN_LENGTH || !COMPACT_JWS.test(token)) return failure(401, 'invalid_token', 'malformed token: not a compact JWS');
  const known = recall(token);
  if (known) return { ok: true, user: userFrom(known as JWTPayload & { sub: string }) };
  try {
    const { payload } = await jwtVerify(token, getKey, {
      algorithms: [config.algorithm],
      issuer: config.issuer,
      audience: config.audience,
      clockTolerance: CLOCK_TOLERANCE_S,
      requiredClaims: ['sub', 'exp'],
    });
    if (typeof payload.sub !== 'string' || payload.sub === '') return failure(401, 'invalid_token', 'claim check failed: empty "sub"');
    remember(token, payload);
    return { ok: true, user: userFrom(payload as JWTPayload & { sub: string }) };
  } catch (error) {
    return classify(error);
  }
}

/**
 * Checks an Authorization header. `context` (e.g. "GET /api/notes", without the query string)
 * goes into the one log line written for each rejection.
 */
export async function authenticate(authorization: string | undefined, context = ''): Promise<AuthResult> {
  const result = await verify(authorization);
  if (!result.ok) console.warn(`[auth] ${result.status} ${result.body.error}${context ? ` ${context}` : ''}: ${result.reason}`);
  return result;
}
