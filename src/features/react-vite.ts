// `--framework react-vite`: a React SPA built with Vite (react-vite-web) plus a small Node auth
// server (react-vite-server, with react-vite-hono or react-vite-express as `--backend` chooses)
// hosting Better Auth and the JWT-protected API. Shared with
// the Next.js app: lib/auth-config.ts, lib/verify-token.ts, lib/db.ts, lib/token-manager.ts,
// lib/api-client.ts and scripts/migrate.ts. The SPA reads only VITE_ variables (public).
import type { EnvVar } from '../env/types.js';
import type { ProjectOptions } from '../options/choices.js';
import type { PinnedPackage } from '../versions.js';
import { reactViteExistingApp } from '../existing-app/react-vite.js';
import { CORE_ENV } from './core-env.js';
import { defineFramework, migrateAndStart } from './define-framework.js';

const AUTH_SERVER_URL = 'http://localhost:3000';
const VITE_DEV_URL = 'http://localhost:5173';

const REACT_VITE_ENV: readonly EnvVar[] = [
  {
    name: 'CORS_ORIGIN',
    group: 'Auth server',
    description:
      'Origin(s) of the SPA, comma-separated: allowed by CORS and trusted by Better Auth for cookie-bearing requests (the Vite dev server in development). With NODE_ENV=production the server refuses to start without it.',
    required: true,
    kind: 'string',
    example: VITE_DEV_URL,
    localDefault: VITE_DEV_URL,
    usedBy: ['backend'],
    secret: false,
  },
  {
    name: 'PORT',
    group: 'Auth server',
    description: 'Port the auth server listens on.',
    required: false,
    kind: 'string',
    example: '3000',
    localDefault: '3000',
    usedBy: ['backend'],
    secret: false,
  },
  {
    name: 'VITE_API_URL',
    group: 'SPA (public, inlined by Vite)',
    description:
      'URL of the auth server, which also serves the API; the SPA calls it from the browser. Public: every VITE_ variable ends up in the bundle, so never a secret.',
    required: true,
    kind: 'http-url',
    example: AUTH_SERVER_URL,
    localDefault: AUTH_SERVER_URL,
    usedBy: ['frontend'],
    secret: false,
  },
];

/** The Node server that hosts Better Auth and the API: `--backend hono` (default) or `express`. */
const AUTH_SERVERS = {
  hono: { packages: ['hono', '@hono/node-server'], typePackages: [] },
  express: { packages: ['express', 'cors'], typePackages: ['@types/express', '@types/cors'] },
} as const satisfies Record<string, { packages: PinnedPackage[]; typePackages: PinnedPackage[] }>;

function authServer(options: ProjectOptions): keyof typeof AUTH_SERVERS {
  return options.backend === 'express' ? 'express' : 'hono';
}

export const reactViteFramework = defineFramework({
  id: 'react-vite',
  label: 'React + Vite',
  existingApp: reactViteExistingApp,
  profile: {
    publicApiUrlVar: 'VITE_API_URL',
    publicApiUrlExpression: "import.meta.env.VITE_API_URL ?? 'http://localhost:3000'",
    publicApiUrlImport: '',
    publicApiUrlHow: 'inlined by Vite at build time',
    webDevCommand: 'vite',
    // Vite 8 needs Node ^20.19.
    nodeEngines: '>=20.19',
    esm: true,
    stylesheetPath: 'src/styles.css',
    spaOnOtherOrigin: true,
    serverSetsForwardedFor: true,
    bffRoute: '',
    authClientModule: 'better-auth/react',
    rendersOnServer: false,
    apiInAuthServer: true,
    privateEnv: 'process.env',
  },
  features: [
    {
      id: 'react-vite',
      templateDirs: (options) => ['react-vite-web', 'stylesheet', 'react-vite-server', `react-vite-${authServer(options)}`, 'auth-config', 'verify-token', 'db-migrate'],
      dependencies: (options) => ['better-auth', 'react', 'react-dom', 'jose', 'kysely', 'tsx', ...AUTH_SERVERS[authServer(options)].packages],
      devDependencies: (options) => ['typescript', 'vite', '@vitejs/plugin-react', '@types/node', '@types/react', '@types/react-dom', ...AUTH_SERVERS[authServer(options)].typePackages],
      scripts: () => ({
        dev: 'node scripts/dev.mjs',
        'dev:web': 'vite',
        'dev:api': 'tsx watch server/index.ts',
        build: 'vite build',
        start: 'tsx server/index.ts',
        preview: 'vite preview',
        typecheck: 'tsc --noEmit',
        'db:migrate': 'tsx scripts/migrate.ts',
      }),
      env: () => [...CORE_ENV, ...REACT_VITE_ENV],
      nextSteps: migrateAndStart,
    },
  ],
});
