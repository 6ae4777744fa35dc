// The one place a project's variable list is assembled, for the plan (create), the env
// registry (gen env, check env) and a re-run's kept variables: the features' variables, each
// once per env file, then the user's declarations, then what the user documented only in an
// `.env.example`. A variable is identified by its env file and name (envVarKey): BETTER_AUTH_URL
// of `.env` and of `backend/.env` are two variables.
import { envVarKey } from './render.js';
import type { EnvVar } from './types.js';

/** The features' variables in order, each once per env file (the first declaration wins). */
export function collectEnvVars(lists: Iterable<readonly EnvVar[]>): EnvVar[] {
  const seen = new Set<string>();
  const vars: EnvVar[] = [];
  for (const list of lists) {
    for (const v of list) {
      const key = envVarKey(v);
      if (seen.has(key)) continue;
      seen.add(key);
      vars.push(v);
    }
  }
  return vars;
}

export interface ProjectEnvVars {
  /** What the env files get: ours, with the user's declarations replacing or following them. */
  env: EnvVar[];
  /** `env` plus the variables documented only in an `.env.example`: what the docs list. */
  documented: EnvVar[];
}

/**
 * The project's variables from the features' (`ours`, collectEnvVars()), the manifest's
 * `env.declared` (a declaration replaces ours or follows them) and the variables the user
 * documented only in an `.env.example` (`kept`: listed last, in the docs only).
 */
export function projectEnvVars(ours: readonly EnvVar[], user: { declared?: readonly EnvVar[] | undefined; kept?: readonly EnvVar[] | undefined } = {}): ProjectEnvVars {
  const env = [...ours];
  for (const d of user.declared ?? []) {
    const at = env.findIndex((v) => envVarKey(v) === envVarKey(d));
    if (at === -1) env.push(d);
    else env[at] = d;
  }
  const documented = [...env];
  for (const k of user.kept ?? []) if (!documented.some((v) => envVarKey(v) === envVarKey(k))) documented.push(k);
  return { env, documented };
}
