// The frameworks whose existing apps `--cwd` adds to: each registered framework module's
// `existingApp` (src/features/frameworks.ts), read here so that adding a framework adds its
// support for existing apps with it.
import { FRAMEWORK_MODULES, FRAMEWORK_PROFILES } from '../features/frameworks.js';
import type { Framework } from '../options/choices.js';
import type { Instruction } from '../writer/instructions.js';
import { lookalike } from './lookalike.js';
import type { ExistingApp, ExistingAppPlanInput, ExistingAppSupport, ExistingAppTarget, OwnFile, PackageJson } from './types.js';

export type { ExistingApp, ExistingAppSupport, ExistingAppTarget };

/** The supports in the order they claim an app: registration order, fallbacks last. */
export function existingAppSupports(): readonly ExistingAppSupport[] {
  const supports = FRAMEWORK_MODULES.flatMap((m) => (m.existingApp ? [m.existingApp] : []));
  return [...supports.filter((s) => !s.fallback), ...supports.filter((s) => s.fallback)];
}

function supportFor(framework: Framework): ExistingAppSupport | undefined {
  return existingAppSupports().find((s) => s.framework === framework);
}

/** The existing app in `dir` as inspectTarget reports it, when its package.json names a framework supported here. */
export function inspectExistingApp(dir: string, pkg: PackageJson): ExistingAppTarget | undefined {
  const deps = { ...pkg.dependencies, ...pkg.devDependencies };
  const support = existingAppSupports().find((s) => s.matches(deps));
  if (!support) return undefined;
  return { kind: 'app', app: support.detect(dir, pkg) };
}

/** What a package.json no support claims looks like ("a Remix app (package.json has ...)"). */
export function unsupportedApp(pkg: PackageJson): string {
  const first = existingAppSupports()[0]?.frameworkPackages?.[0];
  return lookalike(pkg, `a package.json without ${first ?? 'a supported framework'}`);
}

/** The frameworks whose existing apps are supported, in words: "Next.js, SvelteKit, Nuxt or React + Vite". */
export function supportedAppFrameworks(): string {
  const labels = existingAppSupports().map((s) => FRAMEWORK_PROFILES[s.framework].label);
  return labels.length > 1 ? `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}` : (labels[0] ?? 'no');
}

/** Packages that are some supported framework's own: a package.json merge never moves them. */
export function frameworkPackages(): string[] {
  return existingAppSupports().flatMap((s) => s.frameworkPackages ?? []);
}

/**
 * How the plan differs in an existing app of `framework` in `dir` (first run and re-runs alike):
 * the files it never gets or gets elsewhere, and its own template folders and scripts.
 */
export function existingAppPlanInput(framework: Framework, dir: string): ExistingAppPlanInput {
  const support = supportFor(framework);
  return {
    existingApp: true,
    leaveOut: support?.leaveOut(dir) ?? [],
    moves: support?.moves ?? {},
    templateDirs: support?.templateDirs ?? [],
    scripts: support?.scripts ?? {},
  };
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
