import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests have their own config (test/e2e/vitest.config.ts).
    exclude: ['**/node_modules/**', 'test/e2e/**', 'test/fixtures/**', 'test/.cache/**'],
    testTimeout: 30_000,
  },
});
