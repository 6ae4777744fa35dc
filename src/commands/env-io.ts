// Shared by the env commands: resolving --cwd and turning errors into one line and an exit code.
import { statSync } from 'node:fs';
import path from 'node:path';
import { CliError, UsageError, oneLine } from '../errors.js';
import type { EnvCommandIo } from './env-commands.js';

export function resolveProjectDir(cwd: string | undefined): string {
  const dir = path.resolve(cwd ?? '.');
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new UsageError(`--cwd ${cwd ?? dir}: not a directory`);
  return dir;
}

/** Runs a command body; any error becomes `error: …` on one line (stack only with DEBUG). */
export async function withErrors(io: EnvCommandIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UsageError || error instanceof CliError) {
      io.stderr(`error: ${oneLine(error.message)}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`error: ${oneLine(message)}\n`);
    if (process.env.DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return 1;
  }
}
