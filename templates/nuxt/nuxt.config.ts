// https://nuxt.com/docs/4.x/api/nuxt-config
// Layout: pages, components and route middleware in app/ (Nuxt 4's srcDir, alias ~/); the API
// in server/ (Nitro). Code both sides share with the other frameworks' projects stays in lib/
// at the project root and is imported as ~~/lib/...: lib/auth.ts, db.ts, auth-config.ts and
// verify-token.ts run on the server only; lib/auth-client.ts, token-manager.ts and
// api-client.ts are the browser's.
export default defineNuxtConfig({
  compatibilityDate: '2025-07-15',
  // No anonymous usage reports (and no prompt asking for them).
  telemetry: false,
  devtools: { enabled: false },
  css: ['~/assets/main.css'],
  runtimeConfig: {
    // Public: sent to the browser. Nuxt fills it from NUXT_PUBLIC_API_URL at run time.
    public: { apiUrl: '' },
  },
  typescript: {
    strict: true,
    // `npm run typecheck` covers scripts/migrate.ts (plain Node) too.
    nodeTsConfig: { include: ['../scripts/**/*.ts'], compilerOptions: { types: ['node'] } },
  },
});
