// `.env` at write time: a fresh one (with a newly generated secret), or — when the project
// already has one — the same file with only the missing keys appended. Existing values,
// BETTER_AUTH_SECRET above all, are never changed: rotating it would log every user out
// and make Better Auth unable to decrypt its private JWKs.
import { randomBytes } from 'node:crypto';
import type { EnvVar } from '../env/types.js';
import { renderDotEnv } from '../env/render.js';
import { CLI_NAME } from '../plan/version.js';

/** 32 random bytes, base64 — the value of a generated secret. */
export function makeSecret(): string {
  return randomBytes(32).toString('base64');
}

/** Names assigned in a dotenv file (`KEY=...` or `export KEY=...`). */
export function dotEnvKeys(content: string): Set<string> {
  const keys = new Set<string>();
  for (const line of content.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=/.exec(line);
    if (match?.[1]) keys.add(match[1]);
  }
  return keys;
}

export function freshDotEnv(vars: readonly EnvVar[], secret: () => string = makeSecret): string {
  return renderDotEnv(vars, secret);
}

/** Append the variables `existing` lacks; every existing line is kept byte for byte. */
export function mergeDotEnv(
  existing: string,
  vars: readonly EnvVar[],
  secret: () => string = makeSecret,
): { content: string; added: string[] } {
  const keys = dotEnvKeys(existing);
  const missing = vars.filter((v) => !keys.has(v.name));
  if (missing.length === 0) return { content: existing, added: [] };
  const block = renderDotEnv(missing, secret).split('\n').slice(1).join('\n').replace(/^\n+/, '');
  const base = existing === '' || existing.endsWith('\n') ? existing : `${existing}\n`;
  const header = `# Added by ${CLI_NAME}: variables this project needs that were missing. Existing values were kept.`;
  return { content: `${base}${base ? '\n' : ''}${header}\n${block}`, added: missing.map((v) => v.name) };
}
