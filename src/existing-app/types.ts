// What a framework knows about an app it did not generate: how to recognise one, where the
// generated code goes in it (the layout), which planned files such an app never gets, and the
// exact lines to print for a file of the app that is left alone. It is the `existingApp` part
// of a framework module (`defineFramework({ existingApp })`); src/existing-app/index.ts reads
// the registered modules. These modules never import src/features (the features import them).
import type { Framework } from '../options/choices.js';
import type { PackageManager } from '../options/choices.js';
import type { ProjectLayout } from '../plan/layout.js';
import type { Plan, PlanInput } from '../plan/plan.js';
import type { Instruction } from '../writer/instructions.js';

export type PackageJson = {
  name?: unknown;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  packageManager?: unknown;
};

/** What was found in an existing app, as `--cwd` reports it and the plan uses it. */
export interface ExistingApp {
  framework: Framework;
  /** The framework's version (installed, locked, or the package.json range). */
  version: string;
  major: number | undefined;
  /** "node_modules", a lockfile name, or "package.json" (a range: nothing installed or locked). */
  versionSource: string;
  layout: ProjectLayout;
  /** How the generated imports reach the code root, in words ("$lib (src/lib/)"). */
  aliasDescription: string;
  language: 'TypeScript' | 'JSDoc' | 'JavaScript';
  pm?: PackageManager;
  pmSource?: string;
  packageName?: string;
  /** Further facts for the report line, e.g. "hooks in src/hooks.server.ts (yours)". */
  details: string[];
  /** Things the user should know before anything is written. */
  warnings: string[];
}

/** Input to a module's instruction for a planned file the app already has. */
export interface OwnFile {
  /** The planned path. */
  path: string;
  /** The app's file standing for it (the same path, or another extension). */
  actual: string;
  planned: string;
  current: string;
  plan: Plan;
}

/** What the plan gets for an app not made by us (existingAppPlanInput in index.ts). */
export type ExistingAppPlanInput = Required<Pick<PlanInput, 'existingApp' | 'leaveOut' | 'moves' | 'templateDirs' | 'scripts'>>;

/** What inspectTarget (src/detect/project.ts) reports for an existing app. */
export type ExistingAppTarget = { kind: 'app'; app: ExistingApp };

export interface ExistingAppSupport {
  framework: Framework;
  /** The app's package.json dependencies make it this framework's. */
  matches(deps: Readonly<Record<string, string>>): boolean;
  detect(dir: string, pkg: PackageJson): ExistingApp;
  /**
   * Matched only when no other framework's support matches: its packages also appear in the
   * others' apps (SvelteKit and Nuxt apps depend on vite too).
   */
  fallback?: boolean;
  /** Packages that are the app's framework: a package.json merge never moves their versions. */
  frameworkPackages?: readonly string[];
  /** Planned files an existing app of this framework never gets (re-read on every run). */
  leaveOut(dir: string): string[];
  /** Planned files that go to another path in such an app (its own file holds the planned path). */
  moves?: Readonly<Record<string, string>>;
  /** Template folders only such an app gets (React + Vite: a tsconfig for the generated code alone). */
  templateDirs?: readonly string[];
  /** Scripts such an app gets in place of a new project's of the same name (its own are still kept). */
  scripts?: Readonly<Record<string, string>>;
  /** The lines to print for a file of the app that was left alone; undefined: the generic diff. */
  instructionFor(file: OwnFile): Instruction | undefined;
}
