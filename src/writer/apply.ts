// The one writer. Applies a Plan to a directory:
// - absent or empty target: everything is written;
// - a project of ours (it has the manifest): a re-run. Generated files the user has not
//   edited (hash on disk == hash in the manifest) are updated; edited ones are kept and
//   reported with the diff we did not apply; package.json, .env.example and the README env
//   table are merged (never an existing value changed); files the plan no longer has are
//   removed only if unedited;
// - an existing app (`existingApp`, no manifest): new files are created; an existing file is
//   never overwritten — merged where that is exact (package.json, .env.example, README env
//   table, .gitignore), otherwise left alone with instructions;
// - any other non-empty directory needs `force`: identical files are skipped, changed files
//   are listed and confirmed (TTY) or overwritten (no TTY, because --force was given);
// - `.env` files are never overwritten: only missing keys are appended, so
//   BETTER_AUTH_SECRET is never rotated;
// - atomic: everything is first written to a staging folder next to the target (same
//   filesystem), then renamed into place — the whole folder when the target is absent, file
//   by file with backups otherwise. An error or SIGINT/SIGTERM rolls back and removes the
//   staging folder, so no half-written project is left;
// - nothing outside the project: every path is checked (safe-path.ts) before it is read,
//   written, renamed or removed, and a symbolic link inside the project is never followed —
//   a refusal comes before anything is written.
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { chmod, lstat, mkdir, readFile, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { CancelledError, CliError } from '../errors.js';
import { unifiedDiff } from '../env/diff.js';
import { envFileOf, replaceEnvTable, varsByFile } from '../env/render.js';
import { MANIFEST_FILE, hashContent, invalidManifestError, readManifest, recordedPaths, renderManifest, type Manifest } from '../plan/manifest.js';
import { ensureGitignore, fileBytes, type Plan } from '../plan/plan.js';
import { freshDotEnv, makeSecret, mergeDotEnv, mergeEnvExample } from './dotenv.js';
import { instructionFor, type Instruction } from './instructions.js';
import { mergePackageJson } from './package-json.js';
import { assertInsideProject, projectRoot } from './safe-path.js';

/**
 * - new: written; unchanged: identical already; update: ours and unedited, replaced;
 * - overwrite: replaced a different file (--force into a directory that is not ours);
 * - merge: an edited or existing file, merged exactly (keys, dependencies, env table);
 * - kept: edited (or not ours) and left alone — `diff` is what we did not apply;
 * - skip: an existing app's own file, left alone — `instruction` says what to add;
 * - remove: no longer generated and unedited, deleted; orphan: no longer generated but
 *   edited, kept.
 */
export type FileStatus = 'new' | 'unchanged' | 'update' | 'overwrite' | 'merge' | 'kept' | 'skip' | 'remove' | 'orphan';

export interface FileAction {
  path: string;
  status: FileStatus;
  /** Size of what the plan has for this path (0 for remove/orphan). */
  size: number;
  /** kept/merge: unified diff from the file as it is (after a merge) to what we would have written. */
  diff?: string;
  /** merge: what the merge did, in words. */
  notes?: string[];
  /** skip: what to add by hand. */
  instruction?: Instruction;
}

/** How the target was treated. */
export type ApplyMode = 'create' | 'rerun' | 'existing' | 'force';

export interface ApplyOptions {
  /** Target directory (resolved against the current directory). */
  dir: string;
  dryRun: boolean;
  force: boolean;
  /** stdin/stdout are TTYs: changed files are confirmed with a prompt (--force only). */
  interactive: boolean;
  /** The target is an existing app that was not made by us (see src/detect). */
  existingApp?: boolean;
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
  mode: ApplyMode;
  /** Files of the plan (and of the previous manifest) and what happened (or would happen) to each. */
  files: FileAction[];
  /** `.env`: created fresh, updated with missing keys (names only), or left as it was. */
  dotenvs: DotenvReport[];
  /** Things the user should know or act on (versions kept, scripts not set). */
  warnings: string[];
}

interface Pending {
  path: string;
  /** Undefined: remove the file. */
  bytes?: Uint8Array;
  mode?: number;
}

/** An env file holds secrets: 0600, or the mode it has when that is stricter (never loosened). */
function envFileMode(existing?: number): number {
  return existing === undefined ? 0o600 : existing & 0o600;
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

/** What the previous run recorded (the manifest of a project of ours). */
interface Previous {
  files: Record<string, string>;
  merged: Set<string>;
  skipped: Set<string>;
}

export { invalidManifestError };

function readPrevious(root: string, targetDir: string): Previous | undefined {
  const result = readManifest(root);
  if (result.status === 'absent') return undefined;
  if (result.status === 'invalid') throw invalidManifestError(targetDir, result.problem);
  const files = Object.fromEntries(Object.entries(result.manifest.files).filter(([, h]) => typeof h === 'string'));
  return { files, merged: new Set(recordedPaths(result.manifest, 'merged')), skipped: new Set(recordedPaths(result.manifest, 'skipped')) };
}

/** The exact merge for a file that is not (or no longer) as we generated it, if there is one. */
function mergeFor(plan: Plan, path: string): ((current: string) => { content: string; notes: string[]; warnings: string[] } | undefined) | undefined {
  if (path === 'package.json' || path.endsWith('/package.json')) {
    const planned = plan.files.find((f) => f.path === path)?.content ?? '{}';
    return (current) => mergePackageJson(current, planned, path);
  }
  if (path === 'README.md') {
    return (current) => {
      const content = replaceEnvTable(current, plan.envTable);
      return { content, notes: content === current ? [] : [`${path}: env table updated`], warnings: [] };
    };
  }
  if (path === '.gitignore') {
    return (current) => {
      const content = ensureGitignore(current);
      return { content, notes: content === current ? [] : [`${path}: .env is now git-ignored`], warnings: [] };
    };
  }
  const envFile = path.endsWith('.env.example') ? path.slice(0, -'.example'.length) : undefined;
  if (envFile !== undefined) {
    const vars = plan.documentedEnv.filter((v) => envFileOf(v) === envFile);
    return (current) => {
      const merged = mergeEnvExample(current, vars);
      return { content: merged.content, notes: merged.added.length ? [`${path}: added ${merged.added.join(', ')}`] : [], warnings: [] };
    };
  }
  return undefined;
}

const MODULE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** An existing app's module that plays the role of a planned one: `middleware.js` for `middleware.ts`. */
async function sameModule(root: string, path: string): Promise<string | undefined> {
  const m = /^(.*)(\.[cm]?[jt]sx?)$/.exec(path);
  if (!m) return undefined;
  for (const ext of MODULE_EXTENSIONS) {
    if (ext === m[2]) continue;
    const candidate = `${m[1]}${ext}`;
    if ((await statOrUndefined(assertInsideProject(root, candidate)))?.isFile()) return candidate;
  }
  return undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function text(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

export async function apply(plan: Plan, options: ApplyOptions): Promise<ApplyReport> {
  // targetDir as the user named it (messages); root, its real path, for every disk operation.
  const targetDir = resolve(options.dir);
  const root = projectRoot(targetDir);
  const inside = (path: string) => assertInsideProject(root, path);
  const secret = options.makeSecret ?? makeSecret;
  const targetStat = await statOrUndefined(root);
  if (targetStat && !targetStat.isDirectory()) throw new CliError(`${targetDir} exists and is not a directory`);
  const entries = targetStat ? await readdir(root) : [];
  const previous = entries.length ? readPrevious(root, targetDir) : undefined;
  const mode: ApplyMode = entries.length === 0 ? 'create' : previous ? 'rerun' : options.existingApp ? 'existing' : 'force';
  if (mode === 'force' && !options.force) {
    throw new CliError(
      `target directory ${targetDir} is not empty (${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}); choose a new directory, or pass --force to add to it (changed files are never overwritten without asking)`,
    );
  }

  const envFiles = varsByFile(plan.env);
  const actions: FileAction[] = [];
  const pending: Pending[] = [];
  const warnings: string[] = [];
  const manifestFiles: Record<string, string> = {};
  const merged: string[] = [];
  const skipped: string[] = [];
  const planned = new Set(plan.files.map((f) => f.path));

  for (const file of plan.files) {
    if (envFiles.has(file.path)) throw new Error(`bug: a plan must not contain ${file.path}`);
    if (file.path === MANIFEST_FILE) continue;
    const bytes = fileBytes(file);
    const plannedHash = hashContent(bytes);
    const dest = inside(file.path);
    const stat = entries.length ? await statOrUndefined(dest) : undefined;
    if (stat?.isDirectory()) throw new CliError(`cannot write ${file.path}: a directory of that name exists in ${targetDir}`);
    const action: FileAction = { path: file.path, status: 'new', size: bytes.byteLength };
    actions.push(action);
    const write = (content: Uint8Array) => pending.push({ path: file.path, bytes: content });

    // An existing app's module under another extension is that file (no second middleware).
    const alias = !stat && (mode === 'existing' || mode === 'rerun') ? await sameModule(root, file.path) : undefined;
    if (!stat && !alias) {
      write(bytes);
      manifestFiles[file.path] = plannedHash;
      continue;
    }
    const actual = alias ?? file.path;
    const currentBytes = await readFile(inside(actual));
    if (!alias && sameBytes(currentBytes, bytes)) {
      action.status = 'unchanged';
      manifestFiles[file.path] = plannedHash;
      continue;
    }
    if (mode === 'force') {
      action.status = 'overwrite';
      write(bytes);
      manifestFiles[file.path] = plannedHash;
      continue;
    }
    const prevHash = previous?.files[file.path];
    const ours = mode === 'rerun' && !alias && prevHash !== undefined && !previous?.merged.has(file.path) && !previous?.skipped.has(file.path);
    if (ours && hashContent(currentBytes) === prevHash) {
      action.status = 'update';
      write(bytes);
      manifestFiles[file.path] = plannedHash;
      continue;
    }
    // Edited by the user, or not ours at all: merge exactly where we can, else leave it.
    const current = text(currentBytes);
    const plannedText = file.encoding ? undefined : file.content;
    const merge = !alias && !previous?.skipped.has(file.path) && current !== undefined ? mergeFor(plan, file.path)?.(current) : undefined;
    if (merge) {
      warnings.push(...merge.warnings);
      if (merge.content !== current) {
        action.status = 'merge';
        action.notes = merge.notes;
        write(Buffer.from(merge.content));
      } else action.status = 'kept';
      // For a file of ours the user edited, what else we would have changed; an app's own
      // README or .gitignore is simply not ours to rewrite.
      const rest = !ours || plannedText === undefined || file.path.endsWith('package.json') ? '' : unifiedDiff(file.path, merge.content, plannedText);
      if (rest) action.diff = rest;
      if (merge.content === plannedText) manifestFiles[file.path] = plannedHash;
      else if (ours) manifestFiles[file.path] = prevHash;
      else merged.push(file.path);
      if (action.status === 'kept' && !action.diff && !ours) action.status = 'unchanged';
      continue;
    }
    if (ours) {
      action.status = 'kept';
      manifestFiles[file.path] = prevHash;
      if (plannedText !== undefined && current !== undefined) action.diff = unifiedDiff(file.path, current, plannedText);
      continue;
    }
    action.status = 'skip';
    skipped.push(file.path);
    action.instruction =
      current !== undefined && plannedText !== undefined
        ? instructionFor(file.path, actual, plannedText, current, plan)
        : { summary: `${actual} exists and is not ours (binary); left as it is.`, lines: [] };
  }

  // Files the previous run generated that this plan no longer has.
  for (const [path, prevHash] of Object.entries(previous?.files ?? {})) {
    if (planned.has(path) || path === MANIFEST_FILE || envFiles.has(path)) continue;
    const dest = inside(path);
    const stat = await statOrUndefined(dest);
    if (!stat?.isFile()) continue;
    if (hashContent(await readFile(dest)) === prevHash) {
      actions.push({ path, status: 'remove', size: 0 });
      pending.push({ path });
    } else {
      // The hash of what we generated, never of the edited file: else the next run would
      // see an unedited file and remove the user's work.
      actions.push({ path, status: 'orphan', size: 0 });
      manifestFiles[path] = prevHash;
    }
  }

  // The manifest: what is on disk as generated, and which files are the app's own.
  const manifest: Manifest = {
    ...plan.manifest,
    files: Object.fromEntries(Object.entries(manifestFiles).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    ...(merged.length ? { merged: merged.sort() } : {}),
    ...(skipped.length ? { skipped: skipped.sort() } : {}),
  };
  const manifestBytes = Buffer.from(renderManifest(manifest));
  const manifestPath = inside(MANIFEST_FILE);
  const manifestAction: FileAction = { path: MANIFEST_FILE, status: 'new', size: manifestBytes.byteLength };
  if (previous || (entries.length && (await statOrUndefined(manifestPath)))) {
    manifestAction.status = sameBytes(await readFile(manifestPath), manifestBytes) ? 'unchanged' : mode === 'rerun' ? 'update' : 'overwrite';
  }
  if (manifestAction.status !== 'unchanged') pending.push({ path: MANIFEST_FILE, bytes: manifestBytes });
  actions.push(manifestAction);
  actions.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const dotenvs: DotenvReport[] = [];
  for (const [path, vars] of envFiles) {
    const dest = inside(path);
    const stat = entries.length ? await statOrUndefined(dest) : undefined;
    if (stat) {
      if (!stat.isFile()) throw new CliError(`${join(targetDir, path)} exists and is not a file`);
      const mergedEnv = mergeDotEnv(await readFile(dest, 'utf8'), vars, secret);
      dotenvs.push({ path, status: mergedEnv.added.length ? 'updated' : 'unchanged', added: mergedEnv.added });
      if (mergedEnv.added.length && !options.dryRun) pending.push({ path, bytes: Buffer.from(mergedEnv.content), mode: envFileMode(stat.mode & 0o777) });
    } else {
      dotenvs.push({ path, status: 'new', added: vars.map((v) => v.name) });
      if (!options.dryRun) pending.push({ path, bytes: Buffer.from(freshDotEnv(vars, secret)), mode: envFileMode() });
    }
  }

  const report: ApplyReport = { targetDir, dryRun: options.dryRun, mode, files: actions, dotenvs, warnings };
  if (options.dryRun || pending.length === 0) return report;

  const conflicts = actions.filter((a) => a.status === 'overwrite').map((a) => a.path);
  if (conflicts.length > 0 && options.interactive) {
    const ok = await (options.confirmOverwrite ?? defaultConfirm)(conflicts);
    if (!ok) throw new CliError(`kept ${conflicts.length} changed file${conflicts.length === 1 ? '' : 's'} (${conflicts.join(', ')}); nothing was written`);
  }

  await write(root, targetStat !== undefined, pending, options);
  return report;
}

/** `targetDir`: the real path of the project folder (projectRoot()). */
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
      if (!file.bytes) continue;
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
        // Checked again right before the rename: the folder may have changed since it was read.
        const dest = assertInsideProject(targetDir, file.path);
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
  // Folders left empty by removed files go too (never the target itself).
  for (const file of pending) {
    if (file.bytes) continue;
    const dirs: string[] = [];
    for (let dir = dirname(join(targetDir, ...file.path.split('/'))); dir.startsWith(`${targetDir}${sep}`); dir = dirname(dir)) dirs.push(dir);
    await removeEmptyDirs(dirs);
  }
  if (interrupted) throw new CancelledError(`cancelled (${interrupted}) after the project was written`);
}

/** True when a staging folder of ours is left next to `targetDir` (tests use this). */
export async function stagingLeftovers(targetDir: string): Promise<string[]> {
  const root = projectRoot(targetDir);
  const parent = dirname(root);
  if (!existsSync(parent)) return [];
  const prefix = `.${basename(root)}.cbaj-tmp-`;
  return (await readdir(parent)).filter((name) => name.startsWith(prefix));
}
