// Facts about variable names: which ones the platform sets, which ones a bundler exposes
// to the browser, which ones look like secrets.

import { isNotAppConfig, isSetByPlatform, type Host } from './platform-vars.js';

export { isNotAppConfig, hostsOf, type Host } from './platform-vars.js';

/**
 * Need not be documented: set by the runtime, framework, hosting platform or CI (the exact
 * names they set, see platform-vars.ts), or not app configuration at all (isNotAppConfig).
 * `hosts` (hostsOf) adds the generic names only a declared host sets (Netlify's URL, CONTEXT).
 */
export function isPlatformVar(name: string, hosts?: ReadonlySet<Host>): boolean {
  return isSetByPlatform(name, hosts) || isNotAppConfig(name);
}

/** Prefixes that make a bundler inline the variable into browser code. */
export const PUBLIC_PREFIXES = ['NEXT_PUBLIC_', 'VITE_', 'PUBLIC_', 'NUXT_PUBLIC_', 'EXPO_PUBLIC_', 'REACT_APP_'] as const;

export function publicPrefixOf(name: string): string | undefined {
  // Longest first so NUXT_PUBLIC_ wins over PUBLIC_ and the like.
  return [...PUBLIC_PREFIXES].sort((a, b) => b.length - a.length).find((p) => name.startsWith(p));
}

const SECRET_WORDS = /(?:^|_)(?:SECRET|SECRETS|PRIVATE|PRIVATE_KEY|PASSWORD|PASSWD|PWD|PASS|TOKEN|CREDENTIALS?|SERVICE_ROLE|SIGNING_KEY|ENCRYPTION_KEY|MASTER_KEY)(?:_|$)/;
// Names that contain a secret word but are public by design.
const NOT_SECRET = /(?:PUBLISHABLE|_URL$|_URI$|_ENDPOINT$|_ISSUER$|_AUDIENCE$|_EXPIRES$|_TTL$|_LIFETIME$|_NAME$|_HEADER$|_LENGTH$)/;

/** A name that looks like it holds a secret (used when the registry says nothing). */
export function looksSecret(name: string): boolean {
  const upper = name.toUpperCase();
  if (upper === 'DATABASE_URL' || upper.endsWith('_DATABASE_URL')) return true; // carries a password
  if (NOT_SECRET.test(upper)) return false;
  return SECRET_WORDS.test(upper);
}

// Wider than SECRET_WORDS: any key, token or password. Used only to decide what a message may
// show, where masking a harmless value costs nothing (public-secret keeps the narrow list, as
// NEXT_PUBLIC_SUPABASE_ANON_KEY and VITE_FIREBASE_API_KEY are public by design).
const MASKED_WORDS = /(?:^|_)(?:KEYS?|API_?KEY|TOKENS?|SECRETS?|PASSWORD|PASSWD|PWD|PASS|PASSPHRASE|PRIVATE|CREDENTIALS?|DSN|SALT|PEPPER|SIGNATURE|CERT|COOKIE|SERVICE_ROLE)(?:_|$)/;

/** A name whose value a message must mask even when the registry calls it public. */
export function nameMayHoldSecret(name: string): boolean {
  const upper = name.toUpperCase();
  if (looksSecret(upper)) return true;
  if (NOT_SECRET.test(upper)) return false;
  return MASKED_WORDS.test(upper);
}

/**
 * Text shaped like a variable name (UPPER_SNAKE, or a lowercase word), not like a pasted
 * secret: base64/base32 lines of a key whose quote was never closed must not be reported as
 * a "variable" (JSON and GitHub output show it).
 */
export function looksLikeVariableName(text: string): boolean {
  if (/^[a-z]+$/.test(text)) return true;
  if (!/^[A-Z_][A-Z0-9_]*$/.test(text) || text.length > 64) return false;
  // Digits only at the end of a word (S3_BUCKET, OAUTH2_ID): base32 secrets mix them in.
  return text.split('_').every((word) => /^[A-Z]*[0-9]*$/.test(word));
}

/** Variables Better Auth reads by itself: documented but never read by the project's code. */
export const READ_BY_LIBRARIES = new Set([
  'BETTER_AUTH_SECRET',
  'AUTH_SECRET',
  'BETTER_AUTH_URL',
  'BETTER_AUTH_TRUSTED_ORIGINS',
  'BETTER_AUTH_TELEMETRY',
  'BETTER_AUTH_TELEMETRY_DEBUG',
]);
