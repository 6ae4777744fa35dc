// What `check env` reports. Every finding names a rule, and where one exists the variable
// and the file:line. Messages never contain a secret value (see showValue()).
import { nameMayHoldSecret } from './names.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  message: string;
  variable?: string;
  /** Path relative to the checked directory, with forward slashes. */
  file?: string;
  line?: number;
}

/** Every rule `check env` can report, with its default severity and a one-line summary. */
export const RULES = {
  // code ↔ documentation
  undocumented: ['error', 'read in code but not documented in .env.example'],
  'undocumented-tooling': ['warning', 'read only by tests, CI or build scripts, and not documented in .env.example'],
  unused: ['warning', 'documented in .env.example but never read in code'],
  'example-missing': ['error', 'no .env.example to document the variables the code reads'],
  'not-in-example': ['error', 'declared by the project (manifest) but missing from .env.example'],
  // presence
  'missing-required': ['error', 'a required variable is missing or empty'],
  'dotenv-missing': ['warning', 'no .env file: required variables were not checked (use --from-process in CI)'],
  // values
  'secret-too-short': ['error', 'secret shorter than 32 characters'],
  'secret-low-entropy': ['error', 'secret with too little randomness'],
  'secret-placeholder': ['error', 'secret is a placeholder or the example value'],
  'invalid-url': ['error', 'URL variable that does not parse'],
  'url-not-http': ['error', 'URL variable that must be http(s)'],
  'invalid-choice': ['error', 'value not one of the allowed choices'],
  'jwt-hs256': ['error', 'JWT_ALGORITHM=HS256: Better Auth signs JWTs asymmetrically only'],
  'invalid-seconds': ['error', 'duration that is not a positive whole number of seconds'],
  'invalid-integer': ['error', 'not a whole number, or outside its allowed range'],
  'ttl-order': ['error', 'access-token lifetime not shorter than the session lifetime'],
  'cross-file-mismatch': ['warning', 'the app (.env) and its API server (backend/.env) disagree on BETTER_AUTH_URL, JWT_ISSUER, JWT_AUDIENCE or JWT_ALGORITHM'],
  'public-secret': ['error', 'secret-looking variable exposed to the browser by its prefix'],
  // git
  'dotenv-not-ignored': ['error', '.env is not git-ignored'],
  'dotenv-tracked': ['error', '.env is committed to git'],
  'dotenv-permissions': ['warning', 'an env file other users of this machine can read or change (run chmod 600 on it)'],
  // .env lint
  'dotenv-unreadable': ['error', 'an env file that cannot be read (a directory, no permission...)'],
  'dotenv-invalid-line': ['error', 'a line that is not KEY=value: dotenv ignores it'],
  'dotenv-duplicate-key': ['warning', 'the same key assigned twice: the last one wins'],
  'dotenv-value-cut': ['error', 'unquoted value cut at "#"'],
  'dotenv-inline-comment': ['warning', 'unquoted value followed by " #": the rest of the line is a comment'],
  'dotenv-spaces-around-equals': ['warning', 'whitespace around "="'],
  'dotenv-colon-syntax': ['warning', '"KEY: value" — dotenv accepts it, most other loaders do not'],
  'dotenv-value-mismatch': ['error', 'the value dotenv loads differs from what the line says'],
  'dotenv-unexpanded-reference': ['warning', '${VAR} is loaded literally by dotenv'],
  // scanning and setup
  'manifest-invalid': ['error', 'create-better-auth-jwt.json cannot be read'],
  'nested-project': ['info', 'a subdirectory with its own .env.example or manifest that is not one of this project\'s env files (backend/) is checked on its own (--cwd)'],
  'scan-skipped': ['info', 'a source file was skipped (binary, too large, unreadable)'],
  'scan-parse-error': ['info', 'a source file could not be parsed; env reads in it may be missed'],
  'dynamic-env-key': ['info', 'env read with a computed name that cannot be checked'],
} as const satisfies Record<string, readonly [Severity, string]>;

export type RuleId = keyof typeof RULES;

export function finding(
  rule: RuleId,
  message: string,
  where: { variable?: string | undefined; file?: string | undefined; line?: number | undefined } = {},
): Finding {
  const f: Finding = { rule, severity: RULES[rule][0], message };
  if (where.variable !== undefined) f.variable = where.variable;
  if (where.file !== undefined) f.file = where.file;
  if (where.line !== undefined) f.line = where.line;
  return f;
}

/** Masks a secret for display: never more than its length. */
export function mask(value: string): string {
  return value === '' ? '(empty)' : `**** (${value.length} characters)`;
}

// The password of `scheme://user:password@host` (the user part may be empty). Greedy up to the
// last "@" before a path, as URL parsers split the authority there.
const URL_PASSWORD = /(\/\/[^\s/?#@:]*):[^\s/?#]+@/g;
// The same at the start of a value written without a scheme (`user:password@host`).
const LEADING_PASSWORD = /^([^\s/?#@:]*):[^\s/?#]+@/;

/** Text with the password of every URL in it replaced by ****: `postgres://app:****@db/app`. */
export function maskUrlCredentials(text: string): string {
  return text.replace(URL_PASSWORD, '$1:****@');
}

/**
 * How a value appears in a message. The default is masked: a value is shown only when the
 * caller knows the variable is public (the registry says it is not a secret) and its name does
 * not suggest one; even then a password inside a URL is masked.
 */
export function showValue(name: string, value: string, declaredPublic: boolean): string {
  if (!declaredPublic || nameMayHoldSecret(name)) return mask(value);
  return JSON.stringify(maskUrlCredentials(value).replace(LEADING_PASSWORD, '$1:****@'));
}
