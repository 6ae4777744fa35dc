// `gen env` on an .env.example it does not own: one it did not write (no manifest, or the
// manifest has no hash of it) or one edited since. It adds what is missing, in one block of
// its own at the end, and never edits or removes another line of the file.
import { blockChunks, splitBlock, withBlock, type BlockChunk } from './example-block.js';
import type { FileChange } from './gen.js';
import { looksSecret, publicPrefixOf } from './names.js';
import { NO_DESCRIPTION, exampleToEnvVar, parseExample, type EnvFileUnit, type EnvVarsFor, type ExampleEntry } from './registry.js';
import { DEFAULT_ENV_FILE, commentLines, envVarKey, formatEnvValue } from './render.js';
import type { EnvVar } from './types.js';

/** A variable the code reads that an .env.example does not document, where it is read first. */
export interface UndocumentedRead {
  name: string;
  file: string;
  line?: number;
}

/** What `check env` says about the documentation of each env file's example. */
export interface DocsFindings {
  /** Per example file: variables the code reads that it does not document. */
  undocumented: Map<string, UndocumentedRead[]>;
  /** Per example file: variables it documents that no code reads. */
  unused: Map<string, Set<string>>;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Runs `check env` and keeps its `undocumented` and `unused` findings per example file, so
 * that gen env adds exactly what check env asks for (its platform exemptions, monorepo
 * rules and tooling-only reads included).
 */
export async function docsFindings(root: string, units: readonly EnvFileUnit[], envVarsFor: EnvVarsFor): Promise<DocsFindings> {
  const { checkEnv } = await import('./check.js');
  const result = await checkEnv({ cwd: root, envVarsFor });
  const undocumented = new Map<string, UndocumentedRead[]>(units.map((u) => [u.example, []]));
  const unused = new Map<string, Set<string>>(units.map((u) => [u.example, new Set()]));
  // The finding names its example file in its message; the read's own file may be anywhere.
  const namesExample = units.map((u) => ({ u, re: new RegExp(`not documented in ${escapeRegExp(u.example)}(?![\\w./-])`) }));
  for (const f of result.findings) {
    if (f.variable === undefined) continue;
    if (f.rule === 'undocumented' && f.file !== undefined) {
      const unit = namesExample.find(({ re }) => re.test(f.message))?.u;
      const list = unit && undocumented.get(unit.example);
      if (list && !list.some((r) => r.name === f.variable)) list.push({ name: f.variable, file: f.file, ...(f.line !== undefined ? { line: f.line } : {}) });
    } else if (f.rule === 'unused' && f.file !== undefined) {
      unused.get(f.file)?.add(f.variable);
    }
  }
  return { undocumented, unused };
}

/** Why a variable is added, for the block comment and `--check`. */
export interface AddedVar {
  name: string;
  why: string;
}

export interface ForeignExampleUpdate {
  after: string;
  added: AddedVar[];
  removed: string[];
  /** The start marker has no end marker: nothing was changed. */
  unclosed?: true;
}

function registryChunk(v: EnvVar): BlockChunk {
  return { name: v.name, lines: [...commentLines(v), `${v.name}=${formatEnvValue(v.generate || v.secret ? '' : v.example)}`] };
}

/**
 * A read nothing is known about is documented commented out: a copy of the file to .env then
 * sets nothing (an empty value would override a `?? default` in the code).
 */
function readChunk(r: UndocumentedRead): BlockChunk {
  return { name: r.name, lines: [`# read in ${r.file}${r.line !== undefined ? `:${r.line}` : ''}`, `# ${r.name}=`] };
}

/**
 * The new text of a foreign .env.example: the registry variables (`registry`, this file's) and
 * the `reads` it does not document, in its block. A variable already in the block keeps its
 * lines as they are; one now documented outside the block, or (not a registry variable) no
 * longer read, leaves it.
 */
export function updateForeignExample(text: string, registry: readonly EnvVar[], reads: readonly UndocumentedRead[], unused: ReadonlySet<string>): ForeignExampleUpdate {
  const split = splitBlock(text);
  if (split === 'unclosed') return { after: text, added: [], removed: [], unclosed: true };
  const outside = split ? split.before + split.after : text;
  const documented = new Set(parseExample(outside).map((e) => e.name));
  const inRegistry = new Set(registry.map((v) => v.name));
  const chunks: BlockChunk[] = [];
  const have = new Set<string>();
  const removed: string[] = [];
  for (const c of split ? blockChunks(split.inner) : []) {
    if (documented.has(c.name) || have.has(c.name) || (!inRegistry.has(c.name) && unused.has(c.name))) {
      removed.push(c.name);
      continue;
    }
    chunks.push(c);
    have.add(c.name);
  }
  const added: AddedVar[] = [];
  for (const v of registry) {
    if (documented.has(v.name) || have.has(v.name)) continue;
    chunks.push(registryChunk(v));
    have.add(v.name);
    added.push({ name: v.name, why: 'a variable of this project' });
  }
  for (const r of reads) {
    if (documented.has(r.name) || have.has(r.name)) continue;
    chunks.push(readChunk(r));
    have.add(r.name);
    added.push({ name: r.name, why: `read in ${r.file}${r.line !== undefined ? `:${r.line}` : ''}` });
  }
  return { after: withBlock(text, split, chunks), added, removed };
}

/** A variable the code reads, as a row of the README table (nothing is known about it). */
function readAsEnvVar(r: UndocumentedRead, file: string): EnvVar {
  const v: EnvVar = { name: r.name, group: 'Your variables', description: '', required: false, kind: 'string', example: '', usedBy: publicPrefixOf(r.name) ? ['frontend'] : ['backend'], secret: looksSecret(r.name) };
  if (file !== DEFAULT_ENV_FILE) v.file = file;
  return v;
}

function explain(file: string, added: readonly AddedVar[], removed: readonly string[]): string[] {
  const lines: string[] = [];
  if (added.length) {
    lines.push(`${file}: would add ${added.length} variable(s) in a block at the end (no other line changes):`);
    for (const a of added) lines.push(`  ${a.name} (${a.why})`);
  }
  if (removed.length) lines.push(`${file}: would remove ${removed.join(', ')} from its block (documented above it now, or no longer read)`);
  return lines;
}

export interface ForeignExamplePlan {
  change: FileChange;
  /** README rows: what the file documents beyond the registry (commented out too), and what was added. */
  rows: EnvVar[];
  /** The variables --write-env adds, each the user documented with the value their file gives it. */
  envVars: EnvVar[];
  notes: string[];
}

/** gen env's whole plan for one foreign .env.example (`why` says why it is not gen env's own). */
export function planForeignExample(input: {
  unit: EnvFileUnit;
  text: string;
  example: readonly ExampleEntry[];
  /** The unit's registry variables and the variables the file documents (mergeWithExample). */
  vars: readonly EnvVar[];
  owned: ReadonlySet<string>;
  docs: DocsFindings;
  why: string;
}): ForeignExamplePlan {
  const { unit, text, example, vars, owned, docs, why } = input;
  const notes: string[] = [];
  const reads = docs.undocumented.get(unit.example) ?? [];
  const update = updateForeignExample(text, unit.vars, reads, docs.unused.get(unit.example) ?? new Set());
  if (update.unclosed) notes.push(`${unit.example} has a gen env start marker without its end marker: fix it by hand; gen env left the file alone`);
  else if (update.after !== text) notes.push(`${unit.example} is not gen env's own (${why}): it only adds what is missing, in a block of its own at the end`);

  const inRegistry = new Set(unit.vars.map((v) => envVarKey(v)));
  const listed = new Set(unit.vars.map((v) => v.name));
  const rows: EnvVar[] = [];
  for (const e of parseExample(update.after)) {
    const v = exampleToEnvVar(e, unit.file);
    if (inRegistry.has(envVarKey(v)) || owned.has(envVarKey(v)) || listed.has(v.name)) continue;
    listed.add(v.name);
    // "No description yet…" belongs in files gen env owns, not in a table of someone else's.
    rows.push(v.description === NO_DESCRIPTION ? { ...v, description: '' } : v);
  }
  for (const r of reads) {
    if (listed.has(r.name)) continue;
    listed.add(r.name);
    rows.push(readAsEnvVar(r, unit.file));
  }

  // A key the user documented gets the value their file gives it, as a copy of the file
  // would: never an empty one in place of a default (JWT_SECRET_ROTATION_DAYS=30).
  const documentedValue = new Map(example.filter((e) => !e.commented).map((e) => [e.name, e.value]));
  const ofRegistry = new Set(unit.vars.map((v) => v.name));
  const envVars = vars.map((v) => (ofRegistry.has(v.name) || !documentedValue.has(v.name) ? v : { ...v, localDefault: documentedValue.get(v.name) as string }));

  const parts: string[] = [];
  if (update.added.length) parts.push(`added ${update.added.map((a) => a.name).join(', ')} in its own block at the end; nothing else changed`);
  if (update.removed.length) parts.push(`removed ${update.removed.join(', ')} from its block`);
  const change: FileChange = { file: unit.example, before: text, after: update.after, summary: parts.join('; '), explain: explain(unit.example, update.added, update.removed) };
  return { change, rows, envVars, notes };
}
