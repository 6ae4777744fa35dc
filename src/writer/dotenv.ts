// `.env` at write time: a fresh one (with a newly generated secret), or — when the project
// already has one — the same file with only the missing keys appended. Existing values,
// BETTER_AUTH_SECRET above all, are never changed: rotating it would log every user out
// and make Better Auth unable to decrypt its private JWKs. `.env.example` files that are
// not ours (an existing app's, or one the user edited) are merged the same way.
import { randomBytes } from 'node:crypto';
import { parseDotenv } from '../env/dotenv.js';
import type { EnvVar } from '../env/types.js';
import { renderDotEnv, renderEnvExample } from '../env/render.js';
import { CLI_NAME } from '../plan/version.js';

/** 32 random bytes, base64 — the value of a generated secret. */
export function makeSecret(): string {
  return randomBytes(32).toString('base64');
}

/**
 * Names a dotenv file assigns, as dotenv itself reads them (src/env/dotenv.ts): a `KEY=`
 * line inside a multi-line quoted value is not a key, `KEY: value` is.
 */
export function dotEnvKeys(content: string): Set<string> {
  return new Set(parseDotenv(content).values.keys());
}

export function freshDotEnv(vars: readonly EnvVar[], secret: () => string = makeSecret): string {
  return renderDotEnv(vars, secret);
}

/** A rendering without its file header (the comment lines before the first blank line). */
function withoutHeader(rendered: string): string {
  const lines = rendered.split('\n');
  const blank = lines.indexOf('');
  return lines.slice(blank === -1 ? 0 : blank).join('\n').replace(/^\n+/, '');
}

/** Append a rendering of the variables `existing` lacks; every existing line is kept byte for byte. */
function appendMissing(
  existing: string,
  vars: readonly EnvVar[],
  render: (missing: readonly EnvVar[]) => string,
  header: string,
): { content: string; added: string[] } {
  const keys = dotEnvKeys(existing);
  const missing = vars.filter((v) => !keys.has(v.name));
  if (missing.length === 0) return { content: existing, added: [] };
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const block = withoutHeader(render(missing)).replace(/\n/g, eol);
  const base = existing === '' || existing.endsWith('\n') ? existing : `${existing}${eol}`;
  return { content: `${base}${base ? eol : ''}${header}${eol}${block}`, added: missing.map((v) => v.name) };
}

/** `.env`: append the variables `existing` lacks, with local defaults and fresh secrets. */
export function mergeDotEnv(
  existing: string,
  vars: readonly EnvVar[],
  secret: () => string = makeSecret,
): { content: string; added: string[] } {
  return appendMissing(
    existing,
    vars,
    (missing) => renderDotEnv(missing, secret),
    `# Added by ${CLI_NAME}: variables this project needs that were missing. Existing values were kept.`,
  );
}

/** `.env.example`: append the variables `existing` does not document, with their comments. */
export function mergeEnvExample(existing: string, vars: readonly EnvVar[]): { content: string; added: string[] } {
  return appendMissing(existing, vars, renderEnvExample, `# Added by ${CLI_NAME}: variables this project needs.`);
}
