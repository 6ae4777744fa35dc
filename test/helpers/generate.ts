// The one way tests create a project through the CLI: run the built CLI non-interactively
// (project.ts writes one in-process from plan() + the real writer, for the same files).
import { execa } from 'execa';
import fs from 'node:fs';
import path from 'node:path';
import type { Backend, Framework } from '../../src/options/choices.js';
import { REPO_ROOT } from './deps-cache.js';

export type Storage = 'memory' | 'cookie' | 'local';
export type Http = 'fetch' | 'axios';
export type Db = 'sqlite' | 'postgres' | 'mysql';
export type Provider = 'google' | 'github' | 'discord' | 'microsoft' | 'apple' | 'gitlab';

export interface GenerateOptions {
  storage?: Storage;
  http?: Http;
  db?: Db;
  /** Empty array = `--providers none`; undefined = the CLI's default. */
  providers?: Provider[];
}

/** `--framework` / `--backend`, appended after the other flags; the CLI's defaults when absent. */
export interface GenerateTarget {
  framework?: Framework;
  backend?: Backend;
}

export const BIN = path.join(REPO_ROOT, 'bin/create-better-auth-jwt.js');

export function cliArgs(dir: string, options: GenerateOptions & GenerateTarget = {}): string[] {
  const args = [dir, '--yes', '--no-install', '--no-git', '--pm', 'npm'];
  if (options.storage) args.push('--storage', options.storage);
  if (options.http) args.push('--http', options.http);
  if (options.db) args.push('--db', options.db);
  if (options.providers) args.push('--providers', options.providers.length ? options.providers.join(',') : 'none');
  if (options.framework) args.push('--framework', options.framework);
  if (options.backend) args.push('--backend', options.backend);
  return args;
}

/**
 * Generates a project into `dir` (which must be absent or empty) and returns `dir`.
 * Throws with the CLI's output when it fails.
 */
export async function generateProject(dir: string, options: GenerateOptions & GenerateTarget = {}): Promise<string> {
  if (!fs.existsSync(BIN) || !fs.existsSync(path.join(REPO_ROOT, 'dist'))) {
    throw new Error('The CLI is not built: run `npm run build` first (npm test and npm run test:e2e do).');
  }
  const result = await execa('node', [BIN, ...cliArgs(dir, options)], {
    reject: false,
    all: true,
    timeout: 60_000,
    // No TTY (stdin ignored): the CLI must not prompt.
    env: { CI: '1', NO_COLOR: '1' },
    stdin: 'ignore',
  });
  if (result.exitCode !== 0 || !fs.existsSync(path.join(dir, 'package.json'))) {
    throw new Error(`Generating ${dir} with ${JSON.stringify(options)} failed (exit ${result.exitCode}):\n${result.all}`);
  }
  return dir;
}
