import { defineConfig } from 'vitest/config';

// Real installs with pnpm, yarn and bun (test/pm/install): one project per manager, in
// sequence. Kept out of the unit run (vitest.config.ts) and run on its own by .ci/run.
export default defineConfig({
  test: {
    root: new URL('../../..', import.meta.url).pathname,
    include: ['test/pm/install/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 25 * 60_000,
    hookTimeout: 20 * 60_000,
    retry: 0,
  },
});
