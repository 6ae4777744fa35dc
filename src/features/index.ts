// The features a project is assembled from, in the order their files and variables appear.
import type { EnvVar } from '../env/types.js';
import type { ProjectOptions } from '../options/choices.js';
import { apiClient, backendForFrontend, tokenClient } from './api-client.js';
import { database } from './database.js';
import { nextApp } from './next-app.js';
import { oauthProviders } from './oauth.js';
import type { Feature } from './types.js';

export const FEATURES: readonly Feature[] = [nextApp, database, oauthProviders, apiClient, tokenClient, backendForFrontend];

/** The env registry of a project with these options (variables its features read). */
export function envVarsFor(options: ProjectOptions): EnvVar[] {
  const seen = new Set<string>();
  const vars: EnvVar[] = [];
  for (const feature of FEATURES) {
    if (!feature.applies(options)) continue;
    for (const v of feature.env?.(options) ?? []) {
      if (seen.has(v.name)) continue;
      seen.add(v.name);
      vars.push(v);
    }
  }
  return vars;
}
