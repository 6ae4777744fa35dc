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
// The parts: target.ts (what the folder is), disk facts (disk.ts) → fate.ts (pure: each
// file's fate) → merges.ts (exact merges), env-files.ts (.env), the manifest
// (src/plan/manifest.ts) → transaction.ts.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError } from '../errors.js';
import { unifiedDiff } from '../env/diff.js';
import { varsByFile } from '../env/render.js';
import { MANIFEST_FILE, hashContent, invalidManifestError, manifestAfterWrite, recordedPaths, renderManifest } from '../plan/manifest.js';
import { fileBytes, type Plan, type PlannedFile } from '../plan/plan.js';
import { confirmOverwrite } from './confirm-overwrite.js';
import { sameBytes, sameModule, statOrUndefined, text } from './disk.js';
import { makeSecret } from './dotenv.js';
import { dotenvChanges, type DotenvReport } from './env-files.js';
import { fileFate, leftoverFate, looksForOtherExtension, manifestFate, type ApplyMode, type FileStatus, type MergeOutcome, type OnDisk, type Recorded } from './fate.js';
import { instructionFor, type Instruction } from './instructions.js';
import { exactMergeFor, type MergeResult } from './merges.js';
import { assertInsideProject, projectRoot } from './safe-path.js';
import { applyMode, readTarget } from './target.js';
import { writeTransaction, type FileChange, type TransactionHooks } from './transaction.js';

export { invalidManifestError };
export { stagingLeftovers } from './transaction.js';
export type { ApplyMode, DotenvReport, FileStatus };

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

/** What the previous run recorded (the manifest of a project of ours). */
interface Previous {
  files: Record<string, string>;
  merged: Set<string>;
  skipped: Set<string>;
}

/** What the walk over the plan's files builds up: the report, the changes, the new manifest's lists. */
interface Outcome {
  actions: FileAction[];
  changes: FileChange[];
  warnings: string[];
  manifestFiles: Record<string, string>;
  merged: string[];
  skipped: string[];
}

interface FileContext {
  plan: Plan;
  root: string;
  mode: ApplyMode;
  populated: boolean;
  previous?: Previous;
  inside(path: string): string;
  targetDir: string;
}

/** Reads what is at a planned file's path, asks fate.ts what happens to it, and records that in `out`. */
async function settleFile(file: PlannedFile, ctx: FileContext, out: Outcome): Promise<void> {
  const { plan, mode, previous } = ctx;
  const bytes = fileBytes(file);
  const plannedHash = hashContent(bytes);
  const plannedText = file.encoding ? undefined : file.content;
  const dest = ctx.inside(file.path);
  const stat = ctx.populated ? await statOrUndefined(dest) : undefined;
  if (stat?.isDirectory()) throw new CliError(`cannot write ${file.path}: a directory of that name exists in ${ctx.targetDir}`);
  // An existing app's module under another extension is that file (no second middleware).
  const alias = !stat && looksForOtherExtension(mode) ? await sameModule(ctx.root, file.path) : undefined;
  const found = stat ? file.path : alias;

  let current: string | undefined;
  let merged: MergeResult | undefined;
  let mergeOutcome: MergeOutcome | undefined;
  let onDisk: OnDisk | undefined;
  if (found !== undefined) {
    const currentBytes = await readFile(ctx.inside(found));
    current = text(currentBytes);
    onDisk = { otherExtension: alias !== undefined, identical: sameBytes(currentBytes, bytes), hash: hashContent(currentBytes) };
    const exact = current === undefined ? undefined : exactMergeFor(plan, file.path);
    merged = exact && current !== undefined ? exact.merge(current) : undefined;
    if (exact && merged) mergeOutcome = { changes: merged.content !== current, matchesPlan: merged.content === plannedText, complete: exact.complete };
  }
  const recorded: Recorded | undefined = previous && { hash: previous.files[file.path], merged: previous.merged.has(file.path), skipped: previous.skipped.has(file.path) };
  const fate = fileFate({ mode, onDisk, recorded, merge: mergeOutcome });

  const action: FileAction = { path: file.path, status: fate.status, size: bytes.byteLength };
  out.actions.push(action);
  if (fate.usesMerge && merged) out.warnings.push(...merged.warnings);
  if (fate.change === 'write-planned') out.changes.push({ path: file.path, bytes });
  if (fate.change === 'write-merged' && merged) {
    action.notes = merged.notes;
    out.changes.push({ path: file.path, bytes: Buffer.from(merged.content) });
  }
  if (fate.diff === 'merged-to-planned' && merged && plannedText !== undefined) {
    const rest = unifiedDiff(file.path, merged.content, plannedText);
    if (rest) action.diff = rest;
  }
  if (fate.diff === 'current-to-planned' && plannedText !== undefined && current !== undefined) action.diff = unifiedDiff(file.path, current, plannedText);
  if (fate.record === 'planned') out.manifestFiles[file.path] = plannedHash;
  if (fate.record === 'previous') out.manifestFiles[file.path] = recorded?.hash as string;
  if (fate.record === 'merged') out.merged.push(file.path);
  if (fate.record === 'skipped') out.skipped.push(file.path);
  if (fate.status === 'skip') {
    action.instruction =
      current !== undefined && plannedText !== undefined
        ? instructionFor(file.path, found as string, plannedText, current, plan)
        : { summary: `${found} exists and is not ours (binary); left as it is.`, lines: [] };
  }
}

