// Reads and validates the auth-related environment once, so a bad value stops start-up
// with one clear message instead of failing later inside a request.

/** Algorithms Better Auth's JWT plugin can sign with that this project supports. */
export const SIGNING_ALGORITHMS = ['EdDSA', 'ES256', 'RS256'] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

/**
 * Headers a reverse proxy may set to the client's address, one of which TRUSTED_IP_HEADER may
 * name. Sent by anyone else they are forgeries, so unless one is named none of them is read.
 */
export const CLIENT_ADDRESS_HEADERS = ['x-real-ip', 'x-forwarded-for', 'cf-connecting-ip', 'true-client-ip', 'fly-client-ip'] as const;
export type ClientAddressHeader = (typeof CLIENT_ADDRESS_HEADERS)[number];

/** Better Auth's default minimum and its fixed maximum (emailAndPassword.maxPasswordLength). */
const PASSWORD_LENGTH = { min: 8, max: 128 } as const;

export class AuthConfigError extends Error {
  override name = 'AuthConfigError';
}

function positiveSeconds(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) <= 0) {
    throw new AuthConfigError(`${name} must be a positive whole number of seconds, got "${raw}"`);
  }
  return Number(raw);
}

function minPasswordLength(): number {
  const raw = (process.env.MIN_PASSWORD_LENGTH ?? '').trim();
  if (raw === '') return PASSWORD_LENGTH.min;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < PASSWORD_LENGTH.min || n > PASSWORD_LENGTH.max) {
    throw new AuthConfigError(
      `MIN_PASSWORD_LENGTH must be a whole number from ${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max}, got "${raw}"`,
    );
  }
  return n;
}

/** The header the reverse proxy in front of this app sets to the client's address, if any. */
function trustedIpHeader(): ClientAddressHeader | undefined {
  const raw = (process.env.TRUSTED_IP_HEADER ?? '').trim();
  if (raw === '') return undefined;
  const match = CLIENT_ADDRESS_HEADERS.find((name) => name === raw);
  if (!match) {
    throw new AuthConfigError(`TRUSTED_IP_HEADER must be empty or one of ${CLIENT_ADDRESS_HEADERS.join(', ')} (lower case), got "${raw}"`);
  }
  return match;
}

function signingAlgorithm(): SigningAlgorithm {
  const raw = (process.env.JWT_ALGORITHM ?? '').trim() || 'EdDSA';
  if (raw.toUpperCase().startsWith('HS')) {
    throw new AuthConfigError(
      `JWT_ALGORITHM=${raw} is not possible: Better Auth signs JWTs with an asymmetric key pair so that ` +
        `other services verify them with the public JWKS and never hold a shared secret. ` +
        `Use one of ${SIGNING_ALGORITHMS.join(', ')} (EdDSA is the default).`,
    );
  }
  const match = SIGNING_ALGORITHMS.find((alg) => alg === raw);
  if (!match) {
    throw new AuthConfigError(`JWT_ALGORITHM must be one of ${SIGNING_ALGORITHMS.join(', ')}, got "${raw}"`);
  }
  return match;
}

function authUrl(): URL {
  const raw = process.env.BETTER_AUTH_URL;
  if (!raw) {
    throw new AuthConfigError('BETTER_AUTH_URL is not set (e.g. http://localhost:3000); see .env.example');
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AuthConfigError(`BETTER_AUTH_URL is not a valid URL: "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AuthConfigError(`BETTER_AUTH_URL must start with http:// or https://, got "${raw}"`);
  }
  return url;
}

function loadAuthConfig() {
  const url = authUrl();
  const accessTokenSeconds = positiveSeconds('JWT_ACCESS_TOKEN_EXPIRES', 900);
  const sessionSeconds = positiveSeconds('JWT_REFRESH_TOKEN_EXPIRES', 60 * 60 * 24 * 7);
  if (accessTokenSeconds >= sessionSeconds) {
    throw new AuthConfigError(
      `JWT_ACCESS_TOKEN_EXPIRES (${accessTokenSeconds}s) must be shorter than the session lifetime ` +
        `JWT_REFRESH_TOKEN_EXPIRES (${sessionSeconds}s): the session is what mints new access tokens`,
    );
  }
  return {
    /** Where Better Auth is served; the JWKS lives at `${baseURL}/api/auth/jwks`. */
    baseURL: url.origin + url.pathname.replace(/\/$/, ''),
    accessTokenSeconds,
    sessionSeconds,
    algorithm: signingAlgorithm(),
    // Better Auth's own defaults for `iss` and `aud` are the origin of BETTER_AUTH_URL.
    issuer: process.env.JWT_ISSUER?.trim() || url.origin,
    audience: process.env.JWT_AUDIENCE?.trim() || url.origin,
    minPasswordLength: minPasswordLength(),
    trustedIpHeader: trustedIpHeader(),
  };
}

export type AuthConfig = ReturnType<typeof loadAuthConfig>;

let cached: AuthConfig | undefined;

/** The validated configuration; throws AuthConfigError with a one-line reason. */
export function authConfig(): AuthConfig {
  cached ??= loadAuthConfig();
  return cached;
}
