// The env registry of a project: the variables its features declare for the options in its
// manifest, plus the variables the user declared (manifest `env.declared`) or documented in
// `.env.example`. `gen env` renders it; `check env` checks against it.
import path from 'node:path';
import { BACKENDS, DATABASES, HTTP_CLIENTS, PROVIDERS, STORAGES, type ProjectOptions } from '../options/choices.js';
import type { ProjectManifest } from '../plan/manifest.js';
import { projectEnvVars } from './assemble.js';
import { parseDotenv } from './dotenv.js';
import { isBlockMarker } from './example-block.js';
import { commentedAssignment } from './example-commented.js';
import { looksSecret, publicPrefixOf } from './names.js';
import { DEFAULT_ENV_FILE, envFileOf, envVarKey, varsByFile } from './render.js';
import type { EnvVar } from './types.js';

/** The documentation of an env file sits next to it: `.env` → `.env.example`. */
export function exampleFileOf(envFile: string): string {
  return `${envFile}.example`;
}

export const EXAMPLE_FILE = exampleFileOf(DEFAULT_ENV_FILE);

/** The directory of an env file relative to the project root, '' for the root. */
export function envDirOf(envFile: string): string {
  const dir = path.posix.dirname(envFile);
  return dir === '.' ? '' : dir;
}

/** The function that lists a project's variables for its options (src/features envVarsFor). */
export type EnvVarsFor = (options: ProjectOptions) => EnvVar[];

/**
 * Registry variables for the options, with the user's declarations replacing or following
 * them. A variable is identified by its env file and name: BETTER_AUTH_URL of `.env` and
 * BETTER_AUTH_URL of `backend/.env` are two variables.
 */
export function registryFor(manifest: Pick<ProjectManifest, 'options' | 'env'>, envVarsFor: EnvVarsFor): EnvVar[] {
  return projectEnvVars(envVarsFor(manifest.options).map((v) => ({ ...v })), { declared: manifest.env.declared }).env;
}

/** One env file of a project with the registry variables that belong in it. */
export interface EnvFileUnit {
  /** `.env`, `backend/.env`: relative to the project root, posix. */
  file: string;
  /** Its documentation: `<file>.example`. */
  example: string;
  /** Its directory, '' for the root: code under it reads this file. */
  dir: string;
  vars: EnvVar[];
}

/** The env files of a registry, root `.env` first (always present). */
export function envFileUnits(registry: readonly EnvVar[]): EnvFileUnit[] {
  return [...varsByFile(registry)].map(([file, vars]) => ({ file, example: exampleFileOf(file), dir: envDirOf(file), vars }));
}

/**
 * Every (env file, name) the generator itself could declare for this kind of project (any
 * provider, database, backend, token storage or HTTP client), as envVarKey()s. A variable
 * with such a key in an `.env.example` that the current registry does not have is a
 * leftover from other options (a provider removed, the API server dropped), not the
 * user's own.
 */
export function generatorKeys(options: ProjectOptions, envVarsFor: EnvVarsFor): Set<string> {
  const keys = new Set<string>();
  for (const db of DATABASES) {
    for (const backend of BACKENDS) {
      for (const storage of STORAGES) {
        for (const http of HTTP_CLIENTS) {
          for (const v of envVarsFor({ ...options, db, backend, storage, http, providers: [...PROVIDERS] })) keys.add(envVarKey(v));
        }
      }
    }
  }
  return keys;
}

export interface ExampleEntry {
  name: string;
  value: string;
  line: number;
  /** Comment lines directly above the assignment, without `#`. */
  comment: string[];
  group?: string;
  required?: boolean;
  /** A commented-out assignment (`# SMTP_HOST=`): documents an optional variable. */
  commented?: true;
}

const GROUP_HEADER = /^#\s*---\s*(.*?)\s*---\s*$/;

function groupHeaderOf(line: string): string | undefined {
  if (isBlockMarker(line)) return undefined;
  return GROUP_HEADER.exec(line.replace(/^\uFEFF/, '').trim())?.[1];
}

/**
 * The variables of a `.env.example`, with the comments and group headings around them: its
 * assignments, and its commented-out assignments (`# SMTP_HOST=`) of names it does not assign.
 */
