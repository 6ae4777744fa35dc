// The manifest written into every generated project: the options it was generated with and
// a hash of every generated file, so later runs and `gen env` know what was generated and
// whether the user has edited it. This module is all of it: the type, reading (a manifest
// comes with the folder, possibly from anyone, so it is validated before any of it is used),
// and rendering it for the writer.
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
// The declared variables' own validation (names, kinds, env files) belongs to the env toolkit.
import { normaliseDeclared } from '../env/declared.js';
import type { EnvVar } from '../env/types.js';
import { CliError } from '../errors.js';
import type { ProjectOptions } from '../options/choices.js';
import { manifestPathProblem } from '../writer/safe-path.js';
import type { ProjectLayout } from './context.js';

export const MANIFEST_FILE = 'create-better-auth-jwt.json';

/** The manifest as the writer writes it. */
export interface Manifest {
  version: 1;
  /** e.g. "create-better-auth-jwt@0.1.0" */
  generator: string;
  options: ProjectOptions;
  env: {
    /** Variables the user declared with `gen env` (none at creation). */
    declared: EnvVar[];
  };
  /**
   * Generated file (posix path) → "sha256-<hex>" of the content as generated. A file the user
   * edited keeps the hash of what was generated, so later runs still see it as edited.
   * Excludes the manifest itself and `.env` files.
   */
  files: Record<string, string>;
  /** The project is an existing app we added to (so later runs leave out cosmetic files too). */
  existingApp?: true;
  /** Only when it is not the default (an existing app with `src/`, another alias, Next 15). */
  layout?: ProjectLayout;
  /** Files of an existing app we merged into (package.json, README env table...): never replaced. */
  merged?: string[];
  /** Files of an existing app we left alone and printed instructions for instead. */
  skipped?: string[];
}

/** A manifest as read from a project folder, validated. */
export interface ProjectManifest {
  version: 1;
  generator?: string;
  options: ProjectOptions;
  env: { declared: EnvVar[] };
  files: Record<string, string>;
  /** The parsed JSON as found, to write back unchanged apart from what we update. */
  raw: Record<string, unknown>;
}

export type ManifestResult =
  | { status: 'absent' }
  | { status: 'ok'; manifest: ProjectManifest }
  | { status: 'invalid'; problem: string };

export function hashContent(bytes: Uint8Array | string): string {
  return `sha256-${createHash('sha256').update(bytes).digest('hex')}`;
}

/** The manifest's text; also for writing back a `raw` manifest that was read. */
export function renderManifest(manifest: Manifest | ProjectManifest['raw']): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The manifest a write leaves: the plan's, with the hash of each file as generated (`files`)
 * and the app's own files merged into or left alone. Sorted, so that a re-run that changes
 * nothing writes the same bytes.
 */
export function manifestAfterWrite(planned: Manifest, records: { files: Record<string, string>; merged: string[]; skipped: string[] }): Manifest {
  return {
    ...planned,
    files: Object.fromEntries(Object.entries(records.files).sort(([a], [b]) => byPath(a, b))),
    ...(records.merged.length ? { merged: [...records.merged].sort() } : {}),
    ...(records.skipped.length ? { skipped: [...records.skipped].sort() } : {}),
  };
}

/** A manifest's parsed JSON checked: `problem` completes "<manifest file> ..." when it cannot be used. */
export function validateManifest(json: unknown): ManifestResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { status: 'invalid', problem: 'is not a JSON object' };
  const raw = json as Record<string, unknown>;
  if (raw.version !== 1) return { status: 'invalid', problem: `has version ${JSON.stringify(raw.version)}; this CLI reads version 1` };
  const options = raw.options as Partial<ProjectOptions> | undefined;
  if (typeof options !== 'object' || options === null || !Array.isArray(options.providers) || typeof options.framework !== 'string') {
    return { status: 'invalid', problem: 'has no valid "options"' };
  }
  const env = (raw.env ?? {}) as { declared?: unknown };
  const declaredRaw = Array.isArray(env.declared) ? env.declared : [];
  const declared: EnvVar[] = [];
  for (const d of declaredRaw) {
    const v = normaliseDeclared(d);
    if (!v) return { status: 'invalid', problem: `has an invalid entry in env.declared: ${JSON.stringify(d)}` };
    declared.push(v);
  }
  const files = typeof raw.files === 'object' && raw.files !== null ? (raw.files as Record<string, string>) : {};
  // A cloned repository chooses this list: a path out of the project must never be read or removed.
  for (const file of Object.keys(files)) {
    const problem = manifestPathProblem(file);
    if (problem !== undefined) return { status: 'invalid', problem: `lists ${JSON.stringify(file)} under "files", which is not a path inside the project (${problem})` };
  }
  return {
    status: 'ok',
    manifest: { version: 1, generator: raw.generator as string | undefined, options: options as ProjectOptions, env: { declared }, files, raw },
  };
}

/** The manifest of the project folder `root`, validated; never read through a symbolic link. */
export function readManifest(root: string): ManifestResult {
  let text: string;
  try {
    // Never through a link: an error message quoting the start of another file would leak it.
    if (lstatSync(path.join(root, MANIFEST_FILE)).isSymbolicLink()) return { status: 'invalid', problem: 'is a symbolic link, which this CLI does not follow' };
    text = readFileSync(path.join(root, MANIFEST_FILE), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { status: 'absent' };
    return { status: 'invalid', problem: `cannot be read (${code ?? 'error'})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { status: 'invalid', problem: `is not valid JSON (${(error as Error).message})` };
  }
  return validateManifest(json);
}

/** A list of paths the manifest keeps besides `files` (`merged`, `skipped`); entries that are not strings are ignored. */
export function recordedPaths(manifest: ProjectManifest, list: 'merged' | 'skipped'): string[] {
  const value = manifest.raw[list];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The error for a manifest that cannot be used (also raised by the create command before any question). */
export function invalidManifestError(targetDir: string, problem: string): CliError {
  return new CliError(`${MANIFEST_FILE} in ${targetDir} ${problem}; fix it or delete it to treat the folder as an existing app`);
}
