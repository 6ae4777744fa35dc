// Files that are not the app: tests, test-runner and linter configs, CI, scripts/. A variable
// only they read is set where they run (a CI job, a developer's shell), so leaving it out of
// .env.example is worth a warning, not an error.
//
// Build configs the app is built or served by (next.config, nuxt.config, vite.config,
// svelte.config, astro.config) are app code: what they read shapes the app itself.

/** A directory anywhere in the path that holds only tests or tooling. */
const TOOLING_DIRS = new Set(['test', 'tests', '__tests__', '__mocks__', 'e2e', 'cypress', 'playwright', 'scripts', '.github', '.husky', '.storybook']);

/** Base names of test files and of configs for test runners, linters and formatters. */
const TOOLING_FILE = /(?:\.(?:test|spec|e2e|stories)\.[cm]?[jt]sx?$|^(?:playwright|vitest|vitest\.workspace|jest|jest\.setup|cypress|eslint|prettier|stylelint|commitlint|lint-staged)\.config\.[cm]?[jt]s$|^(?:jest\.setup|vitest\.setup|setupTests)\.[cm]?[jt]sx?$|^\.eslintrc\.[cm]?js$|^conftest\.py$|^test_\w*\.py$|_test\.py$)/;

/** `rel`: a path relative to the project, forward slashes. */
export function isToolingFile(rel: string): boolean {
  const parts = rel.split('/');
  const base = parts.pop() as string;
  return TOOLING_FILE.test(base) || parts.some((p) => TOOLING_DIRS.has(p));
}