export function parseExample(text: string): ExampleEntry[] {
  const parsed = parseDotenv(text);
  const assigned = new Set(parsed.entries.map((e) => e.key));
  // 0-based line → the variable it documents (first occurrence of a name wins).
  const at = new Map<number, { name: string; value: string; commented: boolean }>();
  const seen = new Set<string>();
  for (const entry of parsed.entries) {
    if (seen.has(entry.key)) continue;
    seen.add(entry.key);
    at.set(entry.line - 1, { name: entry.key, value: entry.value, commented: false });
  }
  // Commented-out assignments end the description of the variable below them.
  const commentedLines = new Set<number>();
  parsed.lines.forEach((line, l) => {
    if (parsed.coveredBy[l] !== undefined) return;
    const c = commentedAssignment(line);
    if (!c) return;
    commentedLines.add(l);
    if (assigned.has(c.name) || seen.has(c.name)) return;
    seen.add(c.name);
    at.set(l, { ...c, commented: true });
  });

  const out: ExampleEntry[] = [];
  for (const [l0, v] of [...at].sort((a, b) => a[0] - b[0])) {
    const comment: string[] = [];
    for (let l = l0 - 1; l >= 0; l--) {
      const raw = parsed.lines[l] ?? '';
      const t = raw.replace(/^\uFEFF/, '').trim();
      if (!t.startsWith('#') || GROUP_HEADER.test(t) || parsed.coveredBy[l] !== undefined || commentedLines.has(l)) break;
      comment.unshift(t.replace(/^#\s?/, ''));
    }
    let group: string | undefined;
    for (let l = l0 - 1; l >= 0 && group === undefined; l--) group = groupHeaderOf(parsed.lines[l] ?? '');
    const e: ExampleEntry = { name: v.name, value: v.value, line: l0 + 1, comment };
    if (group !== undefined) e.group = group;
    if (v.commented) {
      // Commented out: the project runs without it, whatever its comment says.
      e.required = false;
      e.commented = true;
    } else {
      const m = /\((required|optional)\)\s*$/.exec(comment[0] ?? '');
      if (m) e.required = m[1] === 'required';
    }
    out.push(e);
  }
  return out;
}

export const NO_DESCRIPTION = 'No description yet: write one in a comment above it in .env.example.';

/** A variable documented only in an `.env.example`, as a registry entry (so it survives gen env). */
export function exampleToEnvVar(e: ExampleEntry, envFile: string = DEFAULT_ENV_FILE): EnvVar {
  const [first, ...rest] = e.comment;
  const description = first ? first.replace(/\s*\((required|optional)\)\s*$/, '').trim() : '';
  const secret = looksSecret(e.name);
  const v: EnvVar = {
    name: e.name,
    group: e.group ?? 'Your variables',
    description: description || NO_DESCRIPTION,
    required: e.required ?? false,
    kind: 'string',
    example: secret ? '' : e.value,
    usedBy: publicPrefixOf(e.name) ? ['frontend'] : ['backend'],
    secret,
  };
  if (rest.length > 0) v.note = rest.join('\n');
  if (envFile !== DEFAULT_ENV_FILE) v.file = envFile;
  return v;
}

/**
 * What `gen env` renders for one env file: its registry variables, then variables found only
 * in its `.env.example` that the generator does not own (`owned`: generatorKeys()), in file
 * order. `registry` holds the variables of `envFile` only.
 */
export function mergeWithExample(
  registry: readonly EnvVar[],
  example: readonly ExampleEntry[],
  owned: ReadonlySet<string>,
  envFile: string = DEFAULT_ENV_FILE,
): { vars: EnvVar[]; kept: EnvVar[]; dropped: string[] } {
  const vars = [...registry];
  const known = new Set(registry.filter((v) => envFileOf(v) === envFile).map((v) => v.name));
  const kept: EnvVar[] = [];
  const dropped: string[] = [];
  for (const e of example) {
    // A commented-out variable stays documentation of the user's file, never an assignment.
    if (e.commented || known.has(e.name)) continue;
    const v = exampleToEnvVar(e, envFile);
    if (owned.has(envVarKey(v))) {
      dropped.push(e.name);
      continue;
    }
    vars.push(v);
    kept.push(v);
    known.add(e.name);
  }
  return { vars, kept, dropped };
}
