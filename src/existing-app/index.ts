// The frameworks whose existing apps `--cwd` adds to (besides Next.js, still in src/detect).
import { FRAMEWORK_PROFILES } from '../features/frameworks.js';
import type { Framework } from '../options/choices.js';
import type { Instruction } from '../writer/instructions.js';
import { nuxtExistingApp } from './nuxt.js';
import { reactViteExistingApp } from './react-vite.js';
import { svelteKitExistingApp } from './sveltekit.js';
import type { ExistingApp, ExistingAppSupport, OwnFile, PackageJson } from './types.js';

export type { ExistingApp, ExistingAppSupport };

// SvelteKit and Nuxt before React + Vite: their apps may depend on vite too.
export const EXISTING_APPS: readonly ExistingAppSupport[] = [svelteKitExistingApp, nuxtExistingApp, reactViteExistingApp];

function supportFor(framework: Framework): ExistingAppSupport | undefined {
  return EXISTING_APPS.find((s) => s.framework === framework);
}

/** The existing app in `dir`, when its package.json names a framework supported here. */
export function detectExistingApp(dir: string, pkg: PackageJson): ExistingApp | undefined {
  const deps = { ...pkg.dependencies, ...pkg.devDependencies };
  const support = EXISTING_APPS.find((s) => s.matches(deps));
  return support?.detect(dir, pkg);
}

/** Planned files an existing app of `framework` never gets. */
export function leftOutOfExistingApp(framework: Framework, dir: string): string[] {
  return supportFor(framework)?.leaveOut(dir) ?? [];
}

/** Planned files that go to another path in an existing app of `framework`. */
export function movedInExistingApp(framework: Framework): Readonly<Record<string, string>> {
  return supportFor(framework)?.moves ?? {};
}

/** The framework's lines for one of the app's own files; undefined: the generic instruction. */
export function existingAppInstruction(file: OwnFile): Instruction | undefined {
  return supportFor(file.plan.options.framework)?.instructionFor(file);
}

/** One line for the user: what was found. */
export function describeExistingApp(app: ExistingApp): string {
  return [
    `${FRAMEWORK_PROFILES[app.framework].label} ${app.version}${app.versionSource === 'package.json' ? ' (from package.json; not installed)' : ` (${app.versionSource})`}`,
    `imports through ${app.aliasDescription}`,
    app.language,
    ...app.details,
    app.pm ? `${app.pm} (${app.pmSource})` : 'no lockfile',
  ].join(', ');
}
