// The Next.js App Router project: Better Auth server and client, pages, route protection,
// the protected /api/users/me route and the migration script.
import { nextExistingApp } from '../existing-app/next.js';
import { CORE_ENV } from './core-env.js';
import { apiInApp, defineFramework, migrateAndStart } from './define-framework.js';

const WEB_DEV_COMMAND = 'next dev';

export const nextFramework = defineFramework({
  id: 'next',
  label: 'Next.js',
  existingApp: nextExistingApp,
  profile: {
    publicApiUrlVar: 'NEXT_PUBLIC_API_URL',
    publicApiUrlExpression: "process.env.NEXT_PUBLIC_API_URL ?? 'http://localhost:8000'",
    publicApiUrlImport: '',
    publicApiUrlHow: 'inlined into the client bundle at build time',
    webDevCommand: WEB_DEV_COMMAND,
    // better-auth 1.7 depends on @noble/hashes and @noble/ciphers 2.x, which declare Node >=20.19.
    nodeEngines: '>=20.19',
    esm: false,
    stylesheetPath: 'app/globals.css',
    spaOnOtherOrigin: false,
    serverSetsForwardedFor: false,
    bffRoute: 'app/api/bff',
    authClientModule: 'better-auth/react',
    rendersOnServer: true,
    apiInAuthServer: false,
    privateEnv: 'process.env',
  },
  features: [
    {
      id: 'next-app',
      templateDirs: () => ['next', 'stylesheet', 'auth-config', 'db-migrate'],
      dependencies: () => ['better-auth', 'next', 'react', 'react-dom', 'jose', 'kysely'],
      devDependencies: () => ['typescript', 'tsx', '@types/node', '@types/react', '@types/react-dom'],
      scripts: (options) => ({
        // With a separate API server, `dev` starts both (see the backend feature).
        ...(apiInApp(options) ? { dev: WEB_DEV_COMMAND } : {}),
        build: 'next build',
        start: 'next start',
        typecheck: 'tsc --noEmit',
        'db:migrate': 'tsx scripts/migrate.ts',
      }),
      env: () => [...CORE_ENV],
      nextSteps: migrateAndStart,
    },
    {
      // The protected API as route handlers in the same app (`--backend next`).
      id: 'next-api',
      when: apiInApp,
      templateDirs: () => ['next-api', 'verify-token'],
    },
    {
      // Token storage "cookie": the /api/bff route handing calls to lib/bff.ts (features/api-client.ts).
      id: 'next-bff',
      when: (options) => options.storage === 'cookie',
      templateDirs: () => ['bff'],
    },
  ],
});
