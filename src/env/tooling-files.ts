// Files that are not the app: tests, test-runner and linter configs, CI, scripts/, compose
// files. A variable only they read is set where they run (a CI job, a developer's shell, a
// container), so leaving it out of .env.example is worth a warning, not an error.
//
// The configs of the frameworks that define the app's runtime configuration (next.config's env,
// nuxt.config's runtimeConfig, svelte.config, astro.config) are app code. vite.config and
// react-router.config are build tooling: the app's own settings reach the code through
// import.meta.env or the server, and what these configs read are build switches (ANALYZE,
// BUILD_UMD, a dev proxy target, a Sentry upload token).

import { readdirSync } from 'node:fs';
import path from 'node:path';

/** A directory anywhere in the path that holds only tests or tooling. */
const TOOLING_DIRS = new Set(['test', 'tests', '__tests__', '__mocks__', 'e2e', 'cypress', 'playwright', 'scripts', '.github', '.husky', '.storybook', 'remix.init']);

/** Base names of test files and of configs for test runners, linters and formatters. */
const TOOLING_FILE = new RegExp(
  [
    String.raw`\.(?:test|spec|e2e|stories)\.[cm]?[jt]sx?$`,
    // test runners, linters, bundlers of libraries, database migration tools (vitest.integration.config.mts too)
    String.raw`^(?:playwright|vitest|jest|cypress|eslint|prettier|stylelint|commitlint|lint-staged|vite|react-router|tsup|rollup|webpack|esbuild|prisma|drizzle)(?:\.[\w-]+)?\.config\.[cm]?[jt]s$`,
    String.raw`^(?:jest\.setup|vitest\.setup|setupTests|setup-tests|test-setup|global-setup|globalSetup|global-teardown|seed)\.[cm]?[jt]sx?$`,
    String.raw`^\.eslintrc\.[cm]?js$`,
    String.raw`^(?:conftest|test_\w*|\w+_test|seed)\.py$`,
    // docker compose: what it interpolates configures containers (deployment), not the app's code
    String.raw`^(?:docker-)?compose(?:[.-][\w.-]+)?\.ya?ml$`,
    // LiteFS: what its config expands configures the replicated-SQLite mount (deployment)
    String.raw`^litefs\.ya?ml$`,
  ].join('|'),
);

/** A set-up file by name only: it is test tooling when test files sit beside it. */
const SETUP_FILE = /^(?:setup|teardown)\.[cm]?[jt]sx?$/;
const TEST_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$/;

/** `rel`: a path relative to the project, forward slashes. */
export function isToolingFile(rel: string): boolean {
  const parts = rel.split('/');
  const base = parts.pop() as string;
  return TOOLING_FILE.test(base) || parts.some((p) => TOOLING_DIRS.has(p));
}

/**
 * isToolingFile, and also a `setup.ts`/`teardown.ts` in a directory holding test files
 * (formbricks' integration/setup.ts, a vitest setupFiles entry); directories read once.
 */
export function toolingFiles(root: string): (rel: string) => boolean {
  const hasTests = new Map<string, boolean>();
  return (rel) => {
    if (isToolingFile(rel)) return true;
    if (!SETUP_FILE.test(path.posix.basename(rel))) return false;
    const dir = path.posix.dirname(rel);
    let found = hasTests.get(dir);
    if (found === undefined) {
      try {
        found = readdirSync(path.join(root, dir)).some((n) => TEST_FILE.test(n));
      } catch {
        found = false;
      }
      hasTests.set(dir, found);
    }
    return found;
  };
}
