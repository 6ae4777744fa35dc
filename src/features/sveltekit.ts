// `--framework sveltekit`: a SvelteKit 2 app (Svelte 5, adapter-node) hosting Better Auth in
// src/hooks.server.ts (svelteKitHandler), with the login/signup/dashboard pages, the
// server-side session check on /dashboard, and either the protected API as its own server
// routes (--backend sveltekit) or a separate server in backend/ (features/backend.ts).
// Shared with the other frameworks: lib/auth-config.ts, lib/db.ts, lib/verify-token.ts,
// lib/token-manager.ts, lib/api-client.ts and scripts/migrate.ts, all in the project-root lib/
// (imported as `@/lib/...`), because the migrate script runs them outside SvelteKit.
import type { EnvVar } from '../env/types.js';
import { svelteKitExistingApp } from '../existing-app/sveltekit.js';
import { CORE_ENV } from './core-env.js';
import { apiInApp, defineFramework, migrateAndStart } from './define-framework.js';

const APP_URL = 'http://localhost:3000';

const SVELTEKIT_ENV: readonly EnvVar[] = [
  {
    name: 'ORIGIN',
    group: 'SvelteKit (adapter-node)',
    description:
      'Public origin of the app in production (`npm start`): adapter-node builds request URLs from it, so it must match the BETTER_AUTH_URL origin. `vite dev` does not need it.',
    required: true,
    kind: 'http-url',
    example: APP_URL,
    localDefault: APP_URL,
    usedBy: ['backend'],
    secret: false,
  },
];

export const sveltekitFramework = defineFramework({
  id: 'sveltekit',
  label: 'SvelteKit',
  existingApp: svelteKitExistingApp,
  profile: {
    publicApiUrlVar: 'PUBLIC_API_URL',
    publicApiUrlExpression: "publicEnv.PUBLIC_API_URL || 'http://localhost:8000'",
    publicApiUrlImport: "import { env as publicEnv } from '$env/dynamic/public';",
    publicApiUrlHow: 'read at run time through $env/dynamic/public',
    webDevCommand: 'vite dev --port 3000 --strictPort',
    // Vite 8 (under SvelteKit) needs Node ^20.19.
    nodeEngines: '>=20.19',
    esm: true,
    stylesheetPath: 'src/app.css',
    spaOnOtherOrigin: false,
    serverSetsForwardedFor: true,
    bffRoute: 'src/routes/api/bff',
    authClientModule: 'better-auth/svelte',
    rendersOnServer: true,
    apiInAuthServer: false,
    privateEnv: 'env',
  },
  features: [
    {
      id: 'sveltekit',
      templateDirs: (options) => [
        'sveltekit',
        'stylesheet',
        'auth-config',
        'db-migrate',
        ...(apiInApp(options) ? ['sveltekit-api', 'verify-token'] : []),
        // Cookie storage: the backend-for-frontend route that mints the JWT on the server.
        ...(options.storage === 'cookie' ? ['sveltekit-bff'] : []),
      ],
      // adapter-node leaves `dependencies` out of the server bundle (loaded from node_modules at
      // run time: better-sqlite3 is native); the Svelte toolchain is only needed to build.
      dependencies: () => ['better-auth', 'jose', 'kysely'],
      devDependencies: () => [
        '@sveltejs/kit',
        '@sveltejs/adapter-node',
        '@sveltejs/vite-plugin-svelte',
        'svelte',
        'svelte-check',
        'typescript',
        'vite',
        'tsx',
        '@types/node',
      ],
      scripts: (options) => ({
        // With a separate API server, `dev` starts both (see the backend feature). Alone, plain
        // `vite dev`: vite.config.ts already pins port 3000 (strictPort), which the dev runner
        // (profile.webDevCommand) repeats on its command line.
        ...(apiInApp(options) ? { dev: 'vite dev' } : {}),
        build: 'vite build',
        start: 'node scripts/start.js',
        preview: 'vite preview',
        prepare: 'svelte-kit sync || echo ""',
        typecheck: 'svelte-kit sync && svelte-check --tsconfig ./tsconfig.json --fail-on-warnings',
        'db:migrate': 'tsx scripts/migrate.ts',
      }),
      env: () => [...CORE_ENV, ...SVELTEKIT_ENV],
      nextSteps: migrateAndStart,
    },
  ],
});
