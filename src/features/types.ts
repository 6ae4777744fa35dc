import type { EnvVar } from '../env/types.js';
import type { FrameworkProfile } from './define-framework.js';
import type { ProjectOptions } from '../options/choices.js';
import type { PinnedPackage } from '../versions.js';

/**
 * A feature is one capability of the generated project (the Next.js app, the database
 * driver, the API client, OAuth providers...). `plan()` asks every feature that applies
 * for its contribution and merges them; no code anywhere enumerates combinations.
 */
export interface Feature {
  id: string;
  applies(options: ProjectOptions): boolean;
  /**
   * Folders under `templates/` whose files are rendered with Handlebars into the project,
   * mirroring output paths. A file ending in `.hbs` is rendered and loses the suffix;
   * any other file is copied verbatim. `_gitignore` becomes `.gitignore`.
   * A later feature may not write a path an earlier one wrote (plan() throws).
   */
  templateDirs(options: ProjectOptions): string[];
  dependencies?(options: ProjectOptions): PinnedPackage[];
  devDependencies?(options: ProjectOptions): PinnedPackage[];
  scripts?(options: ProjectOptions): Record<string, string>;
  /** Folders (relative, posix) with their own package.json, installed after the root one. */
  installDirs?(options: ProjectOptions): string[];
  /**
   * Files computed from the merged env registry rather than rendered from a template
   * (e.g. a CI workflow that lists every required variable).
   */
  generatedFiles?(options: ProjectOptions, env: readonly EnvVar[]): { path: string; content: string }[];
  env?(options: ProjectOptions): EnvVar[];
  /** Printed after a successful run, in order. Commands use the chosen package manager. */
  nextSteps?(options: ProjectOptions, context: TemplateContext): string[];
  /** Printed prominently before writing (e.g. the localStorage XSS warning). */
  warnings?(options: ProjectOptions): string[];
}

export interface ProviderInfo {
  id: string;
  /** Human label, e.g. "GitHub". */
  label: string;
  /** Env prefix, e.g. "GITHUB" for GITHUB_CLIENT_ID. */
  envPrefix: string;
}

/** The profile fields templates shared across frameworks read (see FrameworkProfile). */
export type SharedTemplateProfile = Pick<
  FrameworkProfile,
  'spaOnOtherOrigin' | 'serverSetsForwardedFor' | 'bffRoute' | 'authClientModule' | 'rendersOnServer' | 'privateEnv'
>;

/** What every template sees. Derived from ProjectOptions only (pure). */
export interface TemplateContext extends ProjectOptions, SharedTemplateProfile {
  providerList: ProviderInfo[];
  hasProviders: boolean;
  /** e.g. "npm run", "pnpm", "yarn", "bun run" */
  run: string;
  /** e.g. "npm install", "pnpm install" */
  installCommand: string;
  /** The API runs as its own server in backend/ (not Next.js route handlers). */
  hasSeparateBackend: boolean;
  /** e.g. "Express"; empty when the API is the app's own server routes. */
  backendLabel: string;
  /** The separate backend is a Node server (Express, Hono, Fastify). */
  hasNodeBackend: boolean;
  /** e.g. "Next.js", "SvelteKit". */
  frameworkLabel: string;
  /** Output path of the shared stylesheet, e.g. "app/globals.css". */
  stylesheetPath: string;
  /** `npx` arguments that start the app in development on port 3000 (scripts/dev.mjs). */
  webDevCommand: string;
  /** Import prefix of the app root in generated imports: "@/" (default) or e.g. "~/". */
  alias: string;
  /** Where app code lives relative to the project root: "" or "src/" (`src/app`, `src/lib`). */
  appDir: string;
  /**
   * Expression (TypeScript) for the base URL the browser calls the API at, or "" when the API
   * is this app's own origin (relative paths): `process.env.NEXT_PUBLIC_API_URL ?? …`,
   * `import.meta.env.VITE_API_URL ?? …`.
   */
  apiUrlExpression: string;
  /** Import line the expression needs (SvelteKit's `$env/dynamic/public`), or "". */
  apiUrlImport: string;
  /** Doc comment for that constant. */
  apiUrlComment: string;
  /** Route protection file and its export: "proxy" (Next 16+) or "middleware" (Next 15). */
  proxyFile: 'proxy' | 'middleware';
}
