// `--framework nuxt`: a Nuxt 4 app (pages, route middleware, Nitro server routes) hosting
// Better Auth at /api/auth/* and, with `--backend nuxt`, the JWT-protected API at
// /api/users/me. Shared with the other frameworks: lib/auth-config.ts, lib/verify-token.ts,
// lib/db.ts, lib/token-manager.ts, lib/api-client.ts and scripts/migrate.ts (lib/ stays at
// the project root, imported as ~~/lib/...; see nuxt.config.ts).
import { CORE_ENV } from './core-env.js';
import { FRAMEWORK_PROFILES } from './frameworks.js';
import type { Feature } from './types.js';

export const nuxt: Feature = {
  id: 'nuxt',
  applies: (options) => options.framework === 'nuxt',
  templateDirs: (options) => [
    'nuxt',
    'stylesheet',
    'auth-config',
    'db-migrate',
    ...(options.backend === 'nuxt' ? ['nuxt-api', 'verify-token'] : []),
    ...(options.storage === 'cookie' ? ['nuxt-bff'] : []),
  ],
  dependencies: () => ['better-auth', 'nuxt', 'vue', 'vue-router', 'jose', 'kysely'],
  devDependencies: () => ['typescript', 'vue-tsc', 'tsx', '@types/node'],
  scripts: (options) => ({
    // With a separate API server, `dev` starts both (see the backend feature).
    ...(options.backend === 'nuxt' ? { dev: FRAMEWORK_PROFILES.nuxt.webDevCommand } : {}),
    build: 'nuxt build',
    // Loads .env (the built server reads only the real environment), then .output/server.
    start: 'node scripts/start.mjs',
    postinstall: 'nuxt prepare',
    typecheck: 'nuxt prepare && vue-tsc -b --noEmit',
    'db:migrate': 'tsx scripts/migrate.ts',
  }),
  env: () => [...CORE_ENV],
  nextSteps: (_options, context) => [`${context.run} db:migrate`, `${context.run} dev`],
};
