// The writer's transaction: every change is first written to a staging folder (same
// filesystem: beside a new project, inside an existing one), then renamed into place — the whole folder when the project did
// not exist, file by file with backups otherwise. An error, SIGINT or SIGTERM rolls back
// (replaced files come back from the backups, added files and folders go) and removes the
// staging folder, so no half-written project is left. Every destination is checked again
// right before its rename (safe-path.ts): the folder may have changed since it was read.
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { chmod, mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import { CancelledError } from '../errors.js';
import { statOrUndefined } from './disk.js';
import { assertInsideProject, projectRoot } from './safe-path.js';

/** One change to a project file (posix path): new bytes, with a file mode for secrets; no bytes: remove it. */
export interface FileChange {
  path: string;
  bytes?: Uint8Array;
  mode?: number;
}

/** Test hooks: throwing from one simulates a failure at that point. */
export interface TransactionHooks {
  beforeStage?(path: string, index: number): void | Promise<void>;
  beforeMove?(path: string, index: number): void | Promise<void>;
}

export interface TransactionOptions {
  /** The project folder existed when it was read: else the staged folder becomes it in one rename. */
  targetExists: boolean;
  /** Install SIGINT/SIGTERM handlers while writing (default true). */
  handleSignals?: boolean;
  hooks?: TransactionHooks;
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

function stagingPrefix(root: string): string {
  return `.${basename(root)}.cbaj-tmp-`;
}

/** Writes `changes` into the project folder `root` (its real path, projectRoot()) all at once, or not at all. */
export async function writeTransaction(root: string, changes: readonly FileChange[], options: TransactionOptions): Promise<void> {
  // An existing project stages inside itself: nothing outside it is touched (the folder above
  // may be read-only). A new one stages beside it, then becomes it in one rename.
  const parent = options.targetExists ? root : dirname(root);
  const staging = join(parent, `${stagingPrefix(root)}${randomBytes(6).toString('hex')}`);
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
    for (const [index, file] of changes.entries()) {
      checkpoint();
      await options.hooks?.beforeStage?.(file.path, index);
      if (!file.bytes) continue;
      const staged = join(stagedFiles, ...file.path.split('/'));
      await mkdir(dirname(staged), { recursive: true });
      await writeFile(staged, file.bytes, file.mode === undefined ? undefined : { mode: file.mode });
      if (file.mode !== undefined) await chmod(staged, file.mode);
    }
    checkpoint();

    if (!options.targetExists) {
      await options.hooks?.beforeMove?.('.', 0);
      await rename(stagedFiles, root);
    } else {
      for (const [index, file] of changes.entries()) {
        checkpoint();
        await options.hooks?.beforeMove?.(file.path, index);
        const rel = file.path.split('/');
        // Checked again right before the rename: the folder may have changed since it was read.
        const dest = assertInsideProject(root, file.path);
        if (!file.bytes) {
          // A removal: the file goes to the backups, from where a rollback brings it back.
          const backup = join(backups, ...rel);
          await mkdir(dirname(backup), { recursive: true });
          await rename(dest, backup);
          moved.push({ dest, backup });
          continue;
        }
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
  // Folders left empty by removed files go too (never the project folder itself).
  for (const file of changes) {
    if (file.bytes) continue;
    const dirs: string[] = [];
    for (let dir = dirname(join(root, ...file.path.split('/'))); dir.startsWith(`${root}${sep}`); dir = dirname(dir)) dirs.push(dir);
    await removeEmptyDirs(dirs);
  }
  if (interrupted) throw new CancelledError(`cancelled (${interrupted}) after the project was written`);
}

/** The staging folders of ours left next to or inside `targetDir` (tests use this). */
export async function stagingLeftovers(targetDir: string): Promise<string[]> {
  const root = projectRoot(targetDir);
  const prefix = stagingPrefix(root);
  const left: string[] = [];
  for (const dir of [dirname(root), root]) {
    if (!existsSync(dir)) continue;
    left.push(...(await readdir(dir)).filter((name) => name.startsWith(prefix)));
  }
  return left;
}
