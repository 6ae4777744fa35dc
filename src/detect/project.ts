// What is already in the target directory: nothing, a project of ours (it has the
// manifest), an existing app of a framework we support (its version, layout, import alias
// and package manager; src/existing-app), or something we do not support yet.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { inspectExistingApp, unsupportedApp, type ExistingAppTarget } from '../existing-app/index.js';
import type { PackageJson } from '../existing-app/types.js';
import { MANIFEST_FILE, readManifest, type ProjectManifest } from '../plan/manifest.js';

export { findAlias } from '../existing-app/tsconfig-alias.js';

export type Target =
  | { kind: 'absent' }
  | { kind: 'empty' }
  | { kind: 'ours'; manifest: ProjectManifest }
  /** An existing app of a framework supported by src/existing-app. */
  | ExistingAppTarget
  /** A package.json no supported framework claims: `found` names what it looks like. */
  | { kind: 'unsupported'; found: string }
  /** Files but no package.json. */
  | { kind: 'other' };

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export function inspectTarget(dir: string): Target {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) return { kind: 'other' };
    entries = readdirSync(dir);
  } catch {
    return { kind: 'absent' };
  }
  if (entries.length === 0) return { kind: 'empty' };
  if (entries.includes(MANIFEST_FILE)) {
    const manifest = readManifest(dir);
    if (manifest.status === 'ok') return { kind: 'ours', manifest: manifest.manifest };
    // An invalid manifest is reported by the writer with its problem.
    return { kind: 'other' };
  }
  const text = entries.includes('package.json') ? readText(path.join(dir, 'package.json')) : undefined;
  if (text === undefined) return { kind: 'other' };
  let pkg: PackageJson;
  try {
    pkg = JSON.parse(text.replace(/^\uFEFF/, '')) as PackageJson;
  } catch (error) {
    return { kind: 'unsupported', found: `a package.json that is not valid JSON (${(error as Error).message})` };
  }
  return inspectExistingApp(dir, pkg) ?? { kind: 'unsupported', found: unsupportedApp(pkg) };
}
