// A project without a .env.example sometimes commits its env files on purpose, with placeholder
// values (full-stack-fastapi-template's `.env` and `frontend/.env`): those files are then its
// documentation. Committing them is still reported (dotenv-tracked); this only keeps the
// variables they list from being reported undocumented a second time.
import path from 'node:path';
import { parseDotenv } from './dotenv.js';
import { git, readTextFile } from './files.js';

/** The names each committed `.env` lists, by directory (relative, posix; '' for the root). */
export function committedEnvFiles(root: string): Map<string, Set<string>> {
  const byDir = new Map<string, Set<string>>();
  const listed = git(root, ['ls-files', '-z', '--', '.env', '**/.env']);
  if (listed.status !== 0) return byDir;
  for (const rel of listed.stdout.split('\0').filter(Boolean)) {
    const read = readTextFile(path.join(root, rel));
    if (read.status !== 'ok') continue;
    const dir = path.posix.dirname(rel);
    byDir.set(dir === '.' ? '' : dir, new Set(parseDotenv(read.text).entries.map((e) => e.key)));
  }
  return byDir;
}

/** Whether a committed `.env` in the directory of `file` or above lists `name`. */
export function committedEnvDocuments(byDir: ReadonlyMap<string, ReadonlySet<string>>, file: string, name: string): boolean {
  for (let dir = path.posix.dirname(file); ; dir = path.posix.dirname(dir)) {
    if (byDir.get(dir === '.' ? '' : dir)?.has(name)) return true;
    if (dir === '.' || dir === '/' || dir.startsWith('..')) return false;
  }
}
