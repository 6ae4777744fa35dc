// What differs between the frameworks where shared features meet them: how the browser reads
// the public API URL of a separate backend, how the dev runner starts the app, and what the
// generated package.json declares. Each framework's own files live in its feature module.
import type { Framework } from '../options/choices.js';

export interface FrameworkProfile {
  /** Human name, e.g. "SvelteKit". */
  label: string;
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
}

export const FRAMEWORK_PROFILES: Readonly<Record<Framework, FrameworkProfile>> = {
  next: {
    label: 'Next.js',
    publicApiUrlVar: 'NEXT_PUBLIC_API_URL',
    publicApiUrlExpression: "process.env.NEXT_PUBLIC_API_URL ?? 'http://localhost:8000'",
    publicApiUrlImport: '',
    publicApiUrlHow: 'inlined into the client bundle at build time',
    webDevCommand: 'next dev',
    // better-auth 1.7 depends on @noble/hashes and @noble/ciphers 2.x, which declare Node >=20.19.
    nodeEngines: '>=20.19',
    esm: false,
    stylesheetPath: 'app/globals.css',
    spaOnOtherOrigin: false,
    serverSetsForwardedFor: false,
    bffRoute: 'app/api/bff',
    authClientModule: 'better-auth/react',
    rendersOnServer: true,
  },
  'react-vite': {
    label: 'React + Vite',
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
  },
  sveltekit: {
    label: 'SvelteKit',
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
  },
  nuxt: {
    label: 'Nuxt',
    publicApiUrlVar: 'NUXT_PUBLIC_API_URL',
    // Nuxt maps NUXT_PUBLIC_API_URL onto runtimeConfig.public.apiUrl at run time. The api-client
    // template reads it per call: useRuntimeConfig() needs the running Nuxt app, which module
    // scope does not have.
    publicApiUrlExpression: "useRuntimeConfig().public.apiUrl || 'http://localhost:8000'",
    publicApiUrlImport: "import { useRuntimeConfig } from '#imports';",
    publicApiUrlHow: 'runtimeConfig.public.apiUrl, read at run time',
    webDevCommand: 'nuxt dev --port 3000',
    nodeEngines: '>=20.19',
    esm: true,
    stylesheetPath: 'app/assets/main.css',
    spaOnOtherOrigin: false,
    serverSetsForwardedFor: true,
    bffRoute: 'server/api/bff',
    authClientModule: 'better-auth/vue',
    rendersOnServer: true,
  },
};
