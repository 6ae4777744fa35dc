import { defineConfig } from 'vitest/config';

// End to end: real installs, `next build`, `next start` and headless Chromium. Two files run at
// a time: much of each is waiting (token expiry, rate-limit windows), which the other file's
// work fills on CI's 2 cores; every file has its own project, free ports and browser. Tests in a
// file share one signed-in browser session and run in order.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.test.ts'],
    maxWorkers: 2,
    testTimeout: 90_000,
    hookTimeout: 25 * 60_000,
    teardownTimeout: 60_000,
    // A flaky browser step should be visible, not retried away.
    retry: 0,
    // Lists the suites skipped for a missing prerequisite at the end of the run (fails in CI instead).
    globalSetup: ['test/helpers/prerequisites-summary.ts'],
  },
});
