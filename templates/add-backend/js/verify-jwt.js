// Generated from templates/backend-node/backend/src/auth.ts by scripts/add-backend-js.mjs: the same code as the TypeScript backends, without types.
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
// one per cooldown (JWKS_COOLDOWN_SECONDS, default 5), so a flood of made-up `kid`s cannot
// flood the auth server. If a fetch fails (no answer, a timeout, an error status, not a
// JWKS), the keys already cached keep working and no new fetch is tried for the cooldown;
// with no key cached at all, requests get 503 `auth_unavailable`, never a 401: the token may
// be fine, and a 401 would send a signed-in user back to the login page.
//
// Each rejection is logged with one reason from a fixed vocabulary (the same words as the
// FastAPI backend): "token expired", "bad signature", "wrong issuer (expected …)", …
//
// A browser sends the same token with every call for its whole life (15 minutes by default),
// and an Ed25519 signature check costs far more than the rest of a request. So a token whose
// signature and claims passed is remembered (keyed by the whole token string, so only those
// exact bytes match) until it expires or for VERIFIED_TTL_MS, whichever comes first; then it
// is verified in full again. Only successes are remembered, and the memory is bounded.
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify } from 'jose';
import { config } from './config.js';
/** At most one JWKS refetch per this window, for unknown `kid`s and after a failed fetch. */
const JWKS_COOLDOWN_MS = config.jwksCooldownSeconds * 1000;
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
export const NO_STORE = { 'Cache-Control': 'private, no-store' };
/** Far above any real token; refuses absurd headers before any parsing. */
const MAX_TOKEN_LENGTH = 8_192;
/** The JWKS could not be fetched and no key is cached. */
class AuthUnavailableError extends Error {
}
const remoteJwks = createRemoteJWKSet(config.jwksUrl, {
    cooldownDuration: JWKS_COOLDOWN_MS,
    cacheMaxAge: JWKS_MAX_AGE_MS,
    timeoutDuration: JWKS_TIMEOUT_MS,
});
let lastFetchFailure = Number.NEGATIVE_INFINITY;
let staleKeys;
/**
 * A problem fetching the JWKS, as opposed to a problem with the token: fetch()'s network
 * errors (not JOSE errors), jose's JWKSTimeout, its generic error for a non-200 answer or a
 * body that is not JSON, and JWKSInvalid for JSON that is not a key set. JWKSNoMatchingKey
 * is the token's problem (its `kid` is not in a key set we did get).
 */
