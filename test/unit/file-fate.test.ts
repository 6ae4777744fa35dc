// The writer's decisions as data: each planned file's fate from what is on disk, what the
// previous manifest recorded and what the exact merge would do (src/writer/fate.ts), and how
// a target folder is treated (src/writer/target.ts). No disk is touched here.
import { describe, expect, it } from 'vitest';
import { fileFate, leftoverFate, looksForOtherExtension, manifestFate, type Fate, type FateInput } from '../../src/writer/fate.js';
import { applyMode } from '../../src/writer/target.js';

const GENERATED = 'sha256-generated';
const EDITED = 'sha256-edited';

/** A file of ours the user edited since the previous run. */
const editedOfOurs = { otherExtension: false, identical: false, hash: EDITED };
const recordedAsOurs = { hash: GENERATED, merged: false, skipped: false };
/** A file of an existing app at a planned path. */
const appFile = { otherExtension: false, identical: false, hash: EDITED };

const cases: [string, FateInput, Fate][] = [
  ['a file that is not there is written and recorded', { mode: 'create' }, { status: 'new', change: 'write-planned', record: 'planned' }],
  ['a file missing from a project of ours is written again', { mode: 'rerun', recorded: recordedAsOurs }, { status: 'new', change: 'write-planned', record: 'planned' }],
  ['a file missing from an existing app is added', { mode: 'existing' }, { status: 'new', change: 'write-planned', record: 'planned' }],
  [
    'a file identical to the planned one is left as it is and recorded',
    { mode: 'existing', onDisk: { otherExtension: false, identical: true, hash: GENERATED } },
    { status: 'unchanged', record: 'planned' },
  ],
  [
    'with --force in a folder that is not ours, a different file is overwritten',
    { mode: 'force', onDisk: appFile, merge: { changes: true, matchesPlan: false, complete: false } },
    { status: 'overwrite', change: 'write-planned', record: 'planned' },
  ],
  [
    'a file of ours the user has not edited is updated',
    { mode: 'rerun', onDisk: { otherExtension: false, identical: false, hash: GENERATED }, recorded: recordedAsOurs },
    { status: 'update', change: 'write-planned', record: 'planned' },
  ],
  [
    'a file of ours the user edited, with no exact merge, is kept: the manifest keeps the generated hash and the diff shows what was not applied',
    { mode: 'rerun', onDisk: editedOfOurs, recorded: recordedAsOurs },
    { status: 'kept', record: 'previous', diff: 'current-to-planned' },
  ],
  [
    'a file of ours the user edited is merged exactly where it can be, and the rest is shown as a diff',
    { mode: 'rerun', onDisk: editedOfOurs, recorded: recordedAsOurs, merge: { changes: true, matchesPlan: false, complete: false } },
    { status: 'merge', change: 'write-merged', record: 'previous', usesMerge: true, diff: 'merged-to-planned' },
  ],
  [
    'an edited file of ours that the merge turns into the planned one is recorded as generated',
    { mode: 'rerun', onDisk: editedOfOurs, recorded: recordedAsOurs, merge: { changes: true, matchesPlan: true, complete: false } },
    { status: 'merge', change: 'write-merged', record: 'planned', usesMerge: true, diff: 'merged-to-planned' },
  ],
  [
    'an edited package.json of ours is merged without a diff of the rest (the merge notes say it all)',
    { mode: 'rerun', onDisk: editedOfOurs, recorded: recordedAsOurs, merge: { changes: true, matchesPlan: false, complete: true } },
    { status: 'merge', change: 'write-merged', record: 'previous', usesMerge: true },
  ],
  [
    'an edited file of ours the merge has nothing to add to is kept, with the diff',
    { mode: 'rerun', onDisk: editedOfOurs, recorded: recordedAsOurs, merge: { changes: false, matchesPlan: false, complete: false } },
    { status: 'kept', record: 'previous', usesMerge: true, diff: 'merged-to-planned' },
  ],
  [
    "an existing app's file with an exact merge is merged, and listed as merged (never replaced later)",
    { mode: 'existing', onDisk: appFile, merge: { changes: true, matchesPlan: false, complete: false } },
    { status: 'merge', change: 'write-merged', record: 'merged', usesMerge: true },
  ],
  [
    "an existing app's file the merge has nothing to add to is unchanged: it is not ours to rewrite",
    { mode: 'existing', onDisk: appFile, merge: { changes: false, matchesPlan: false, complete: false } },
    { status: 'unchanged', record: 'merged', usesMerge: true },
  ],
  [
    "an existing app's file with no exact merge is left alone, with instructions, and listed as skipped",
    { mode: 'existing', onDisk: appFile },
    { status: 'skip', record: 'skipped' },
  ],
  [
    "an existing app's module under another extension stands for the planned one: left alone, even when it looks identical",
    { mode: 'existing', onDisk: { otherExtension: true, identical: true, hash: GENERATED }, merge: { changes: true, matchesPlan: false, complete: false } },
    { status: 'skip', record: 'skipped' },
  ],
  [
    'on a re-run, a file the previous run left alone is left alone again, never merged',
    { mode: 'rerun', onDisk: appFile, recorded: { merged: false, skipped: true }, merge: { changes: true, matchesPlan: false, complete: false } },
    { status: 'skip', record: 'skipped' },
  ],
  [
    'on a re-run, an app file the previous run merged into is merged again, never replaced',
    { mode: 'rerun', onDisk: { otherExtension: false, identical: false, hash: GENERATED }, recorded: { hash: GENERATED, merged: true, skipped: false }, merge: { changes: true, matchesPlan: false, complete: false } },
    { status: 'merge', change: 'write-merged', record: 'merged', usesMerge: true },
  ],
  [
    'on a re-run, a file the user added at a planned path is treated as theirs: left alone',
    { mode: 'rerun', onDisk: appFile, recorded: { merged: false, skipped: false } },
    { status: 'skip', record: 'skipped' },
  ],
];

