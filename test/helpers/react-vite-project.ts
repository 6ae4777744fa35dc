// `--framework react-vite` projects from plan() + the real writer (see project.ts): the files are
// exactly what the CLI would write (same plan, same writer, fresh .env secrets).
import type { Plan } from '../../src/plan/plan.js';
import { projectPlan, writeProject, type ProjectOverrides } from './project.js';

export type ReactViteOptions = ProjectOverrides;

export function reactVitePlan(name: string, overrides: ReactViteOptions = {}): Plan {
  return projectPlan(name, 'react-vite', overrides);
}

/** Writes the project into `dir` (absent or empty) and returns the plan. */
export function writeReactViteProject(dir: string, overrides: ReactViteOptions = {}): Promise<Plan> {
  return writeProject(dir, 'react-vite', overrides);
}
