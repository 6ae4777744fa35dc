import { defineConfig } from 'vitest/config';

// End to end: real installs, `next build`, `next start` and headless Chromium. Files run one
// after another (each builds and serves a project); tests in a file share one signed-in
// browser session and run in order.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 25 * 60_000,
    teardownTimeout: 60_000,
    // A flaky browser step should be visible, not retried away.
    retry: 0,
    // Lists the suites skipped for a missing prerequisite at the end of the run (fails in CI instead).
    globalSetup: ['test/helpers/prerequisites-summary.ts'],
  },
});
