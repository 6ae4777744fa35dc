// The target folder as the writer sees it, in src/detect's vocabulary (Target): absent,
// empty, ours (a valid manifest), or other. Whether an "other" folder is an existing app is
// the caller's to say (src/detect knows frameworks; the writer does not). From that, how the
// folder is treated (ApplyMode).
import { readdir } from 'node:fs/promises';
import type { Target } from '../detect/project.js';
import { CliError } from '../errors.js';
import { invalidManifestError, readManifest } from '../plan/manifest.js';
import { statOrUndefined } from './disk.js';
import type { ApplyMode } from './fate.js';

export type FolderTarget = Extract<Target, { kind: 'absent' | 'empty' | 'ours' | 'other' }>;

/** The target folder `root` (its real path; `targetDir` for messages) and how many entries it has. */
export async function readTarget(root: string, targetDir: string): Promise<{ target: FolderTarget; entries: number }> {
  const stat = await statOrUndefined(root);
  if (!stat) return { target: { kind: 'absent' }, entries: 0 };
  if (!stat.isDirectory()) throw new CliError(`${targetDir} exists and is not a directory`);
  const entries = (await readdir(root)).length;
  if (entries === 0) return { target: { kind: 'empty' }, entries };
  const manifest = readManifest(root);
  if (manifest.status === 'invalid') throw invalidManifestError(targetDir, manifest.problem);
  return { target: manifest.status === 'ok' ? { kind: 'ours', manifest: manifest.manifest } : { kind: 'other' }, entries };
}

/** How a target is treated: created, re-run, added to as an existing app, or (with --force only) written into. */
export function applyMode(target: FolderTarget, existingApp: boolean): ApplyMode {
  if (target.kind === 'absent' || target.kind === 'empty') return 'create';
  if (target.kind === 'ours') return 'rerun';
  return existingApp ? 'existing' : 'force';
}
