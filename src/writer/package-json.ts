// Merging our package.json into one that is not ours (an existing app's, or one the user
// edited): dependencies and scripts are added, pinned; nothing of theirs is removed, and a
// version they already have is never lowered. Everything we did not do is said.

import { frameworkPackages } from '../existing-app/index.js';
import { admits, compareVersions, minVersion, type Version } from './version-range.js';

/** Packages of the app's toolchain, which we never move, whatever the versions (besides each framework's own). */
const TOOLCHAIN_PACKAGES = ['typescript', '@types/node'];

const SECTIONS = ['dependencies', 'devDependencies'] as const;

export interface PackageJsonMerge {
  content: string;
  /** One line per thing worth telling: added, upgraded, kept (with both versions), scripts. */
  notes: string[];
  /** Lines the user should act on (a version we could not use, a script we did not set). */
  warnings: string[];
}

export { admits, compareVersions, majorOf, minVersion } from './version-range.js';

function indentOf(text: string): string | number {
  const m = /^[ \t]+(?=")/m.exec(text);
  return m ? (m[0].includes('\t') ? '\t' : m[0].length) : 2;
}

function isSorted(keys: string[]): boolean {
  return keys.every((k, i) => i === 0 || (keys[i - 1] as string) <= k);
}

function record(value: unknown): Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, string>) : {};
}

/** What package managers read from package.json (src/plan/package-managers.ts): maps, then lists. */
const MANAGER_MAPS = ['allowScripts', 'overrides', 'resolutions'] as const;
const MANAGER_LISTS = ['trustedDependencies'] as const;

/**
 * Our package-manager entries added to theirs: a name they already list keeps their value (with
 * a warning when it differs), and no override is added for a package whose direct dependency
 * has another version (npm refuses an override that conflicts with a direct dependency).
 */
function mergeManagerFields(current: Record<string, unknown>, planned: Record<string, unknown>, file: string, notes: string[], warnings: string[]): Record<string, unknown> {
  let merged = current;
  const direct = (name: string) => record(merged.dependencies)[name] ?? record(merged.devDependencies)[name];
  for (const field of MANAGER_MAPS) {
    const wanted = record(planned[field]);
    if (Object.keys(wanted).length === 0) continue;
    const target = { ...record(merged[field]) };
    const added: string[] = [];
    for (const [name, value] of Object.entries(wanted)) {
      const existing = target[name] as unknown;
      if (existing !== undefined) {
        if (JSON.stringify(existing) !== JSON.stringify(value)) warnings.push(`kept your ${field} "${name}": ${JSON.stringify(existing)} in ${file}; ours would be ${JSON.stringify(value)}`);
        continue;
      }
      const dep = direct(name);
      if (field !== 'allowScripts' && dep !== undefined && dep !== value) {
        warnings.push(`${file} has ${name} ${dep}, so no ${field} entry pins it to ${String(value)}; check that every dependency's ${name} runs on your Node`);
        continue;
      }
      target[name] = value as string;
      added.push(name);
    }
    if (added.length === 0) continue;
    merged = { ...merged, [field]: target };
    notes.push(`${file}: added ${field} ${added.join(', ')}`);
  }
  for (const field of MANAGER_LISTS) {
    const wanted = Array.isArray(planned[field]) ? (planned[field] as string[]) : [];
    const theirsList = Array.isArray(merged[field]) ? (merged[field] as string[]) : [];
    const added = wanted.filter((name) => !theirsList.includes(name));
    if (added.length === 0) continue;
    merged = { ...merged, [field]: [...theirsList, ...added] };
    notes.push(`${file}: added ${field} ${added.join(', ')}`);
  }
  return merged;
}

/**
 * `ours` merged into `theirs` (both package.json texts). Undefined when `theirs` is not a JSON
 * object: then nothing can be merged exactly and the caller prints what to add instead.
 */
export function mergePackageJson(theirs: string, ours: string, file = 'package.json'): PackageJsonMerge | undefined {
  let current: Record<string, unknown>;
  try {
    const parsed = JSON.parse(theirs.replace(/^\uFEFF/, '')) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    current = parsed as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const planned = JSON.parse(ours) as Record<string, unknown>;
  const notes: string[] = [];
  const warnings: string[] = [];
  const appPackages = new Set([...frameworkPackages(), ...TOOLCHAIN_PACKAGES]);
  const has = (name: string): { section: (typeof SECTIONS)[number]; range: string } | undefined => {
    for (const section of SECTIONS) {
      const range = record(current[section])[name];
      if (typeof range === 'string') return { section, range };
    }
    return undefined;
  };

  for (const section of SECTIONS) {
    const wanted = record(planned[section]);
    let target = record(current[section]);
    const addedHere: string[] = [];
    for (const [name, pin] of Object.entries(wanted)) {
      const existing = has(name);
      if (!existing) {
        target = { ...target, [name]: pin };
        addedHere.push(`${name}@${pin}`);
        continue;
      }
      if (existing.range === pin) continue;
      const theirsMin = minVersion(existing.range);
      const ourVersion = minVersion(pin) as Version;
      const where = `${file} ${existing.section}`;
      // Their range already allows our version: leave it, the lockfile decides.
      if (admits(existing.range, ourVersion)) continue;
      if (!theirsMin) {
        warnings.push(`kept ${name} "${existing.range}" in ${where}; the generated code is written for ${pin} (could not compare the two)`);
      } else if (compareVersions(theirsMin, ourVersion) >= 0) {
        if (compareVersions(theirsMin, ourVersion) > 0) warnings.push(`kept your newer ${name} ${existing.range} in ${file}; the generated code was tested with ${pin}`);
      } else if (appPackages.has(name)) {
        warnings.push(`kept your ${name} ${existing.range} in ${file} (we pin ${pin}); upgrading the app's framework is your call`);
      } else {
        const sectionRecord = { ...record(current[existing.section]), [name]: pin };
        current = { ...current, [existing.section]: sectionRecord };
        if (existing.section === section) target = { ...target, [name]: pin };
        notes.push(`${file}: ${name} ${existing.range} → ${pin} (the generated code needs it)`);
      }
    }
    if (addedHere.length === 0) continue;
    const keys = Object.keys(record(current[section]));
    const merged = isSorted(keys) ? Object.fromEntries(Object.entries(target).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : target;
    current = { ...current, [section]: merged };
    notes.push(`${file}: added ${section} ${addedHere.join(', ')}`);
  }

  const scripts = record(current.scripts);
  const addedScripts: string[] = [];
  for (const [name, command] of Object.entries(record(planned.scripts))) {
    const existing = scripts[name];
    if (existing === command) continue;
    if (existing !== undefined) {
      warnings.push(`kept your script "${name}": "${existing}" in ${file}; ours would be: "${name}": ${JSON.stringify(command)}`);
      continue;
    }
    scripts[name] = command;
    addedScripts.push(name);
  }
  if (addedScripts.length) {
    current = { ...current, scripts };
    notes.push(`${file}: added scripts ${addedScripts.join(', ')}`);
  }

  current = mergeManagerFields(current, planned, file, notes, warnings);

  const eol = theirs.includes('\r\n') ? '\r\n' : '\n';
  let content = JSON.stringify(current, null, indentOf(theirs)).replace(/\n/g, eol);
  if (/\r?\n$/.test(theirs)) content += eol;
  // Every change above leaves a note: without one, their bytes stay exactly as they were.
  if (notes.length === 0) content = theirs;
  return { content, notes, warnings };
}
