// The variables a user documented in an `.env.example` of a project of ours that its options
// do not declare: a re-run keeps them in the docs, exactly as `gen env` does.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { envVarsFor } from '../features/index.js';
import { exampleFileOf, generatorKeys, mergeWithExample, parseExample, registryFor } from '../env/registry.js';
import { varsByFile } from '../env/render.js';
import type { EnvVar } from '../env/types.js';
import type { ProjectOptions } from '../options/choices.js';

export function keptExampleVars(root: string, options: ProjectOptions, declared: readonly EnvVar[]): EnvVar[] {
  const registry = registryFor({ options, env: { declared: [...declared] } }, envVarsFor);
  const owned = generatorKeys(options, envVarsFor);
  const kept: EnvVar[] = [];
  for (const [file, vars] of varsByFile(registry)) {
    let text: string;
    try {
      text = readFileSync(path.join(root, exampleFileOf(file)), 'utf8');
    } catch {
      continue;
    }
    kept.push(...mergeWithExample(vars, parseExample(text), owned, file).kept);
  }
  return kept;
}
