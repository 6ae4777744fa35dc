// What happens to each file, decided from data alone (no disk, no prompt): how the target is
// treated, what is on disk at the file's path, what the previous run recorded about it, and
// what its exact merge would do. The writer reads those facts, asks here, then does it; the
// table of cases is test/unit/file-fate.test.ts.

/** How the writer treats the target folder (see target.ts). */
export type ApplyMode = 'create' | 'rerun' | 'existing' | 'force';

/**
 * A file's fate, as the report and `--json` name it:
 * - new: written; unchanged: identical already; update: ours and unedited, replaced;
 * - overwrite: replaced a different file (--force into a directory that is not ours);
 * - merge: an edited or existing file, merged exactly (keys, dependencies, env table);
 * - kept: edited (or not ours) and left alone — `diff` is what we did not apply;
 * - skip: an existing app's own file, left alone — `instruction` says what to add;
 * - remove: no longer generated and unedited, deleted; orphan: no longer generated but
 *   edited, kept.
 */
export type FileStatus = 'new' | 'unchanged' | 'update' | 'overwrite' | 'merge' | 'kept' | 'skip' | 'remove' | 'orphan';

/** The file found at a planned path. */
export interface OnDisk {
  /** It is the app's module under another extension, in the planned file's role (`middleware.js` for `middleware.ts`). */
  otherExtension: boolean;
  /** Byte for byte the planned file. */
  identical: boolean;
  /** hashContent() of its bytes. */
  hash: string;
}

/** What the previous run's manifest says about a path. */
export interface Recorded {
  /** The hash of what was generated, when the path is among its `files`. */
  hash?: string;
  /** Listed under `merged`: an app's file we merged into. */
  merged: boolean;
  /** Listed under `skipped`: an app's file we left alone. */
  skipped: boolean;
}

/** The file's exact merge (merges.ts) applied to it as it is, when it has one and is text. */
export interface MergeOutcome {
  /** The merge changes the file. */
  changes: boolean;
  /** The merged file is exactly the planned one. */
  matchesPlan: boolean;
  /** The merge adds all of ours that matters, so the rest is not shown as a diff (package.json). */
  complete: boolean;
}

export interface FateInput {
  mode: ApplyMode;
  /** Undefined: nothing at the path (nor the same module under another extension). */
  onDisk?: OnDisk;
  /** Undefined: no previous manifest. */
  recorded?: Recorded;
  merge?: MergeOutcome;
}

export interface Fate {
  status: FileStatus;
  /** What goes to disk: the planned file, the merged one, or the file's removal. */
  change?: 'write-planned' | 'write-merged' | 'remove';
  /**
   * What the new manifest keeps for the path: the planned hash; the previous hash (a file of
   * ours the user edited keeps the hash of what was generated, so the next run still sees the
   * edit); or the path in `merged` / `skipped` (the app's own file).
   */
  record?: 'planned' | 'previous' | 'merged' | 'skipped';
  /** The exact merge was used: its warnings are reported, and its notes when it changed the file. */
  usesMerge?: true;
  /** The diff to show, of what we did not apply: from the merged file, or from the file as it is, to the planned one. */
  diff?: 'merged-to-planned' | 'current-to-planned';
}

/** Whether an app's module under another extension stands for a planned file: only in a folder that is an app (ours, or existing). */
export function looksForOtherExtension(mode: ApplyMode): boolean {
  return mode === 'existing' || mode === 'rerun';
}

/** The fate of a planned file. */
export function fileFate({ mode, onDisk, recorded, merge }: FateInput): Fate {
  if (!onDisk) return { status: 'new', change: 'write-planned', record: 'planned' };
  if (!onDisk.otherExtension && onDisk.identical) return { status: 'unchanged', record: 'planned' };
  if (mode === 'force') return { status: 'overwrite', change: 'write-planned', record: 'planned' };
  // Ours: a file the previous run generated as its own (not merged into, not left alone).
  const ours = mode === 'rerun' && !onDisk.otherExtension && recorded?.hash !== undefined && !recorded.merged && !recorded.skipped;
  if (ours && onDisk.hash === recorded?.hash) return { status: 'update', change: 'write-planned', record: 'planned' };
  // Edited by the user, or not ours at all: merge exactly where we can, else leave it.
  const exact = !onDisk.otherExtension && !recorded?.skipped ? merge : undefined;
  if (exact) {
    return {
      // Unchanged by the merge: an edit of ours is kept; an app's own file (README,
      // .gitignore...) is simply not ours to rewrite, so nothing is left undone.
      status: exact.changes ? 'merge' : ours ? 'kept' : 'unchanged',
      ...(exact.changes ? { change: 'write-merged' as const } : {}),
      record: exact.matchesPlan ? 'planned' : ours ? 'previous' : 'merged',
      usesMerge: true,
      // For a file of ours the user edited, what else we would have changed.
      ...(ours && !exact.complete ? { diff: 'merged-to-planned' as const } : {}),
    };
  }
  if (ours) return { status: 'kept', record: 'previous', diff: 'current-to-planned' };
  return { status: 'skip', record: 'skipped' };
}

/** The fate of a file the previous run generated that the plan no longer has (`onDiskHash`: of the file as it is). */
export function leftoverFate(onDiskHash: string, recordedHash: string): Fate {
  // An edited leftover keeps the hash of what we generated, never of the edited file: else
  // the next run would see an unedited file and remove the user's work.
  return onDiskHash === recordedHash ? { status: 'remove', change: 'remove' } : { status: 'orphan', record: 'previous' };
}

/** The fate of the manifest itself (`onDisk`: a manifest file is there, identical or not). */
export function manifestFate(mode: ApplyMode, onDisk?: { identical: boolean }): FileStatus {
  if (!onDisk) return 'new';
  return onDisk.identical ? 'unchanged' : mode === 'rerun' ? 'update' : 'overwrite';
}
