// `gen env` on an .env.example it does not own: one it did not write (no manifest, or the
// manifest has no hash of it) or one edited since. It adds what is missing, in one block of
// its own at the end, and never edits or removes another line of the file.
import { blockChunks, splitBlock, withBlock, type BlockChunk } from './example-block.js';
import { parseExample, type EnvFileUnit, type EnvVarsFor } from './registry.js';
import { commentLines, formatEnvValue } from './render.js';
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
export function readAsEnvVar(r: UndocumentedRead, secret: boolean, publicName: boolean, file: string | undefined): EnvVar {
  const v: EnvVar = { name: r.name, group: 'Your variables', description: '', required: false, kind: 'string', example: '', usedBy: publicName ? ['frontend'] : ['backend'], secret };
  if (file !== undefined) v.file = file;
  return v;
}
