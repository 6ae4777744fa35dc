// `--framework nuxt`: a Nuxt 4 app (pages, route middleware, Nitro server routes) hosting
// Better Auth at /api/auth/* and, with `--backend nuxt`, the JWT-protected API at
// /api/users/me. Shared with the other frameworks: lib/auth-config.ts, lib/verify-token.ts,
// lib/db.ts, lib/token-manager.ts, lib/api-client.ts and scripts/migrate.ts (lib/ stays at
// the project root, imported as ~~/lib/...; see nuxt.config.ts).
import { nuxtExistingApp } from '../existing-app/nuxt.js';
import { CORE_ENV } from './core-env.js';
import { apiInApp, defineFramework, migrateAndStart } from './define-framework.js';

const WEB_DEV_COMMAND = 'nuxt dev --port 3000';

export const nuxtFramework = defineFramework({
  id: 'nuxt',
  label: 'Nuxt',
  existingApp: nuxtExistingApp,
  profile: {
    publicApiUrlVar: 'NUXT_PUBLIC_API_URL',
    // Nuxt maps NUXT_PUBLIC_API_URL onto runtimeConfig.public.apiUrl at run time. The api-client
    // template reads it per call: useRuntimeConfig() needs the running Nuxt app, which module
    // scope does not have.
    publicApiUrlExpression: "useRuntimeConfig().public.apiUrl || 'http://localhost:8000'",
    publicApiUrlImport: "import { useRuntimeConfig } from '#imports';",
    publicApiUrlHow: 'runtimeConfig.public.apiUrl, read at run time',
    webDevCommand: WEB_DEV_COMMAND,
    nodeEngines: '>=20.19',
    esm: true,
    stylesheetPath: 'app/assets/main.css',
    spaOnOtherOrigin: false,
    serverSetsForwardedFor: true,
    bffRoute: 'server/api/bff',
    authClientModule: 'better-auth/vue',
    rendersOnServer: true,
    apiInAuthServer: false,
    privateEnv: 'process.env',
  },
  features: [
    {
      id: 'nuxt',
      templateDirs: (options) => [
        'nuxt',
        'stylesheet',
        'auth-config',
        'db-migrate',
        ...(apiInApp(options) ? ['nuxt-api', 'verify-token'] : []),
        ...(options.storage === 'cookie' ? ['nuxt-bff'] : []),
      ],
      dependencies: () => ['better-auth', 'nuxt', 'vue', 'vue-router', 'jose', 'kysely'],
      devDependencies: () => ['typescript', 'vue-tsc', 'tsx', '@types/node'],
      scripts: (options) => ({
        // With a separate API server, `dev` starts both (see the backend feature).
        ...(apiInApp(options) ? { dev: WEB_DEV_COMMAND } : {}),
        build: 'nuxt build',
        // Loads .env (the built server reads only the real environment), then .output/server.
        start: 'node scripts/start.mjs',
        postinstall: 'nuxt prepare',
        typecheck: 'nuxt prepare && vue-tsc -b --noEmit',
        'db:migrate': 'tsx scripts/migrate.ts',
      }),
      env: () => [...CORE_ENV],
      nextSteps: migrateAndStart,
    },
  ],
});