function isJwksFetchError(error) {
    if (!(error instanceof errors.JOSEError))
        return true;
    return error.code === 'ERR_JOSE_GENERIC' || error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid;
}
const getKey = async (header, token) => {
    if (Date.now() - lastFetchFailure < JWKS_COOLDOWN_MS)
        return withStaleKeys(header, token);
    try {
        return await remoteJwks(header, token);
    }
    catch (error) {
        if (!isJwksFetchError(error))
            throw error;
        lastFetchFailure = Date.now();
        const cached = remoteJwks.jwks();
        staleKeys = cached ? createLocalJWKSet(cached) : undefined;
        console.warn(`[auth] JWKS fetch from ${config.jwksUrl.href} failed (${describe(error)}); ${staleKeys ? 'using the cached keys' : 'no key cached'}, next try in ${config.jwksCooldownSeconds}s`);
        return withStaleKeys(header, token);
    }
};
function withStaleKeys(...args) {
    if (!staleKeys)
        throw new AuthUnavailableError(UNAVAILABLE);
    return staleKeys(...args);
}
function describe(error) {
    if (error instanceof Error) {
        const cause = error.cause;
        return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
    }
    return String(error);
}
function failure(status, error, reason) {
    const headers = status === 503
        ? { ...NO_STORE, 'Retry-After': String(config.jwksCooldownSeconds) }
        : { ...NO_STORE, 'WWW-Authenticate': error === 'missing_token' ? 'Bearer' : 'Bearer error="invalid_token"' };
    return { ok: false, status, body: { error }, headers, reason };
}
/** The reason logged for a 503: nothing to verify with. */
const UNAVAILABLE = 'JWKS unavailable and no key cached';
/** A value from the token for the log: quoted, control characters escaped, cut short (the caller chose it). */
function quoted(value) {
    const text = typeof value === 'string' ? `'${JSON.stringify(value).slice(1, -1)}'` : String(value);
    return text.length <= 60 ? text : `${text.slice(0, 57)}...`;
}
function claimReason(error) {
    if (error.reason === 'missing')
        return `missing claim ${error.claim}`;
    if (error.claim === 'iss')
        return `wrong issuer (expected ${config.issuer})`;
    if (error.claim === 'aud')
        return `wrong audience (expected ${config.audience})`;
    if (error.reason === 'check_failed' && (error.claim === 'nbf' || error.claim === 'iat'))
        return 'token not yet valid (nbf/iat in the future)';
    return `invalid token (${error.message})`;
}
function classify(error, kid) {
    if (error instanceof AuthUnavailableError)
        return failure(503, 'auth_unavailable', UNAVAILABLE);
    if (error instanceof errors.JWTExpired)
        return failure(401, 'token_expired', 'token expired');
    if (error instanceof errors.JWTClaimValidationFailed)
        return failure(401, 'invalid_token', claimReason(error));
    if (error instanceof errors.JWSSignatureVerificationFailed)
        return failure(401, 'invalid_token', 'bad signature');
    if (error instanceof errors.JWKSNoMatchingKey)
        return failure(401, 'invalid_token', `no key with kid ${quoted(kid)} in the JWKS`);
    if (isJwksFetchError(error))
        return failure(503, 'auth_unavailable', UNAVAILABLE);
    // Only jose's own message: a JSON.parse cause would quote the decoded token.
    return failure(401, 'invalid_token', `invalid token (${error instanceof Error ? error.message : 'unreadable'})`);
}
/** Tokens that passed, with the time until which they may skip the signature check. */
const verified = new Map();
function remember(token, payload) {
    const expiresAt = typeof payload.exp === 'number' ? payload.exp * 1000 : 0;
    const until = Math.min(Date.now() + VERIFIED_TTL_MS, expiresAt);
    if (verified.size >= VERIFIED_MAX_ENTRIES)
        verified.delete(verified.keys().next().value);
    verified.set(token, { payload: Object.freeze(payload), until });
}
function recall(token) {
    const hit = verified.get(token);
    if (hit === undefined)
        return undefined;
    if (Date.now() < hit.until)
        return hit.payload;
    verified.delete(token); // expired or stale: verify it in full (and say why if it fails)
    return undefined;
}
function userFrom(payload) {
    return {
        id: payload.sub,
        email: typeof payload.email === 'string' ? payload.email : null,
        name: typeof payload.name === 'string' ? payload.name : null,
        claims: payload,
    };
}
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
/** The token of "Bearer <token>" (scheme in any case), or undefined. */
function bearerToken(authorization) {
    const [scheme = '', ...rest] = authorization.trim().split(' ');
    const token = rest.join(' ').trim();
    return scheme.toLowerCase() === 'bearer' && token !== '' ? token : undefined;
}
async function verify(authorization) {
    if (authorization === undefined || authorization.trim() === '')
        return failure(401, 'missing_token', 'no Authorization header');
    const token = bearerToken(authorization);
    if (!token)
        return failure(401, 'invalid_token', 'Authorization is not a Bearer token');
    if (token.length > MAX_TOKEN_LENGTH || !COMPACT_JWS.test(token))
        return failure(401, 'invalid_token', 'malformed token (not three base64url segments)');
    const known = recall(token);
    if (known)
        return { ok: true, user: userFrom(known) };
    // Checked before any key is looked up, so garbage never causes a JWKS request.
    let header;
    try {
        header = decodeProtectedHeader(token);
    }
    catch {
        return failure(401, 'invalid_token', 'malformed token header');
    }
    // Exactly one algorithm: rules out `alg: none`, HMAC with the public key, RS/ES confusion.
    if (header.alg !== config.algorithm)
        return failure(401, 'invalid_token', `algorithm ${quoted(header.alg)} is not allowed (JWT_ALGORITHM=${config.algorithm})`);
    if (header.kid !== undefined && typeof header.kid !== 'string')
        return failure(401, 'invalid_token', 'malformed token header (kid is not a string)');
    try {
        decodeJwt(token);
    }
    catch {
        return failure(401, 'invalid_token', 'invalid token payload (not a JSON object)');
    }
    try {
        const { payload } = await jwtVerify(token, getKey, {
            algorithms: [config.algorithm],
            issuer: config.issuer,
            audience: config.audience,
            clockTolerance: CLOCK_TOLERANCE_S,
            requiredClaims: ['exp', 'iss', 'aud', 'sub'],
        });
        if (typeof payload.sub !== 'string' || payload.sub === '')
            return failure(401, 'invalid_token', 'sub claim is not a non-empty string');
        remember(token, payload);
        return { ok: true, user: userFrom(payload) };
    }
    catch (error) {
        return classify(error, header.kid);
    }
}
/**
 * Checks an Authorization header. `context` (e.g. "GET /api/notes", without the query string)
 * goes into the one log line written for each rejection.
 */
export async function authenticate(authorization, context = '') {
    const result = await verify(authorization);
    if (!result.ok)
        console.warn(`[auth] ${result.status} ${result.body.error}${context ? ` ${context}` : ''}: ${result.reason}`);
    return result;
}