export async function apply(plan: Plan, options: ApplyOptions): Promise<ApplyReport> {
  // targetDir as the user named it (messages); root, its real path, for every disk operation.
  const targetDir = resolve(options.dir);
  const root = projectRoot(targetDir);
  const inside = (path: string) => assertInsideProject(root, path);
  const { target, entries } = await readTarget(root, targetDir);
  const mode = applyMode(target, options.existingApp === true);
  if (mode === 'force' && !options.force) {
    throw new CliError(
      `target directory ${targetDir} is not empty (${entries} entr${entries === 1 ? 'y' : 'ies'}); choose a new directory, or pass --force to add to it (changed files are never overwritten without asking)`,
    );
  }
  const previous: Previous | undefined =
    target.kind === 'ours'
      ? {
          files: Object.fromEntries(Object.entries(target.manifest.files).filter(([, h]) => typeof h === 'string')),
          merged: new Set(recordedPaths(target.manifest, 'merged')),
          skipped: new Set(recordedPaths(target.manifest, 'skipped')),
        }
      : undefined;
  const populated = entries > 0;

  const envFiles = varsByFile(plan.env);
  const out: Outcome = { actions: [], changes: [], warnings: [], manifestFiles: {}, merged: [], skipped: [] };
  const ctx: FileContext = { plan, root, mode, populated, ...(previous ? { previous } : {}), inside, targetDir };
  for (const file of plan.files) {
    if (envFiles.has(file.path)) throw new Error(`bug: a plan must not contain ${file.path}`);
    if (file.path === MANIFEST_FILE) continue;
    await settleFile(file, ctx, out);
  }

  // Files the previous run generated that this plan no longer has.
  const planned = new Set(plan.files.map((f) => f.path));
  for (const [path, prevHash] of Object.entries(previous?.files ?? {})) {
    if (planned.has(path) || path === MANIFEST_FILE || envFiles.has(path)) continue;
    const dest = inside(path);
    if (!(await statOrUndefined(dest))?.isFile()) continue;
    const fate = leftoverFate(hashContent(await readFile(dest)), prevHash);
    out.actions.push({ path, status: fate.status, size: 0 });
    if (fate.change === 'remove') out.changes.push({ path });
    if (fate.record === 'previous') out.manifestFiles[path] = prevHash;
  }

  // The manifest: what is on disk as generated, and which files are the app's own.
  const manifest = manifestAfterWrite(plan.manifest, { files: out.manifestFiles, merged: out.merged, skipped: out.skipped });
  const manifestBytes = Buffer.from(renderManifest(manifest));
  const manifestPath = inside(MANIFEST_FILE);
  const manifestThere = previous !== undefined || (populated && (await statOrUndefined(manifestPath)) !== undefined);
  const manifestStatus = manifestFate(mode, manifestThere ? { identical: sameBytes(await readFile(manifestPath), manifestBytes) } : undefined);
  if (manifestStatus !== 'unchanged') out.changes.push({ path: MANIFEST_FILE, bytes: manifestBytes });
  out.actions.push({ path: MANIFEST_FILE, status: manifestStatus, size: manifestBytes.byteLength });
  out.actions.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const dotenvs = await dotenvChanges({ envFiles, inside, targetDir, populated, secret: options.makeSecret ?? makeSecret, dryRun: options.dryRun });
  out.changes.push(...dotenvs.changes);

  const report: ApplyReport = { targetDir, dryRun: options.dryRun, mode, files: out.actions, dotenvs: dotenvs.reports, warnings: out.warnings };
  if (options.dryRun || out.changes.length === 0) return report;

  const conflicts = out.actions.filter((a) => a.status === 'overwrite').map((a) => a.path);
  if (conflicts.length > 0 && options.interactive) {
    const ok = await (options.confirmOverwrite ?? confirmOverwrite)(conflicts);
    if (!ok) throw new CliError(`kept ${conflicts.length} changed file${conflicts.length === 1 ? '' : 's'} (${conflicts.join(', ')}); nothing was written`);
  }

  await writeTransaction(root, out.changes, { targetExists: target.kind !== 'absent', handleSignals: options.handleSignals, hooks: options.hooks });
  return report;
}
