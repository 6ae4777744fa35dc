// Builds a generated project the way a user would run it: generate with the CLI, install
// (for real, or hard-linked from the deps cache), migrate the database, `next build`.
// Projects live under os.tmpdir(), outside this repo, so Next.js does not take the repo's
// lockfile for its workspace root.
import { execa } from 'execa';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDepsCache } from './deps-cache.js';
import { generateProject, type GenerateOptions } from './generate.js';
import { cleanEnv } from './server.js';

export type PreparedProject = ProjectDir;

export interface PrepareOptions {
  name: string;
  options: GenerateOptions;
  /** `npm`: `npm install` in the project. `linked`: hard-link the deps cache (a copy, not a
   * symlink: Turbopack refuses a node_modules symlink that leaves the project root). */
  install: 'npm' | 'linked';
}

/** A project folder in its own temp root, and the output of each step run in it. */
export interface ProjectDir {
  /** The temp folder holding the project; remove it when done. */
  root: string;
  dir: string;
  /** Output of each step, for failure reports. */
  log: string[];
}

export function newProjectDir(prefix: string, name: string): ProjectDir {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { root, dir: path.join(root, name), log: [] };
}

/** Runs one set-up command (in the project unless `cwd` says otherwise, stdin closed), logging its output; throws when it fails. */
export async function runStep(
  project: ProjectDir,
  title: string,
  file: string,
  args: string[],
  timeoutMs: number,
  { env = cleanEnv(), cwd = project.dir }: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
) {
  const started = Date.now();
  const result = await execa(file, args, { cwd, env, extendEnv: false, reject: false, all: true, timeout: timeoutMs, stdin: 'ignore' });
  project.log.push(`$ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s, exit ${result.exitCode})\n${result.all ?? ''}`);
  if (result.exitCode !== 0) {
    throw new Error(`${title} failed in ${cwd} (exit ${result.exitCode}${result.timedOut ? ', timed out' : ''}):\n${result.all ?? ''}`);
  }
}

/** node_modules as a hard-linked copy of the deps cache (every pinned package), a full copy
 * where hard links are not possible. */
export async function copyDepsCache(project: ProjectDir) {
  const modules = await ensureDepsCache();
  const target = path.join(project.dir, 'node_modules');
  const linked = await execa('cp', ['-al', modules, target], { reject: false, all: true, timeout: 5 * 60_000 });
  if (linked.exitCode !== 0) await runStep(project, 'cp -a deps cache', 'cp', ['-a', modules, target], 5 * 60_000);
}

export async function prepareProject({ name, options, install }: PrepareOptions): Promise<PreparedProject> {
  const project = newProjectDir('cbaj-e2e-', name);
  await generateProject(project.dir, options);
  if (install === 'npm') {
    // Several minutes at worst: better-sqlite3 compiles from source when no prebuild is reachable.
    await runStep(project, 'npm install', 'npm', ['install', '--no-audit', '--no-fund'], 15 * 60_000);
  } else {
    await copyDepsCache(project);
  }
  await runStep(project, 'npm run db:migrate', 'npm', ['run', 'db:migrate'], 2 * 60_000);
  await runStep(project, 'npx next build', 'npx', ['next', 'build'], 10 * 60_000);
  return project;
}