describe('fileFate', () => {
  it.each(cases)('%s', (_sentence, input, fate) => {
    expect(fileFate(input)).toEqual(fate);
  });
});

describe('files the plan no longer has, the manifest, the target', () => {
  it('a file no longer generated and unedited is removed', () => {
    expect(leftoverFate(GENERATED, GENERATED)).toEqual({ status: 'remove', change: 'remove' });
  });

  it('a file no longer generated but edited is kept, and the manifest keeps the hash of what was generated', () => {
    expect(leftoverFate(EDITED, GENERATED)).toEqual({ status: 'orphan', record: 'previous' });
  });

  it('the manifest is new where there is none, updated on a re-run, overwritten only with --force', () => {
    expect(manifestFate('create')).toBe('new');
    expect(manifestFate('rerun', { identical: true })).toBe('unchanged');
    expect(manifestFate('rerun', { identical: false })).toBe('update');
    expect(manifestFate('force', { identical: false })).toBe('overwrite');
  });

  it('a module under another extension is looked for only in an app (ours or existing)', () => {
    expect(['create', 'rerun', 'existing', 'force'].filter((m) => looksForOtherExtension(m as never))).toEqual(['rerun', 'existing']);
  });

  it('an absent or empty folder is created, ours is re-run, an existing app is added to, anything else needs --force', () => {
    expect(applyMode({ kind: 'absent' }, false)).toBe('create');
    expect(applyMode({ kind: 'empty' }, true)).toBe('create');
    expect(applyMode({ kind: 'ours', manifest: { version: 1, options: {} as never, env: { declared: [] }, files: {}, raw: {} } }, true)).toBe('rerun');
    expect(applyMode({ kind: 'other' }, true)).toBe('existing');
    expect(applyMode({ kind: 'other' }, false)).toBe('force');
  });
});
