// Writes a project from plan() + the real writer: exactly what the CLI would write for these
// options (same plan with the real features, same writer, fresh .env secret), in this process.
// The framework helpers (react-vite-project.ts, sveltekit-project.ts) are thin names for it.
import type { Backend, Framework, ProjectOptions } from '../../src/options/choices.js';
import { defaultProjectOptions } from '../../src/options/schema.js';
import { diskTemplateStore } from '../../src/plan/disk-store.js';
import { FEATURES } from '../../src/plan/features.js';
import { plan, type Plan } from '../../src/plan/plan.js';
import { apply } from '../../src/writer/apply.js';

export type ProjectOverrides = Partial<Pick<ProjectOptions, 'backend' | 'storage' | 'http' | 'db' | 'providers'>>;

/** The backend a framework's tests get unless they name one: its own server, or Hono for the SPA. */
const DEFAULT_BACKEND: Record<Framework, Backend> = { next: 'next', 'react-vite': 'hono', sveltekit: 'sveltekit', nuxt: 'nuxt' };

export function projectPlan(name: string, framework: Framework, overrides: ProjectOverrides = {}): Plan {
  const options: ProjectOptions = { ...defaultProjectOptions(name), framework, backend: DEFAULT_BACKEND[framework], ...overrides };
  return plan(options, FEATURES, diskTemplateStore());
}

/** Writes the project into `dir` (absent or empty), named after the folder, and returns the plan. */
export async function writeProject(dir: string, framework: Framework, overrides: ProjectOverrides = {}): Promise<Plan> {
  const name = dir.split('/').filter(Boolean).at(-1) ?? `${framework}-app`;
  const p = projectPlan(name, framework, overrides);
  await apply(p, { dir, dryRun: false, force: false, interactive: false, handleSignals: false });
  return p;
}
