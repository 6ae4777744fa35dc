// A variable the user declared in the manifest (`env.declared`), checked and completed: the
// manifest comes with the folder, possibly from anyone, so every field is validated here.
import { looksSecret, publicPrefixOf } from './names.js';
import { DEFAULT_ENV_FILE } from './render.js';
import type { EnvKind, EnvVar } from './types.js';

/**
 * An env file name a manifest may declare: a relative posix path inside the project whose
 * last segment is a dotenv file name (`.env`, `backend/.env`, `apps/api/.env.local`).
 */
export function isEnvFilePath(file: string): boolean {
  if (file === '' || file.startsWith('/') || file.includes('\\')) return false;
  const parts = file.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) return false;
  return /^\.env(?:\.[\w-]+)*$/.test(parts[parts.length - 1] as string) && !file.endsWith('.example');
}

const KINDS: readonly EnvKind[] = ['string', 'url', 'http-url', 'secret', 'seconds', 'integer', 'enum'];
const NAME = /^[A-Za-z_][\w.-]*$/;

/** Fill in what a user-declared variable left out, so it renders like any other. */
export function normaliseDeclared(input: unknown): EnvVar | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const o = input as Record<string, unknown>;
  if (typeof o.name !== 'string' || !NAME.test(o.name)) return undefined;
  const name = o.name;
  const secret = typeof o.secret === 'boolean' ? o.secret : looksSecret(name);
  const kind = KINDS.includes(o.kind as EnvKind) ? (o.kind as EnvKind) : 'string';
  const v: EnvVar = {
    name,
    group: typeof o.group === 'string' && o.group.trim() ? o.group : 'Your variables',
    description: typeof o.description === 'string' ? o.description : '',
    required: o.required === true,
    kind,
    example: typeof o.example === 'string' && !secret ? o.example : '',
    usedBy: Array.isArray(o.usedBy) && o.usedBy.every((u) => u === 'frontend' || u === 'backend')
      ? (o.usedBy as EnvVar['usedBy'])
      : publicPrefixOf(name) ? ['frontend'] : ['backend'],
    secret,
  };
  if (Array.isArray(o.choices) && o.choices.every((c) => typeof c === 'string')) v.choices = o.choices as string[];
  if (typeof o.localDefault === 'string' && !secret) v.localDefault = o.localDefault;
  if (o.generate === 'secret') v.generate = 'secret';
  if (typeof o.note === 'string' && o.note) v.note = o.note;
  if (o.file !== undefined) {
    if (typeof o.file !== 'string' || !isEnvFilePath(o.file)) return undefined;
    if (o.file !== DEFAULT_ENV_FILE) v.file = o.file;
  }
  return v;
}
