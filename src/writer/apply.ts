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
// - atomic: all or nothing, through one transaction (transaction.ts);
// - nothing outside the project: every path is checked (safe-path.ts) before it is read,
//   written, renamed or removed, and a symbolic link inside the project is never followed —
//   a refusal comes before anything is written.
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CancelledError, CliError } from '../errors.js';
import { unifiedDiff } from '../env/diff.js';
import { varsByFile } from '../env/render.js';
import { MANIFEST_FILE, hashContent, invalidManifestError, readManifest, recordedPaths, renderManifest, type Manifest } from '../plan/manifest.js';
import { fileBytes, type Plan } from '../plan/plan.js';
import { freshDotEnv, makeSecret, mergeDotEnv } from './dotenv.js';
import { instructionFor, type Instruction } from './instructions.js';
import { exactMergeFor } from './merges.js';
import { sameBytes, sameModule, statOrUndefined, text } from './disk.js';
import { assertInsideProject, projectRoot } from './safe-path.js';
import { writeTransaction, type FileChange, type TransactionHooks } from './transaction.js';

export { stagingLeftovers } from './transaction.js';

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
  hooks?: TransactionHooks;
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

/** An env file holds secrets: 0600, or the mode it has when that is stricter (never loosened). */
function envFileMode(existing?: number): number {
  return existing === undefined ? 0o600 : existing & 0o600;
}

async function defaultConfirm(paths: string[]): Promise<boolean> {
  const clack = await import('@clack/prompts');
  clack.log.warn(`These files exist with different content:\n${paths.map((p) => `  ${p}`).join('\n')}`);
  const answer = await clack.confirm({ message: `Overwrite ${paths.length} changed file${paths.length === 1 ? '' : 's'}?`, initialValue: false });
  if (clack.isCancel(answer)) throw new CancelledError();
  return answer;
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
  const pending: FileChange[] = [];
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
    const exact = !alias && !previous?.skipped.has(file.path) && current !== undefined ? exactMergeFor(plan, file.path) : undefined;
    const merge = exact && current !== undefined ? exact.merge(current) : undefined;
    if (merge) {
      warnings.push(...merge.warnings);
      if (merge.content !== current) {
        action.status = 'merge';
        action.notes = merge.notes;
        write(Buffer.from(merge.content));
      } else action.status = 'kept';
      // For a file of ours the user edited, what else we would have changed; an app's own
      // README or .gitignore is simply not ours to rewrite.
      const rest = !ours || plannedText === undefined || exact?.complete ? '' : unifiedDiff(file.path, merge.content, plannedText);
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

  await writeTransaction(root, pending, { targetExists: targetStat !== undefined, handleSignals: options.handleSignals, hooks: options.hooks });
  return report;
}
