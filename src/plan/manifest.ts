// The manifest written into every generated project: the options it was generated with and
// a hash of every generated file, so later runs and `gen env` know what was generated and
// whether the user has edited it.
import { createHash } from 'node:crypto';
import type { EnvVar } from '../env/types.js';
import type { ProjectOptions } from '../options/choices.js';
import type { ProjectLayout } from './context.js';

export const MANIFEST_FILE = 'create-better-auth-jwt.json';

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

export function hashContent(bytes: Uint8Array | string): string {
  return `sha256-${createHash('sha256').update(bytes).digest('hex')}`;
}

export function renderManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
