// SvelteKit configuration. adapter-node builds a standalone Node server into build/
// (`npm start` runs it through scripts/start.js, which loads .env first).
import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter(),
    // `@/lib/...`: the project-root lib/ folder, shared with scripts/migrate.ts (plain Node).
    // Server-only code that needs SvelteKit ($env) lives in src/lib/server/ ($lib/server).
    alias: { '@': '.' },
    typescript: {
      // Type-check the root lib/ and scripts/ folders too (`npm run typecheck`).
      config: (tsconfig) => {
        tsconfig.include.push('../lib/**/*.ts', '../scripts/**/*.ts');
        return tsconfig;
      },
    },
  },
};

export default config;
