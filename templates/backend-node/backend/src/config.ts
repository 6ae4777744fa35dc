// The API server's configuration, read once at start-up from the environment. backend/.env
// fills in only what the real environment leaves unset, so a deployment's variables win.
// Anything missing or invalid stops the process with one line on stderr: a server that
// cannot verify tokens correctly must not start at all.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Better Auth's JWT plugin signs asymmetrically; these are the algorithms this server verifies (as the env registry and the FastAPI backend). */
export const ALGORITHMS = ['EdDSA', 'ES256', 'RS256'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];

export interface Config {
  /** Where Better Auth runs, e.g. http://localhost:3000 (no trailing slash). */
  authUrl: string;
  /** `${authUrl}/api/auth/jwks`: the public keys tokens are verified with. */
  jwksUrl: URL;
  issuer: string;
  audience: string;
  /** The only algorithm accepted. */
  algorithm: Algorithm;
  /** The one browser origin allowed to call this API. */
  corsOrigin: string;
  port: number;
  /** HOST, default 127.0.0.1 (set HOST=0.0.0.0 in a container). */
  host: string;
  /** At most one JWKS request per this many seconds (unknown `kid`s, failed fetches). */
  jwksCooldownSeconds: number;
}

/** JWKS_COOLDOWN_SECONDS when unset. */
const DEFAULT_JWKS_COOLDOWN_SECONDS = 5;

export class ConfigError extends Error {}

function httpUrl(name: string, value: string | undefined): URL {
  if (!value) throw new ConfigError(`${name} is not set; set it in the environment or in backend/.env (e.g. ${name}=http://localhost:3000)`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name}=${JSON.stringify(value)} is not a URL; expected something like http://localhost:3000`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${name}=${JSON.stringify(value)} must be an http:// or https:// URL`);
  }
  return url;
}

/** Reads and validates the configuration; throws ConfigError with a one-line explanation. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const get = (name: string) => env[name]?.trim() || undefined;

  const auth = httpUrl('BETTER_AUTH_URL', get('BETTER_AUTH_URL'));
  const authUrl = `${auth.origin}${auth.pathname.replace(/\/+$/, '')}`;
  const jwksUrl = new URL(`${authUrl}/api/auth/jwks`);

  const algorithm = get('JWT_ALGORITHM') ?? 'EdDSA';
  if (/^HS(256|384|512)$/i.test(algorithm)) {
    throw new ConfigError(
      `JWT_ALGORITHM=${algorithm} cannot work: Better Auth signs JWTs with an asymmetric key (EdDSA by default) and this API verifies them with the public JWKS at ${jwksUrl.href}, so there is no shared secret; set JWT_ALGORITHM to the auth server's algorithm (${ALGORITHMS.join(', ')})`,
    );
  }
  if (!(ALGORITHMS as readonly string[]).includes(algorithm)) {
    throw new ConfigError(`JWT_ALGORITHM=${JSON.stringify(algorithm)} is not supported; use the auth server's algorithm: one of ${ALGORITHMS.join(', ')}`);
  }

  const corsUrl = httpUrl('CORS_ORIGIN', get('CORS_ORIGIN'));
  if (corsUrl.pathname !== '/' || corsUrl.search || corsUrl.hash) {
    throw new ConfigError(`CORS_ORIGIN=${JSON.stringify(get('CORS_ORIGIN'))} must be an origin only (scheme://host:port, no path), e.g. http://localhost:3000`);
  }

  const portText = get('PORT') ?? '8000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
    throw new ConfigError(`PORT=${JSON.stringify(portText)} is not a port number (1-65535)`);
  }

  const cooldownText = get('JWKS_COOLDOWN_SECONDS') ?? String(DEFAULT_JWKS_COOLDOWN_SECONDS);
  const jwksCooldownSeconds = Number(cooldownText);
  if (!/^\d+$/.test(cooldownText) || jwksCooldownSeconds < 1 || jwksCooldownSeconds > 3600) {
    throw new ConfigError(`JWKS_COOLDOWN_SECONDS=${JSON.stringify(cooldownText)} is not a whole number of seconds from 1 to 3600 (default ${DEFAULT_JWKS_COOLDOWN_SECONDS})`);
  }

  return {
    authUrl,
    jwksUrl,
    // Better Auth's `iss` and `aud` default to the origin of its base URL.
    issuer: get('JWT_ISSUER') ?? auth.origin,
    audience: get('JWT_AUDIENCE') ?? auth.origin,
    algorithm: algorithm as Algorithm,
    corsOrigin: corsUrl.origin,
    port,
    host: get('HOST') ?? '127.0.0.1',
    jwksCooldownSeconds,
  };
}

function loadConfigOrExit(): Config {
  // backend/.env, next to src/: only fills variables the environment does not set.
  const envFile = fileURLToPath(new URL('../.env', import.meta.url));
  try {
    if (existsSync(envFile)) process.loadEnvFile(envFile);
    return readConfig();
  } catch (error) {
    const message = error instanceof ConfigError ? error.message : `cannot read ${envFile}: ${(error as Error).message}`;
    console.error(`Invalid API server configuration: ${message}`);
    process.exit(1);
  }
}

export const config: Config = loadConfigOrExit();
