// The features a project is assembled from, in the order their files and variables appear.
import { collectEnvVars } from '../env/assemble.js';
import type { EnvVar } from '../env/types.js';
import type { ProjectOptions } from '../options/choices.js';
import { apiClient, backendForFrontend, tokenClient } from './api-client.js';
import { backendServer } from './backend.js';
import { database } from './database.js';
import { envTooling } from './env-tooling.js';
import { FRAMEWORK_MODULES } from './frameworks.js';
import { oauthProviders } from './oauth.js';
import { safeRedirect } from './safe-redirect.js';
import type { Feature } from './types.js';

export const FEATURES: readonly Feature[] = [
  ...FRAMEWORK_MODULES.flatMap((m) => m.features),
  safeRedirect,
  database,
  oauthProviders,
  apiClient,
  tokenClient,
  backendForFrontend,
  backendServer,
  envTooling,
];

/** The env registry of a project with these options (variables its features read). */
export function envVarsFor(options: ProjectOptions): EnvVar[] {
  return collectEnvVars(FEATURES.filter((f) => f.applies(options)).map((f) => f.env?.(options) ?? []));
}
