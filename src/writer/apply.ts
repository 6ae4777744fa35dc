// The one writer. Applies a Plan to a directory:
// - the target must be absent or empty, unless `force`;
// - with `force`, identical files are skipped and changed files are listed and confirmed
//   (TTY) or overwritten (no TTY, because --force was given);
// - an existing `.env` is never overwritten: only missing keys are appended;
// - atomic: everything is first written to a staging folder next to the target (same
//   filesystem), then renamed into place — the whole folder when the target is absent, file
//   by file with backups otherwise. An error or SIGINT/SIGTERM rolls back and removes the
//   staging folder, so no half-written project is left.
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { chmod, lstat, mkdir, readFile, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CancelledError, CliError } from '../errors.js';
import { varsByFile } from '../env/render.js';
import { fileBytes, type Plan } from '../plan/plan.js';
import { freshDotEnv, makeSecret, mergeDotEnv } from './dotenv.js';

export type FileStatus = 'new' | 'overwrite' | 'unchanged';

export interface FileAction {
  path: string;
  status: FileStatus;
  size: number;
}

export interface ApplyOptions {
  /** Target directory (resolved against the current directory). */
  dir: string;
  dryRun: boolean;
  force: boolean;
  /** stdin/stdout are TTYs: changed files are confirmed with a prompt. */
  interactive: boolean;
  /** Asked (interactive only) before overwriting changed files. Default: a clack confirm. */
  confirmOverwrite?: (paths: string[]) => Promise<boolean>;
  /** Value generator for `generate: 'secret'` variables. Default: 32 random bytes, base64. */
  makeSecret?: () => string;
  /** Install SIGINT/SIGTERM handlers while writing (default true). */
  handleSignals?: boolean;
  /** Test hooks: throwing from one simulates a failure at that point. */
  hooks?: {
    beforeStage?(path: string, index: number): void | Promise<void>;
    beforeMove?(path: string, index: number): void | Promise<void>;
  };
}

export interface ApplyReport {
  targetDir: string;
  dryRun: boolean;
  /** Files of the plan and what happened (or would happen) to each. */
  files: FileAction[];
  /** `.env`: created fresh, updated with missing keys (names only), or left as it was. */
  dotenvs: DotenvReport[];
}

interface Pending {
  path: string;
  bytes: Uint8Array;
  mode?: number;
}

async function statOrUndefined(path: string) {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;
}

async function defaultConfirm(paths: string[]): Promise<boolean> {
  const clack = await import('@clack/prompts');
  clack.log.warn(`These files exist with different content:\n${paths.map((p) => `  ${p}`).join('\n')}`);
  const answer = await clack.confirm({ message: `Overwrite ${paths.length} changed file${paths.length === 1 ? '' : 's'}?`, initialValue: false });
  if (clack.isCancel(answer)) throw new CancelledError();
  return answer;
}

