import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests have their own config (test/e2e/vitest.config.ts).
    exclude: ['**/node_modules/**', 'test/e2e/**', 'test/pm/install/**', 'test/fixtures/**', 'test/.cache/**'],
    testTimeout: 30_000,
    // Lists the suites skipped for a missing prerequisite at the end of the run (fails in CI instead).
    globalSetup: ['test/helpers/prerequisites-summary.ts'],
  },
});
