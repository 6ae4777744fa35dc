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

export interface PreparedProject {
  /** The temp folder holding the project; remove it when done. */
  root: string;
  dir: string;
  /** Output of each step, for failure reports. */
  log: string[];
}

export interface PrepareOptions {
  name: string;
  options: GenerateOptions;
  /** `npm`: `npm install` in the project. `linked`: hard-link the deps cache (a copy, not a
   * symlink: Turbopack refuses a node_modules symlink that leaves the project root). */
  install: 'npm' | 'linked';
}

async function step(log: string[], title: string, file: string, args: string[], cwd: string, timeoutMs: number) {
  const started = Date.now();
  const result = await execa(file, args, { cwd, env: cleanEnv(), extendEnv: false, reject: false, all: true, timeout: timeoutMs });
  log.push(`$ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s, exit ${result.exitCode})\n${result.all ?? ''}`);
  if (result.exitCode !== 0) {
    throw new Error(`${title} failed in ${cwd} (exit ${result.exitCode}${result.timedOut ? ', timed out' : ''}):\n${result.all ?? ''}`);
  }
}

export async function prepareProject({ name, options, install }: PrepareOptions): Promise<PreparedProject> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cbaj-e2e-'));
  const dir = path.join(root, name);
  const log: string[] = [];
  await generateProject(dir, options);
  if (install === 'npm') {
    // Several minutes at worst: better-sqlite3 compiles from source when no prebuild is reachable.
    await step(log, 'npm install', 'npm', ['install', '--no-audit', '--no-fund'], dir, 15 * 60_000);
  } else {
    const modules = await ensureDepsCache();
    const linked = await execa('cp', ['-al', modules, path.join(dir, 'node_modules')], { reject: false, all: true });
    if (linked.exitCode !== 0) await step(log, 'cp -a deps cache', 'cp', ['-a', modules, path.join(dir, 'node_modules')], dir, 5 * 60_000);
  }
  await step(log, 'npm run db:migrate', 'npm', ['run', 'db:migrate'], dir, 2 * 60_000);
  await step(log, 'npx next build', 'npx', ['next', 'build'], dir, 10 * 60_000);
  return { root, dir, log };
}
