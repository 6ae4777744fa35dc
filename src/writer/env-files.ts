// `.env` files at write time: created with fresh secrets, or given only the keys they lack
// (dotenv.ts) — never replaced, so BETTER_AUTH_SECRET is never rotated. They hold secrets, so
// they are written 0600, or keep a stricter mode they already have.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EnvVar } from '../env/types.js';
import { CliError } from '../errors.js';
import { statOrUndefined } from './disk.js';
import { freshDotEnv, mergeDotEnv } from './dotenv.js';
import type { FileChange } from './transaction.js';

/** One env file (`.env`, `backend/.env`): created fresh, given missing keys, or left alone. */
export interface DotenvReport {
  path: string;
  status: 'new' | 'updated' | 'unchanged';
  /** Names only: values never leave the file. */
  added: string[];
}

/** An env file holds secrets: 0600, or the mode it has when that is stricter (never loosened). */
function envFileMode(existing?: number): number {
  return existing === undefined ? 0o600 : existing & 0o600;
}

export interface DotenvInput {
  /** Env file (posix path) → its variables. */
  envFiles: ReadonlyMap<string, readonly EnvVar[]>;
  /** The absolute path of a project file, checked (assertInsideProject). */
  inside(path: string): string;
  /** For messages. */
  targetDir: string;
  /** The folder has entries (else nothing is there to read). */
  populated: boolean;
  secret: () => string;
  /** Report only: no secret is generated, nothing is to be written. */
  dryRun: boolean;
}

/** What happens to each env file, and the changes to write. */
export async function dotenvChanges(input: DotenvInput): Promise<{ reports: DotenvReport[]; changes: FileChange[] }> {
  const reports: DotenvReport[] = [];
  const changes: FileChange[] = [];
  for (const [path, vars] of input.envFiles) {
    const dest = input.inside(path);
    const stat = input.populated ? await statOrUndefined(dest) : undefined;
    if (stat) {
      if (!stat.isFile()) throw new CliError(`${join(input.targetDir, path)} exists and is not a file`);
      const merged = mergeDotEnv(await readFile(dest, 'utf8'), vars, input.secret);
      reports.push({ path, status: merged.added.length ? 'updated' : 'unchanged', added: merged.added });
      if (merged.added.length && !input.dryRun) changes.push({ path, bytes: Buffer.from(merged.content), mode: envFileMode(stat.mode & 0o777) });
    } else {
      reports.push({ path, status: 'new', added: vars.map((v) => v.name) });
      if (!input.dryRun) changes.push({ path, bytes: Buffer.from(freshDotEnv(vars, input.secret)), mode: envFileMode() });
    }
  }
  return { reports, changes };
}
