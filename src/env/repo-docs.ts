// This repository's own env documentation: its `.env.example` and the README env table
// document the default generated project's app variables (the root `.env`). Rendered by
// scripts/sync-env-docs.mjs; test/unit/repo-env-example.test.ts fails when they drift.
import type { ProjectOptions } from '../options/choices.js';
import { defaultProjectOptions } from '../options/schema.js';
import type { EnvVarsFor } from './registry.js';
import { DEFAULT_ENV_FILE, envFileOf, renderEnvExample, renderEnvTable } from './render.js';
import type { EnvVar } from './types.js';

/** What `create-better-auth-jwt my-app --yes` generates. */
export const DEFAULT_PROJECT_OPTIONS: ProjectOptions = defaultProjectOptions('my-app');

export const SYNC_ENV_DOCS_COMMAND = 'node scripts/sync-env-docs.mjs';

/** The root `.env` variables of the default project. */
export function repoEnvVars(envVarsFor: EnvVarsFor): EnvVar[] {
  return envVarsFor(DEFAULT_PROJECT_OPTIONS).filter((v) => envFileOf(v) === DEFAULT_ENV_FILE);
}

/** The repository's `.env.example` and README env table (markers included). */
export function repoEnvDocs(envVarsFor: EnvVarsFor): { example: string; table: string } {
  const vars = repoEnvVars(envVarsFor);
  return { example: renderEnvExample(vars), table: renderEnvTable(vars) };
}
