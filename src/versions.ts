// Every package a generated project can depend on, pinned. Features name packages by key,
// so no feature can add an unpinned dependency. Pins are chosen to run on Node 20.19+:
// better-sqlite3 13 and kysely 0.29 need Node 22, and typescript 7 has no compiler API
// that Next.js can use.

export const PINNED_VERSIONS = {
  'better-auth': '1.7.25',
  next: '16.4.6',
  react: '19.3.1',
  'react-dom': '19.3.1',
  jose: '6.2.18',
  axios: '1.21.1',
  'better-sqlite3': '12.6.2',
  // better-auth accepts kysely ^0.28.17 || ^0.29.0; npm would pick 0.29, which needs Node 22.
  kysely: '0.28.19',
  pg: '8.23.1',
  mysql2: '3.24.6',
  typescript: '5.9.3',
  tsx: '4.23.15',
  '@types/node': '20.19.43',
  '@types/react': '19.3.0',
  '@types/react-dom': '19.3.0',
  '@types/better-sqlite3': '7.6.13',
  '@types/pg': '8.15.6',
  // Separate Node backends (backend/package.json).
  express: '5.3.0',
  cors: '2.8.6',
  '@types/express': '5.0.6',
  '@types/cors': '2.8.19',
  hono: '4.13.19',
  '@hono/node-server': '2.1.9',
  fastify: '5.12.8',
  '@fastify/cors': '11.4.3',
  // --framework react-vite: Vite 8 and its React plugin need Node ^20.19 || >=22.12, so those
  // projects declare engines >=20.19.
  vite: '8.3.8',
  '@vitejs/plugin-react': '6.3.0',
  // --framework sveltekit: Kit 3 needs Node 22, so the latest 2.x; vite-plugin-svelte 7 runs on
  // Vite 8 (pinned above) and Node ^20.19; adapter-node 6 needs Kit 3, so 5.x.
  '@sveltejs/kit': '2.70.4',
  svelte: '5.57.3',
  '@sveltejs/vite-plugin-svelte': '7.3.1',
  '@sveltejs/adapter-node': '5.5.7',
  'svelte-check': '4.7.8',
  // --framework nuxt: Nuxt 4.5+ needs Node 22; 4.4.2 runs on ^20.19. vue-router 5.4+ depends on
  // ast-walker-scope 0.10, @babel/parser 8 and chokidar 6, which need Node 22, so 5.3.1 (Nuxt
  // asks for ^5.0.3). vue-tsc type-checks the .vue files (`npm run typecheck`).
  nuxt: '4.4.2',
  vue: '3.5.45',
  'vue-router': '5.3.1',
  'vue-tsc': '3.3.14',
  // bun builds native addons (better-sqlite3 when no prebuilt binary is reachable) with
  // node-gyp@latest unless the project has one: node-gyp 13 crashes on Node 20 and 12 needs
  // 20.17; 11.x runs on ^18.17 || >=20.5. A devDependency of bun projects that use SQLite.
  'node-gyp': '11.5.0',
} as const;

export type PinnedPackage = keyof typeof PINNED_VERSIONS;

/**
 * Dependencies whose install scripts a project needs, with the pinned packages that bring
 * them in: better-sqlite3 fetches or compiles its native addon, esbuild (under tsx and Nuxt)
 * checks its platform binary. pnpm and bun run no dependency's install script unless it is
 * listed; npm 11 warns about unlisted ones and will block them.
 */
export const INSTALL_SCRIPTS: Readonly<Record<string, readonly PinnedPackage[]>> = {
  'better-sqlite3': ['better-sqlite3'],
  esbuild: ['tsx', 'nuxt'],
};

/**
 * Pins that must hold for dependencies of dependencies too, because a range above ours admits
 * a release that needs Node 22: better-auth asks for kysely `^0.28.17 || ^0.29.0`, Nuxt for
 * vue-router `^5.0.3`. npm dedupes onto our direct pin; yarn resolves each range on its own.
 */
export const TRANSITIVE_PINS: readonly PinnedPackage[] = ['kysely', 'vue-router'];

/**
 * Packages a project never depends on directly, held below what a dependency's range would
 * pick because the newer releases need Node 22, with the pinned packages that bring them in.
 */
export const TRANSITIVE_ONLY_PINS: Readonly<Record<string, { version: string; under: readonly PinnedPackage[] }>> = {
  // fastify 5.12 asks for light-my-request ^6; 6.8 depends on cookie ^2, which needs Node 22.
  'light-my-request': { version: '6.6.0', under: ['fastify'] },
};

/**
 * Dependencies of dependencies that declare a newer Node than the project and have no release
 * that does not: nitropack 2.13 (Nuxt 4.4) asks for rollup-plugin-visualizer ^7.1.1, and every
 * 6.x/7.x release declares Node >=22. Nitro loads it only for `nuxt analyze`, so the app runs
 * on Node 20; npm only warns, but yarn classic refuses to install, so a yarn project gets a
 * .yarnrc that stops enforcing engines. test/pm/engines.test.ts keeps every other package honest.
 */
export const ENGINE_EXCEPTIONS: Readonly<Record<string, { under: readonly PinnedPackage[]; why: string }>> = {
  'rollup-plugin-visualizer': { under: ['nuxt'], why: 'needs Node 22 in every release nitropack accepts; loaded only by `nuxt analyze`' },
};