/** Deepest-first list of the directories `mkdir -p path` would create. */
async function missingAncestors(path: string): Promise<string[]> {
  const missing: string[] = [];
  let dir = path;
  while (!(await statOrUndefined(dir))) {
    missing.push(dir);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return missing;
}

async function removeEmptyDirs(dirs: string[]): Promise<void> {
  for (const dir of dirs) {
    try {
      await rmdir(dir);
    } catch {
      // not empty or already gone: leave it
    }
  }
}

/** One env file (`.env`, `backend/.env`): created fresh, given missing keys, or left alone. */
export interface DotenvReport {
  path: string;
  status: 'new' | 'updated' | 'unchanged';
  /** Names only: values never leave the file. */
  added: string[];
}

export async function apply(plan: Plan, options: ApplyOptions): Promise<ApplyReport> {
  const targetDir = resolve(options.dir);
  const secret = options.makeSecret ?? makeSecret;
  const targetStat = await statOrUndefined(targetDir);
  if (targetStat && !targetStat.isDirectory()) throw new CliError(`${targetDir} exists and is not a directory`);
  const entries = targetStat ? await readdir(targetDir) : [];
  if (entries.length > 0 && !options.force) {
    throw new CliError(
      `target directory ${targetDir} is not empty (${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}); choose a new directory, or pass --force to add to it (changed files are never overwritten without asking)`,
    );
  }

  const envFiles = varsByFile(plan.env);
  // Decide what happens to every file.
  const actions: FileAction[] = [];
  const pending: Pending[] = [];
  for (const file of plan.files) {
    if (envFiles.has(file.path)) throw new Error(`bug: a plan must not contain ${file.path}`);
    const bytes = fileBytes(file);
    const dest = join(targetDir, ...file.path.split('/'));
    const stat = entries.length ? await statOrUndefined(dest) : undefined;
    let status: FileStatus = 'new';
    if (stat) {
      if (stat.isDirectory()) throw new CliError(`cannot write ${file.path}: a directory of that name exists in ${targetDir}`);
      status = sameBytes(await readFile(dest), bytes) ? 'unchanged' : 'overwrite';
    }
    actions.push({ path: file.path, status, size: bytes.byteLength });
    if (status !== 'unchanged') pending.push({ path: file.path, bytes });
  }

  const dotenvs: DotenvReport[] = [];
  for (const [path, vars] of envFiles) {
    const dest = join(targetDir, ...path.split('/'));
    const stat = entries.length ? await statOrUndefined(dest) : undefined;
    if (stat) {
      if (!stat.isFile()) throw new CliError(`${dest} exists and is not a file`);
      const merged = mergeDotEnv(await readFile(dest, 'utf8'), vars, secret);
      dotenvs.push({ path, status: merged.added.length ? 'updated' : 'unchanged', added: merged.added });
      if (merged.added.length && !options.dryRun) pending.push({ path, bytes: Buffer.from(merged.content), mode: 0o600 });
    } else {
      dotenvs.push({ path, status: 'new', added: vars.map((v) => v.name) });
      if (!options.dryRun) pending.push({ path, bytes: Buffer.from(freshDotEnv(vars, secret)), mode: 0o600 });
    }
  }

  const report: ApplyReport = { targetDir, dryRun: options.dryRun, files: actions, dotenvs };
  if (options.dryRun || pending.length === 0) return report;

  const conflicts = actions.filter((a) => a.status === 'overwrite').map((a) => a.path);
  if (conflicts.length > 0 && options.interactive) {
    const ok = await (options.confirmOverwrite ?? defaultConfirm)(conflicts);
    if (!ok) throw new CliError(`kept ${conflicts.length} changed file${conflicts.length === 1 ? '' : 's'} (${conflicts.join(', ')}); nothing was written`);
  }

  await write(targetDir, targetStat !== undefined, pending, options);
  return report;
}

async function write(targetDir: string, targetExists: boolean, pending: Pending[], options: ApplyOptions): Promise<void> {
  const parent = dirname(targetDir);
  const staging = join(parent, `.${basename(targetDir)}.cbaj-tmp-${randomBytes(6).toString('hex')}`);
  const stagedFiles = join(staging, 'files');
  const backups = join(staging, 'backup');

  let interrupted: string | undefined;
  const onSignal = (signal: string) => {
    interrupted = signal;
  };
  // Last resort if the process exits hard while writing.
  const onExit = () => rmSync(staging, { recursive: true, force: true });
  const handleSignals = options.handleSignals !== false;
  if (handleSignals) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  process.on('exit', onExit);
  const checkpoint = () => {
    if (interrupted) throw new CancelledError(`cancelled (${interrupted}); nothing was written`);
  };

  const createdParents = await missingAncestors(parent);
  const moved: { dest: string; backup?: string }[] = [];
  const createdDirs: string[] = [];
  try {
    await mkdir(stagedFiles, { recursive: true });
    for (const [index, file] of pending.entries()) {
      checkpoint();
      await options.hooks?.beforeStage?.(file.path, index);
      const staged = join(stagedFiles, ...file.path.split('/'));
      await mkdir(dirname(staged), { recursive: true });
      await writeFile(staged, file.bytes, file.mode === undefined ? undefined : { mode: file.mode });
      if (file.mode !== undefined) await chmod(staged, file.mode);
    }
    checkpoint();

    if (!targetExists) {
      await options.hooks?.beforeMove?.('.', 0);
      await rename(stagedFiles, targetDir);
    } else {
      for (const [index, file] of pending.entries()) {
        checkpoint();
        await options.hooks?.beforeMove?.(file.path, index);
        const rel = file.path.split('/');
        const dest = join(targetDir, ...rel);
        const newDirs = await missingAncestors(dirname(dest));
        await mkdir(dirname(dest), { recursive: true });
        createdDirs.push(...newDirs);
        let backup: string | undefined;
        if (await statOrUndefined(dest)) {
          backup = join(backups, ...rel);
          await mkdir(dirname(backup), { recursive: true });
          await rename(dest, backup);
        }
        moved.push({ dest, backup });
        await rename(join(stagedFiles, ...rel), dest);
      }
    }
  } catch (error) {
    // Roll back: put every replaced file back, remove what we added.
    for (const { dest, backup } of moved.reverse()) {
      try {
        if (backup) await rename(backup, dest);
        else await rm(dest, { force: true });
      } catch {
        // keep rolling back the rest
      }
    }
    await removeEmptyDirs(createdDirs.sort((a, b) => b.length - a.length));
    await rm(staging, { recursive: true, force: true });
    await removeEmptyDirs(createdParents);
    throw error;
  } finally {
    if (handleSignals) {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    process.off('exit', onExit);
  }
  await rm(staging, { recursive: true, force: true });
  if (interrupted) throw new CancelledError(`cancelled (${interrupted}) after the project was written`);
}

/** True when a staging folder of ours is left next to `targetDir` (tests use this). */
export async function stagingLeftovers(targetDir: string): Promise<string[]> {
  const parent = dirname(resolve(targetDir));
  if (!existsSync(parent)) return [];
  const prefix = `.${basename(targetDir)}.cbaj-tmp-`;
  return (await readdir(parent)).filter((name) => name.startsWith(prefix));
}
