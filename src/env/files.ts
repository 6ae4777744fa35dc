// Reading the small text files env work is about (.env, .env.example, README), without
// ever throwing: a directory, a missing file or a permission problem is a result.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';

export const MAX_ENV_FILE_BYTES = 5 * 1024 * 1024;

export type TextFile = { status: 'absent' } | { status: 'ok'; text: string } | { status: 'unreadable'; why: string };

export function readTextFile(file: string): TextFile {
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return { status: 'unreadable', why: 'it is a directory' };
    if (!stat.isFile()) return { status: 'unreadable', why: 'it is not a regular file' };
    if (stat.size > MAX_ENV_FILE_BYTES) return { status: 'unreadable', why: `it is larger than ${MAX_ENV_FILE_BYTES / 1024 / 1024} MB` };
    return { status: 'ok', text: readFileSync(file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { status: 'absent' };
    return { status: 'unreadable', why: code === 'EACCES' || code === 'EPERM' ? 'permission denied' : `read failed (${code ?? 'error'})` };
  }
}

export function git(root: string, args: string[]): { status: number | null; stdout: string } {
  const r = spawnSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return { status: r.error ? null : r.status, stdout: r.stdout ?? '' };
}

/** Whether git tracks the path, and whether .gitignore rules cover it. */
export function gitStatusOf(root: string, rel: string): { tracked: boolean; ignored: boolean } | undefined {
  const inside = git(root, ['rev-parse', '--is-inside-work-tree']);
  if (inside.status !== 0 || inside.stdout.trim() !== 'true') return undefined;
  const tracked = git(root, ['ls-files', '--error-unmatch', '--', rel]).status === 0;
  // --no-index: judge the ignore rules even for a tracked file.
  const ignored = git(root, ['check-ignore', '-q', '--no-index', '--', rel]).status === 0;
  return { tracked, ignored };
}
