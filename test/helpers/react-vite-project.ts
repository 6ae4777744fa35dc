// Writes a `--framework react-vite` project from plan() + the real writer. Until react-vite is
// selectable on the command line (FRAMEWORKS), this is how its tests generate projects; the
// files are exactly what the CLI would write (same plan, same writer, fresh .env secrets).
import type { ProjectOptions } from '../../src/options/choices.js';
import { defaultProjectOptions } from '../../src/options/schema.js';
import { diskTemplateStore } from '../../src/plan/disk-store.js';
import { FEATURES } from '../../src/plan/features.js';
import { plan, type Plan } from '../../src/plan/plan.js';
import { apply } from '../../src/writer/apply.js';

export type ReactViteOptions = Partial<Pick<ProjectOptions, 'backend' | 'storage' | 'http' | 'db' | 'providers'>>;

export function reactVitePlan(name: string, overrides: ReactViteOptions = {}): Plan {
  const options: ProjectOptions = { ...defaultProjectOptions(name), framework: 'react-vite', backend: 'hono', ...overrides };
  return plan(options, FEATURES, diskTemplateStore());
}

/** Writes the project into `dir` (absent or empty) and returns the plan. */
export async function writeReactViteProject(dir: string, overrides: ReactViteOptions = {}): Promise<Plan> {
  const name = dir.split('/').filter(Boolean).at(-1) ?? 'react-vite-app';
  const p = reactVitePlan(name, overrides);
  await apply(p, { dir, dryRun: false, force: false, interactive: false, handleSignals: false });
  return p;
}
