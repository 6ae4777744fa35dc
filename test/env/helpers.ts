// Test helpers: copy a fixture project into a temp dir (renaming `_env` → `.env` and
// `_gitignore` → `.gitignore`, which this repository's own .gitignore would otherwise hide),
// optionally as a git repository; capture command output.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EnvCommandIo } from '../../src/commands/env-commands.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(REPO, 'test/fixtures/env');

export function tempDir(prefix = 'cbaj-env-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

function renameDotfiles(dir: string): void {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory() && !name.startsWith('_')) renameDotfiles(p);
    if (name === '_env' || name === '_gitignore') renameSync(p, path.join(dir, `.${name.slice(1)}`));
    // A generated .env is 0600 (git checks fixtures out 0644, which check env warns about).
    if (name === '_env' && statSync(path.join(dir, '.env')).isFile()) chmodSync(path.join(dir, '.env'), 0o600);
  }
}

export function git(dir: string, ...args: string[]): void {
  const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
}

/** A working copy of a fixture. `git`: init a repository; `gitAdd`: force-add these paths. */
export function materialise(name: string, opts: { git?: boolean; gitAdd?: string[] } = {}): string {
  const dir = path.join(tempDir(), name);
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  renameDotfiles(dir);
  if (opts.git) {
    git(dir, 'init', '-q');
    for (const p of opts.gitAdd ?? []) git(dir, 'add', '-f', '--', p);
  }
  return dir;
}

export function captureIo(): EnvCommandIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    color: false,
    out: () => out,
    err: () => err,
  };
}

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES).filter((n) => existsSync(path.join(FIXTURES, n, 'expected.json'))).sort();
}
