// Generated from templates/add-backend/node/config.ts by scripts/add-backend-js.mjs: the same code as the TypeScript backends, without types.
// The token verifier's configuration (added by `create-better-auth-jwt add backend`), read
// from process.env once, when this module is first imported: load your .env before that, as
// your app already does. Only the verifier's variables are read; anything missing or invalid
// stops the process with one line on stderr, because an API that cannot verify tokens
// correctly must not start at all. Same rules as the generated backends' config.
/** Better Auth's JWT plugin signs asymmetrically; these are the algorithms this verifier accepts (one at a time). */
export const ALGORITHMS = ['EdDSA', 'ES256', 'RS256'];
/** JWKS_COOLDOWN_SECONDS when unset. */
const DEFAULT_JWKS_COOLDOWN_SECONDS = 5;
export class ConfigError extends Error {
}
function httpUrl(name, value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new ConfigError(`${name}=${JSON.stringify(value)} is not a URL; expected something like http://localhost:3000`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new ConfigError(`${name}=${JSON.stringify(value)} must be an http:// or https:// URL`);
    }
    return url;
}
/** Reads and validates the configuration; throws ConfigError with a one-line explanation. */
export function readConfig(env = process.env) {
    const get = (name) => env[name]?.trim() || undefined;
    const authValue = get('BETTER_AUTH_URL');
    if (!authValue)
        throw new ConfigError('BETTER_AUTH_URL is not set; set it in the environment to the URL of the app that serves Better Auth (e.g. BETTER_AUTH_URL=http://localhost:3000)');
    const auth = httpUrl('BETTER_AUTH_URL', authValue);
    const authUrl = `${auth.origin}${auth.pathname.replace(/\/+$/, '')}`;
    const jwksUrl = new URL(`${authUrl}/api/auth/jwks`);
    const algorithm = get('JWT_ALGORITHM') ?? 'EdDSA';
    if (/^HS(256|384|512)$/i.test(algorithm)) {
        throw new ConfigError(`JWT_ALGORITHM=${algorithm} cannot work: Better Auth signs JWTs with an asymmetric key (EdDSA by default) and this API verifies them with the public JWKS at ${jwksUrl.href}, so there is no shared secret; set JWT_ALGORITHM to the auth server's algorithm (${ALGORITHMS.join(', ')})`);
    }
    if (!ALGORITHMS.includes(algorithm)) {
        throw new ConfigError(`JWT_ALGORITHM=${JSON.stringify(algorithm)} is not supported; use the auth server's algorithm: one of ${ALGORITHMS.join(', ')}`);
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
        algorithm: algorithm,
        jwksCooldownSeconds,
    };
}
function loadConfigOrExit() {
    try {
        return readConfig();
    }
    catch (error) {
        console.error(`Invalid token verifier configuration: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
    }
}
export const config = loadConfigOrExit();
