// `--framework sveltekit` projects from plan() + the real writer (see project.ts: exactly what
// the CLI would write, fresh .env secret included), and the project's own SvelteKit tooling:
// `svelte-kit sync` (generates .svelte-kit/tsconfig.json and the ./$types the routes import) and
// `svelte-check`, the project's `npm run typecheck`, without npm in between.
import { execa } from 'execa';
import path from 'node:path';
import type { Plan } from '../../src/plan/plan.js';
import { projectPlan, writeProject, type ProjectOverrides } from './project.js';

export type SvelteKitOptions = ProjectOverrides;

export function svelteKitPlan(name: string, overrides: SvelteKitOptions = {}): Plan {
  return projectPlan(name, 'sveltekit', overrides);
}

/** Writes the project into `dir` (absent or empty) and returns the plan. */
export function writeSvelteKitProject(dir: string, overrides: SvelteKitOptions = {}): Promise<Plan> {
  return writeProject(dir, 'sveltekit', overrides);
}

/** `svelte-kit sync` in the project (its node_modules must be in place). */
export async function svelteKitSync(dir: string): Promise<void> {
  const result = await execa(process.execPath, [path.join(dir, 'node_modules/@sveltejs/kit/svelte-kit.js'), 'sync'], {
    cwd: dir,
    reject: false,
    all: true,
    timeout: 60_000,
  });
  if (result.exitCode !== 0) throw new Error(`svelte-kit sync failed in ${dir} (exit ${result.exitCode}):\n${result.all ?? ''}`);
}

export interface SvelteCheckResult {
  ok: boolean;
  /** Files svelte-check looked at (.svelte, .ts), from its machine output. */
  files: number;
  errors: number;
  warnings: number;
  output: string;
}

/** `svelte-check --tsconfig ./tsconfig.json --fail-on-warnings`, as `npm run typecheck` runs it. */
export async function svelteCheck(dir: string): Promise<SvelteCheckResult> {
  const result = await execa(
    process.execPath,
    [path.join(dir, 'node_modules/svelte-check/bin/svelte-check'), '--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'machine-verbose'],
    { cwd: dir, reject: false, all: true, timeout: 180_000 },
  );
  const output = result.all ?? '';
  const summary = /COMPLETED (\d+) FILES (\d+) ERRORS (\d+) WARNINGS/.exec(output);
  return {
    ok: result.exitCode === 0 && summary !== null,
    files: Number(summary?.[1] ?? 0),
    errors: Number(summary?.[2] ?? -1),
    warnings: Number(summary?.[3] ?? -1),
    output,
  };
}
