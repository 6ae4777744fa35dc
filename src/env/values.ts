// Checks of one value against what its variable is (secret, URL, seconds, a choice).
// Messages never include a secret value.
import { showValue, type RuleId } from './findings.js';
import type { EnvVar } from './types.js';

export interface ValueProblem {
  rule: RuleId;
  message: string;
}

export const MIN_SECRET_LENGTH = 32;
/** Bits of Shannon entropy per character below which a secret is too predictable. */
export const MIN_ENTROPY_PER_CHAR = 3;

const PLACEHOLDER_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/change[-_ .]?(?:me|this|it)/i, 'contains "changeme"'],
  [/your[-_ .]?(?:own[-_ .]?)?(?:secret|key|value|token|password)/i, 'is a "your-secret…" placeholder'],
  [/(?:replace|insert|put|paste|add)[-_ .]?(?:me|your|here|with)/i, 'asks to be replaced'],
  [/(?:super|my|very|top)[-_ .]?secret/i, 'is a well-known placeholder ("super secret…")'],
  [/secret[-_ .]?key[-_ .]?here|_?here$/i, 'is a placeholder ("…here")'],
  [/^<.*>$|^\[.*\]$|^\{\{.*\}\}$/, 'is a template placeholder'],
  [/^(?:secret|password|passwd|placeholder|example|sample|default|test|testing|dev|development|local|todo|tbd|null|undefined|none|empty|foo|bar|foobar|abc|qwerty|letmein|admin)$/i, 'is a well-known placeholder word'],
  [/^(?:x+|\*+|\.+|-+|_+|0+|1+)$/i, 'is filler characters'],
  [/(?:not[-_ .]?(?:a[-_ .]?)?(?:real[-_ .]?)?secret|dummy|fake|lorem)/i, 'says it is not a real secret'],
];

/** Shannon entropy in bits per character. */
export function entropyPerChar(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const n = [...value].length;
  let h = 0;
  for (const c of counts.values()) {
    const p = c / n;
    h -= p * Math.log2(p);
  }
  return h;
}

/** Length of the shortest unit the value is a repetition of ("abcabcabc" → 3), or undefined. */
export function repeatedUnit(value: string): number | undefined {
  const n = value.length;
  for (let unit = 1; unit <= Math.min(8, n / 2); unit++) {
    let ok = true;
    for (let i = unit; i < n; i++) {
      if (value[i] !== value[i % unit]) {
        ok = false;
        break;
      }
    }
    if (ok) return unit;
  }
  return undefined;
}

/** Placeholder, length and entropy checks for a secret. `examples` are documented example values. */
export function checkSecret(name: string, value: string, examples: readonly string[]): ValueProblem | undefined {
  if (examples.some((e) => e !== '' && e === value)) {
    return { rule: 'secret-placeholder', message: `${name} is the example's own value from .env.example; generate a real one: openssl rand -base64 32` };
  }
  for (const [re, why] of PLACEHOLDER_PATTERNS) {
    if (re.test(value)) return { rule: 'secret-placeholder', message: `${name} ${why}; generate a real one: openssl rand -base64 32` };
  }
  const unit = repeatedUnit(value);
  if (unit !== undefined) {
    return { rule: 'secret-placeholder', message: `${name} is ${unit === 1 ? 'one character' : `a ${unit}-character sequence`} repeated; generate a real one: openssl rand -base64 32` };
  }
  const length = [...value].length;
  if (length < MIN_SECRET_LENGTH) {
    return {
      rule: 'secret-too-short',
      message: `${name} is ${length} characters long; it needs at least ${MIN_SECRET_LENGTH} (Better Auth only warns). Generate one: openssl rand -base64 32`,
    };
  }
  const h = entropyPerChar(value);
  if (h < MIN_ENTROPY_PER_CHAR) {
    return {
      rule: 'secret-low-entropy',
      message: `${name} has low entropy (${h.toFixed(1)} bits per character, needs ${MIN_ENTROPY_PER_CHAR}): it is predictable. Generate one: openssl rand -base64 32`,
    };
  }
  return undefined;
}

/** `secret`: the caller's word; a value is shown only when neither it nor the name says secret. */
function display(name: string, value: string, secret: boolean): string {
  return showValue(name, value, !secret);
}

export function checkUrl(name: string, value: string, httpOnly: boolean, secret = false): ValueProblem | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { rule: 'invalid-url', message: `${name}=${display(name, value, secret)} is not an absolute URL (expected e.g. https://example.com)` };
  }
  if (httpOnly && url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { rule: 'url-not-http', message: `${name} must be an http:// or https:// URL, not ${url.protocol}` };
  }
  return undefined;
}

/** Positive whole number of seconds, written as plain digits. */
export function parseSeconds(value: string): number | undefined {
  if (!/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

export function checkSeconds(name: string, value: string, secret = false): ValueProblem | undefined {
  if (parseSeconds(value) !== undefined) return undefined;
  const hint = /^\d+\s*[smhdw]$/i.test(value) ? ' (a plain number: units such as "15m" are not accepted)' : '';
  return { rule: 'invalid-seconds', message: `${name}=${display(name, value, secret)} is not a positive whole number of seconds${hint}` };
}

/** A whole number written as plain digits, within the variable's range when it has one. */
export function checkInteger(v: EnvVar, value: string, secret = false): ValueProblem | undefined {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  const { min, max } = v.range ?? { min: 0, max: Number.MAX_SAFE_INTEGER };
  if (Number.isSafeInteger(n) && n >= min && n <= max) return undefined;
  const range = v.range ? ` from ${min} to ${max}` : '';
  return { rule: 'invalid-integer', message: `${v.name}=${display(v.name, value, secret)} is not a whole number${range}` };
}

const HMAC = /^HS(256|384|512)$/i;

export function checkChoice(v: EnvVar, value: string, secret = false): ValueProblem | undefined {
  const choices = v.choices ?? [];
  if (choices.includes(value)) return undefined;
  if (v.name === 'JWT_ALGORITHM' && HMAC.test(value)) {
    // Shown as is: the value matched HS256/384/512, so it holds nothing secret.
    return {
      rule: 'jwt-hs256',
      message: `JWT_ALGORITHM=${value} cannot work: Better Auth's JWT plugin signs only with asymmetric keys, and backends verify tokens with the public JWKS (/api/auth/jwks), so there is no shared secret to sign with. Use ${choices.join(', ') || 'EdDSA'}`,
    };
  }
  const caseMatch = choices.find((c) => c.toLowerCase() === value.toLowerCase());
  return {
    rule: 'invalid-choice',
    message: `${v.name}=${display(v.name, value, secret)} is not one of ${choices.join(', ')}${caseMatch ? ` (did you mean ${caseMatch}? values are case-sensitive)` : ''}`,
  };
}

/** The check that applies to a variable's kind; `examples` feed the placeholder check. */
export function checkValue(v: EnvVar, value: string, examples: readonly string[], secret: boolean): ValueProblem | undefined {
  secret ||= v.secret;
  switch (v.kind) {
    case 'secret':
      return checkSecret(v.name, value, examples);
    case 'url':
      return checkUrl(v.name, value, false, secret);
    case 'http-url':
      return checkUrl(v.name, value, true, secret);
    case 'seconds':
      return checkSeconds(v.name, value, secret);
    case 'integer':
      return checkInteger(v, value, secret);
    case 'enum':
      return checkChoice(v, value, secret);
    default:
      return undefined;
  }
}
