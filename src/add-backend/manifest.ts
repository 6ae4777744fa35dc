// add backend's manifest, create-better-auth-jwt.json's sibling: the choices of the last run
// (so a re-run without flags changes nothing) and the hash of each file as written (so a file
// the user edited since is kept). Validated like the create manifest: it comes with the folder.
import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CliError } from '../errors.js';
import { hashContent, renderManifest } from '../plan/manifest.js';
import { manifestPathProblem } from '../writer/safe-path.js';

export const BACKEND_MANIFEST_FILE = 'create-better-auth-jwt.backend.json';

export interface BackendChoices {
  authUrl: string;
  algorithm: string;
  /** The CORS origin this command set up, or null when it did not (the app has CORS, or --no-cors). */
  corsOrigin: string | null;
}

export interface BackendManifest {
  version: 1;
  generator: string;
  backend: BackendChoices;
  /** Written file (posix path) → hash of the content as written. */
  files: Record<string, string>;
}

export { hashContent };

export function renderBackendManifest(manifest: BackendManifest): string {
  const files = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : 1)));
  return renderManifest({ ...manifest, files } as unknown as Record<string, unknown>);
}

/** The manifest of `root`, undefined when there is none; a CliError (one line) when it cannot be used. */
export function readBackendManifest(root: string): BackendManifest | undefined {
  const file = path.join(root, BACKEND_MANIFEST_FILE);
  let text: string;
  try {
    if (lstatSync(file).isSymbolicLink()) throw new CliError(`${BACKEND_MANIFEST_FILE} is a symbolic link, which this CLI does not follow`);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new CliError(`${BACKEND_MANIFEST_FILE} cannot be read (${code ?? 'error'})`);
  }
  const invalid = (problem: string) => new CliError(`${BACKEND_MANIFEST_FILE} in ${root} ${problem}; fix or remove it`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw invalid(`is not valid JSON (${(error as Error).message})`);
  }
  const raw = json as Partial<BackendManifest> | null;
  if (typeof raw !== 'object' || raw === null || raw.version !== 1) throw invalid('is not a version 1 manifest');
  const backend = raw.backend as Partial<BackendChoices> | undefined;
  if (!backend || typeof backend.authUrl !== 'string' || typeof backend.algorithm !== 'string' || !(backend.corsOrigin === null || typeof backend.corsOrigin === 'string')) {
    throw invalid('has no valid "backend" choices');
  }
  const files = raw.files ?? {};
  if (typeof files !== 'object' || files === null) throw invalid('has no valid "files"');
  for (const [file, hash] of Object.entries(files)) {
    const problem = manifestPathProblem(file);
    if (problem !== undefined || typeof hash !== 'string') throw invalid(`lists ${JSON.stringify(file)}, which is not a path inside the project${problem ? ` (${problem})` : ''}`);
  }
  return { version: 1, generator: String(raw.generator ?? ''), backend: backend as BackendChoices, files: files as Record<string, string> };
}
