// A framework is one module: `defineFramework({...})` declares everything that differs between
// Next.js, SvelteKit, Nuxt and React + Vite (its profile, its features with their templates,
// dependencies, scripts and env variables, its next steps, and its support for existing apps).
// Register a new module in frameworks.ts; shared code reads the profile, never the framework's
// name.
import type { ExistingAppSupport } from '../existing-app/types.js';
import { SAME_APP_BACKENDS, type Framework, type ProjectOptions } from '../options/choices.js';
import type { Feature, TemplateContext } from './types.js';

export interface FrameworkProfile {
  /**
   * The public variable holding a separate backend's URL for browser calls (memory/local
   * storage). Public: it ends up in the client bundle.
   */
  publicApiUrlVar: string;
  /** Where that variable's value is read in `lib/api-client.ts`. */
  publicApiUrlExpression: string;
  /** Import line(s) the expression needs in `lib/api-client.ts`, or "". */
  publicApiUrlImport: string;
  /** How that variable gets into the client, for its description. */
  publicApiUrlHow: string;
  /** `npx <args>` that starts the app in development on port 3000 (scripts/dev.mjs). */
  webDevCommand: string;
  /** Node versions the generated project declares (its toolchain's engines). */
  nodeEngines: string;
  /** The generated package.json is `"type": "module"` (config files are ESM). */
  esm: boolean;
  /** Where the shared stylesheet (templates/stylesheet) goes; the app's layout imports it from there. */
  stylesheetPath: string;
  /**
   * The pages are a single-page app served from another origin than the auth server, whose
   * Better Auth instance trusts the SPA's origins (lib/spa-origins.ts).
   */
  spaOnOtherOrigin: boolean;
  /**
   * The server in front of Better Auth sets x-forwarded-for from the socket, so the rate
   * limit may key on it; otherwise (route handlers) no header is trusted.
   */
  serverSetsForwardedFor: boolean;
  /** Where the backend-for-frontend route lives (token storage "cookie"), or "" without one. */
  bffRoute: string;
  /** The Better Auth client flavour the pages use: `better-auth/react`, `/svelte`, `/vue`. */
  authClientModule: string;
  /** Pages are also rendered on the server, where browser code must not assume `window`. */
  rendersOnServer: boolean;
  /**
   * `--backend` picks the HTTP library of this framework's own auth server, which serves the
   * API too: there is never a separate backend/ (React + Vite's server/).
   */
  apiInAuthServer: boolean;
  /** Where the app's server routes read private variables: `process.env`, SvelteKit's `env`. */
  privateEnv: string;
}


/** A feature of one framework: it applies to that framework's projects only (and when `when` says). */
export type FrameworkFeature = Omit<Feature, 'applies'> & { when?(options: ProjectOptions): boolean };

export interface FrameworkModule {
  id: Framework;
  /** Human name, e.g. "SvelteKit". */
  label: string;
  profile: FrameworkProfile;
  /** Its features, in the order their files and variables appear; `applies` is derived. */
  features: readonly Feature[];
  /** Adding to an app this framework made without us (`--cwd`), where supported. */
  existingApp?: ExistingAppSupport;
}

export interface FrameworkDefinition extends Omit<FrameworkModule, 'features'> {
  features: readonly FrameworkFeature[];
}

export function defineFramework(definition: FrameworkDefinition): FrameworkModule {
  const { id } = definition;
  return {
    ...definition,
    features: definition.features.map(({ when, ...feature }) => ({
      ...feature,
      applies: (options: ProjectOptions) => options.framework === id && (when?.(options) ?? true),
    })),
  };
}

/** The API is this app's own server routes (`--backend next|sveltekit|nuxt`), not backend/. */
export function apiInApp(options: ProjectOptions): boolean {
  return (SAME_APP_BACKENDS as readonly string[]).includes(options.backend);
}

/** What every framework prints after a run: migrate the database, start the app. */
export function migrateAndStart(_options: ProjectOptions, context: TemplateContext): string[] {
  return [`${context.run} db:migrate`, `${context.run} dev`];
}
