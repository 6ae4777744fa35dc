// The closed sets of values a project option can take. Kept free of imports so that
// `--help` can list choices without loading zod or any template machinery.

export const FRAMEWORKS = ['next', 'react-vite', 'sveltekit', 'nuxt'] as const;
// 'next', 'sveltekit' and 'nuxt' mean the API lives in the app itself (its server routes).
export const BACKENDS = ['next', 'express', 'hono', 'fastify', 'fastapi', 'sveltekit', 'nuxt'] as const;
export const SAME_APP_BACKENDS = ['next', 'sveltekit', 'nuxt'] as const;
export const STORAGES = ['memory', 'cookie', 'local'] as const;
export const PROVIDERS = ['google', 'github', 'discord', 'microsoft', 'apple', 'gitlab'] as const;
export const DATABASES = ['sqlite', 'postgres', 'mysql'] as const;
export const HTTP_CLIENTS = ['fetch', 'axios'] as const;
export const PACKAGE_MANAGERS = ['npm', 'pnpm', 'yarn', 'bun'] as const;

export type Framework = (typeof FRAMEWORKS)[number];
export type Backend = (typeof BACKENDS)[number];
/** Backends that run as their own server in `backend/`, verifying the JWT against the JWKS. */
export type SeparateBackend = Exclude<Backend, SameAppBackend>;
/** The API is the app's own server routes (Next.js route handlers, SvelteKit or Nuxt server routes). */
export type SameAppBackend = (typeof SAME_APP_BACKENDS)[number];
export type Storage = (typeof STORAGES)[number];
export type Provider = (typeof PROVIDERS)[number];
export type Database = (typeof DATABASES)[number];
export type HttpClient = (typeof HTTP_CLIENTS)[number];
export type PackageManager = (typeof PACKAGE_MANAGERS)[number];

/** Everything that decides the generated files. Recorded in the project's manifest. */
export interface ProjectOptions {
  /** npm package name of the generated project (derived from the directory name). */
  name: string;
  framework: Framework;
  backend: Backend;
  storage: Storage;
  /** Sorted, without duplicates. */
  providers: Provider[];
  db: Database;
  http: HttpClient;
  pm: PackageManager;
}
