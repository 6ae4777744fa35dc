// The block `gen env` appends to an .env.example it did not write: the only lines of such a
// file it owns. Everything outside the markers is the user's, byte for byte.
import { commentedAssignment } from './example-commented.js';

export const GEN_BLOCK_START = '# --- added by create-better-auth-jwt gen env: start ---';
export const GEN_BLOCK_END = '# --- added by create-better-auth-jwt gen env: end ---';

/** One of the two marker lines (they look like group headings but are not). */
export function isBlockMarker(line: string): boolean {
  const t = line.replace(/^\uFEFF/, '').trim();
  return t === GEN_BLOCK_START || t === GEN_BLOCK_END;
}

/** The line under the start marker: what the block is, for whoever opens the file. */
export const GEN_BLOCK_HEADER = '# Variables this project needs that are not documented above. gen env rewrites only this block.';

export interface BlockSplit {
  /** The text before the start marker line. */
  before: string;
  /** The text between the marker lines. */
  inner: string;
  /** The text after the end marker line, from the line break that ends it. */
  after: string;
}

/**
 * The file around its gen env block: undefined without a block, 'unclosed' when the start
 * marker has no end marker below it (then nothing in the file is ours to rewrite).
 */
export function splitBlock(text: string): BlockSplit | undefined | 'unclosed' {
  let offset = 0;
  let start = -1;
  let innerStart = -1;
  for (const part of text.match(/[^\n]*\n|[^\n]+$/g) ?? []) {
    const line = part.replace(/\r?\n$/, '');
    if (start === -1 && line.trim() === GEN_BLOCK_START) {
      start = offset;
      innerStart = offset + part.length;
    } else if (start !== -1 && line.trim() === GEN_BLOCK_END) {
      return { before: text.slice(0, start), inner: text.slice(innerStart, offset), after: text.slice(offset + line.length) };
    }
    offset += part.length;
  }
  return start === -1 ? undefined : 'unclosed';
}

/** One variable of a block: its comment lines and assignment, as written. */
export interface BlockChunk {
  name: string;
  lines: string[];
}

/** The variables of a block's inner text (commented out or not), each with the comment lines right above it. */
export function blockChunks(inner: string): BlockChunk[] {
  const lines = inner.split(/\r?\n/);
  const chunks: BlockChunk[] = [];
  let pending: string[] = [];
  const assignment = /^\s*(?:export\s+)?([\w.-]+)\s*=/;
  for (const line of lines) {
    const t = line.trim();
    if (t === GEN_BLOCK_HEADER || t === '') {
      pending = [];
      continue;
    }
    const commented = commentedAssignment(line);
    if (commented) {
      chunks.push({ name: commented.name, lines: [...pending, line] });
      pending = [];
      continue;
    }
    if (t.startsWith('#')) {
      pending.push(line);
      continue;
    }
    const m = assignment.exec(line);
    if (m) chunks.push({ name: m[1] as string, lines: [...pending, line] });
    pending = [];
  }
  return chunks;
}

/**
 * `text` with its block holding `chunks` (in that order): appended at the end when there was
 * none, rewritten in place when there was one, removed when `chunks` is empty. Every byte outside the block is kept.
 */
export function withBlock(text: string, split: BlockSplit | undefined, chunks: readonly BlockChunk[]): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (chunks.length === 0) {
    if (!split) return text;
    // The blank line above stays: it may be the user's.
    return split.before + split.after.replace(/^\r?\n/, '');
  }
  const block = [GEN_BLOCK_START, GEN_BLOCK_HEADER, ...chunks.flatMap((c) => c.lines), GEN_BLOCK_END].join(eol);
  if (split) return split.before + block + split.after;
  const separator = text === '' || /(?:^|\n)\r?\n$/.test(text) ? '' : text.endsWith('\n') ? eol : eol + eol;
  return `${text}${separator}${block}${eol}`;
}
