// The Next.js App Router project: Better Auth server and client, pages, route protection,
// the protected /api/users/me route and the migration script.
import type { Feature } from './types.js';
import { CORE_ENV } from './core-env.js';
import { FRAMEWORK_PROFILES } from './frameworks.js';

export const nextApp: Feature = {
  id: 'next-app',
  applies: (options) => options.framework === 'next',
  templateDirs: () => ['next', 'stylesheet', 'auth-config', 'db-migrate'],
  dependencies: () => ['better-auth', 'next', 'react', 'react-dom', 'jose', 'kysely'],
  devDependencies: () => ['typescript', 'tsx', '@types/node', '@types/react', '@types/react-dom'],
  scripts: (options) => ({
    // With a separate API server, `dev` starts both (see the backend feature).
    ...(options.backend === 'next' ? { dev: FRAMEWORK_PROFILES.next.webDevCommand } : {}),
    build: 'next build',
    start: 'next start',
    typecheck: 'tsc --noEmit',
    'db:migrate': 'tsx scripts/migrate.ts',
  }),
  env: () => [...CORE_ENV],
  nextSteps: (_options, context) => [`${context.run} db:migrate`, `${context.run} dev`],
};

/** The protected API as route handlers in the same app (`--backend next`). */
export const nextApi: Feature = {
  id: 'next-api',
  applies: (options) => options.framework === 'next' && options.backend === 'next',
  templateDirs: () => ['next-api', 'verify-token'],
};
