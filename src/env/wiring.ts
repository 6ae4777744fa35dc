// The one place where env commands meet the feature modules. Kept separate so that the
// registry logic takes `envVarsFor` as a parameter (tests pass fixtures) and so that the
// feature modules load only when an env command runs.
import type { EnvVarsFor } from './registry.js';

export async function loadEnvVarsFor(): Promise<EnvVarsFor> {
  const { envVarsFor } = await import('../features/index.js');
  return envVarsFor;
}
