// Verifies Better Auth access tokens the way any other service would: against the public
// JWKS, with the algorithm, issuer and audience pinned. The secret is never needed here.
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { authConfig } from './auth-config';

export interface AuthenticatedUser {
  id: string;
  email: string | null;
  name: string | null;
}

export type TokenError = 'invalid_request' | 'invalid_token' | 'token_expired';

export class TokenRejected extends Error {
  constructor(
    readonly code: TokenError,
    /** Why, for the server log. Never contains the token. */
    readonly reason: string,
  ) {
    super(reason);
  }
}

let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;

function keySet() {
  // Fetched on first use, cached, refetched when an unknown `kid` appears (key rotation),
  // at most once per cooldown so random `kid`s cannot flood the auth server.
  jwks ??= createRemoteJWKSet(new URL(`${authConfig().baseURL}/api/auth/jwks`), {
    cooldownDuration: 30_000,
    cacheMaxAge: 10 * 60_000,
  });
  return jwks;
}

/** The bearer token of a request, or null when the Authorization header is absent. */
export function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization');
  if (header === null) return null;
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header.trim());
  if (!match?.[1]) throw new TokenRejected('invalid_request', 'malformed Authorization header');
  return match[1];
}

/**
 * The JWKS could not be fetched (no answer, a timeout, an error status, not a key set): not
 * the token's fault, so the caller gets 503 rather than a 401 that would sign the user out.
 * fetch()'s network errors are not JOSE errors; JWKSNoMatchingKey (unknown `kid`) is the token's.
 */
function isJwksFetchError(error: unknown): boolean {
  if (!(error instanceof errors.JOSEError)) return true;
  return error.code === 'ERR_JOSE_GENERIC' || error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid;
}

function claimString(payload: JWTPayload, claim: string): string | null {
  const value = payload[claim];
  return typeof value === 'string' ? value : null;
}

export async function verifyAccessToken(token: string): Promise<AuthenticatedUser> {
  const config = authConfig();
  try {
    const { payload } = await jwtVerify(token, keySet(), {
      algorithms: [config.algorithm],
      issuer: config.issuer,
      audience: config.audience,
      clockTolerance: 5,
      requiredClaims: ['sub', 'exp'],
    });
    if (!payload.sub) throw new TokenRejected('invalid_token', 'missing sub claim');
    return { id: payload.sub, email: claimString(payload, 'email'), name: claimString(payload, 'name') };
  } catch (error) {
    if (error instanceof TokenRejected) throw error;
    if (isJwksFetchError(error)) throw error;
    if (error instanceof errors.JWTExpired) throw new TokenRejected('token_expired', 'token expired');
    if (error instanceof errors.JOSEError) throw new TokenRejected('invalid_token', `${error.code}: ${error.message}`);
    throw error;
  }
}

/** The 401 every protected route answers with (RFC 6750). */
export function unauthorized(error?: TokenRejected): Response {
  const code = error?.code ?? 'invalid_token';
  return Response.json(
    { error: error ? code : 'missing_token' },
    {
      status: 401,
      headers: {
        'WWW-Authenticate': error ? `Bearer error="${code === 'token_expired' ? 'invalid_token' : code}"` : 'Bearer',
        'Cache-Control': 'no-store',
      },
    },
  );
}

/**
 * Authenticates a request or returns the 401 response to send. Use it at the top of any
 * route handler: `const user = await requireUser(request); if (user instanceof Response) return user;`
 */
export async function requireUser(request: Request): Promise<AuthenticatedUser | Response> {
  try {
    const token = bearerToken(request);
    if (token === null) return unauthorized();
    return await verifyAccessToken(token);
  } catch (error) {
    if (error instanceof TokenRejected) {
      console.warn(`[auth] rejected access token: ${error.reason}`);
      return unauthorized(error);
    }
    console.error('[auth] could not verify access token:', error instanceof Error ? error.message : error);
    return Response.json({ error: 'auth_unavailable' }, { status: 503, headers: { 'Retry-After': '5', 'Cache-Control': 'no-store' } });
  }
}
