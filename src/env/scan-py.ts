// Env reads in Python, found on a token stream (strings and comments understood, so a
// commented-out or quoted `os.getenv("X")` is not a read): `os.environ["X"]`,
// `os.environ.get("X")`, `os.getenv("X")`, and the same through `from os import environ,
// getenv` or `import os as o`; `"X" in os.environ`, `setdefault`/`pop`, reads inside
// f-strings, and the fields of pydantic settings classes (scan-py-settings.ts).
import type { EnvRead, HelperLinks, ScanProblem } from './scan-types.js';
import { settingsReads } from './scan-py-settings.js';
import { callArgs, enclosingFunction, functionsOf, pythonLinks, type PyFunction } from './scan-py-links.js';

export interface Token {
  t: 'name' | 'str' | 'op' | 'nl';
  v: string;
  line: number;
  /** For strings: true when the value is a plain literal (no f-prefix). */
  literal?: boolean;
  /** On the first token of a logical line: its column (the block structure). */
  indent?: number;
}

const PREFIX = /^[rRbBuUfF]{1,2}$/;

export function tokenizePython(src: string, firstLine = 1): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = firstLine;
  let depth = 0;
  /** Where the current line starts while no token has been seen on it, else -1. */
  let lineStart = 0;
  const n = src.length;
  // Not a closure over `i`: that would keep the loop's counter out of registers.
  const push = (token: Token, at: number, start: number): number => {
    if (start !== -1) token.indent = at - start;
    tokens.push(token);
    return -1;
  };
  while (i < n) {
    const c = src[i] as string;
    if (c === '\n') {
      if (depth === 0) {
        tokens.push({ t: 'nl', v: '\n', line });
        lineStart = i + 1;
      }
      line++;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\\') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < n && src[i] !== '\n') i++;
      continue;
    }
    if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      let j = i + 1;
      while (j < n && /[\w\u0080-\uffff]/.test(src[j] as string)) j++;
      const word = src.slice(i, j);
      const q = src[j];
      if ((q === '"' || q === "'") && PREFIX.test(word)) {
        const end = readString(src, j, word);
        const startLine = line;
        line += countNewlines(src, i, end.end);
        const formatted = /[fF]/.test(word);
        lineStart = push({ t: 'str', v: end.value, line: startLine, literal: !formatted && !/[bB]/.test(word) }, i, lineStart);
        // An f-string's {expressions} are code: `f"{os.environ['X']}"` reads X.
        if (formatted) tokens.push(...fStringTokens(end.value, startLine));
        i = end.end;
        continue;
      }
      lineStart = push({ t: 'name', v: word, line }, i, lineStart);
      i = j;
      continue;
    }
    if (c === '"' || c === "'") {
      const end = readString(src, i, '');
      const startLine = line;
      line += countNewlines(src, i, end.end);
      lineStart = push({ t: 'str', v: end.value, line: startLine, literal: true }, i, lineStart);
      i = end.end;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
    // `==` must not look like an assignment.
    if (c === '=' && src[i + 1] === '=') {
      lineStart = push({ t: 'op', v: '==', line }, i, lineStart);
      i += 2;
      continue;
    }
    lineStart = push({ t: 'op', v: c, line }, i, lineStart);
    i++;
  }
  return tokens;
}

/** The tokens of an f-string's `{…}` expressions (`{{` is a literal brace). */
function fStringTokens(value: string, firstLine: number): Token[] {
  const out: Token[] = [];
  let line = firstLine;
  for (let k = 0; k < value.length; k++) {
    const c = value[k];
    if (c === '\n') line++;
    if (c !== '{') continue;
    if (value[k + 1] === '{') {
      k++;
      continue;
    }
    let depth = 1;
    let end = k + 1;
    while (end < value.length && depth > 0) {
      if (value[end] === '{') depth++;
      else if (value[end] === '}') depth--;
      end++;
    }
    for (const t of tokenizePython(value.slice(k + 1, end - 1), line)) if (t.t !== 'nl') out.push({ t: t.t, v: t.v, line: t.line, ...(t.literal !== undefined ? { literal: t.literal } : {}) });
    line += countNewlines(value, k, end);
    k = end - 1;
  }
  return out;
}

function countNewlines(src: string, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) if (src.charCodeAt(k) === 10) count++;
  return count;
}

function readString(src: string, start: number, prefix: string): { value: string; end: number } {
  const quote = src[start] as string;
  const triple = src.startsWith(quote.repeat(3), start);
  const raw = /[rR]/.test(prefix);
  let i = start + (triple ? 3 : 1);
  let value = '';
  while (i < src.length) {
    const c = src[i] as string;
    if (c === '\\' && i + 1 < src.length) {
      value += raw ? c + src[i + 1] : (src[i + 1] as string);
      i += 2;
      continue;
    }
    if (triple ? src.startsWith(quote.repeat(3), i) : c === quote) {
      return { value, end: i + (triple ? 3 : 1) };
    }
    if (!triple && c === '\n') return { value, end: i }; // unterminated: stop at the line end
    value += c;
    i++;
  }
  return { value, end: src.length };
}

export function scanPython(src: string, file: string): { reads: EnvRead[]; problems: ScanProblem[]; links?: HelperLinks } {
  const tokens = tokenizePython(src);
  const reads: EnvRead[] = [];
  const problems: ScanProblem[] = [];
  const osNames = new Set(['os']);
  const environNames = new Set<string>();
  const getenvNames = new Set<string>();

  // Imports: `import os as o`, `from os import environ as e, getenv`.
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k] as Token;
    if (tok.t !== 'name') continue;
    const prev = tokens[k - 1];
    const atStatementStart = !prev || prev.t === 'nl' || (prev.t === 'op' && prev.v === ';');
    if (!atStatementStart) continue;
    if (tok.v === 'import') {
      for (let m = k + 1; m < tokens.length && tokens[m]?.t !== 'nl'; m++) {
        if (tokens[m]?.v === 'os' && tokens[m + 1]?.v === 'as' && tokens[m + 2]?.t === 'name') osNames.add(tokens[m + 2]?.v as string);
      }
    } else if (tok.v === 'from' && tokens[k + 1]?.v === 'os' && tokens[k + 2]?.v === 'import') {
      for (let m = k + 3; m < tokens.length && tokens[m]?.t !== 'nl'; m++) {
        const name = tokens[m] as Token;
        if (name.t !== 'name' || (name.v !== 'environ' && name.v !== 'getenv')) continue;
        const local = tokens[m + 1]?.v === 'as' && tokens[m + 2]?.t === 'name' ? (tokens[m + 2]?.v as string) : name.v;
        (name.v === 'environ' ? environNames : getenvNames).add(local);
      }
    }
  }

  const at = (k: number) => tokens[k];
  const isOp = (k: number, v: string) => at(k)?.t === 'op' && at(k)?.v === v;
  const isName = (k: number, v: string) => at(k)?.t === 'name' && at(k)?.v === v;
  const qualified = (k: number) => at(k - 1)?.t === 'op' && at(k - 1)?.v === '.';

  let functions: PyFunction[] | undefined;
  const helpers: Array<{ fn: PyFunction; index: number; line: number }> = [];
  /** Where each read starts (`os`, `environ`, `getenv`) and its name's token: for fallbacks. */
  const spans: Array<{ read: EnvRead; start: number; arg: number }> = [];
  const take = (k: number, kind: 'subscript' | 'call', start: number) => {
    const tok = at(k);
    if (tok?.t === 'str' && tok.literal) {
      if (kind === 'subscript') {
        // os.environ["X"] = ... is a write, not a read.
        if (isOp(k + 1, ']') && isOp(k + 2, '=')) return;
        if (!isOp(k + 1, ']')) return problems.push({ kind: 'dynamic', file, line: tok.line });
      } else if (!isOp(k + 1, ',') && !isOp(k + 1, ')')) {
        return problems.push({ kind: 'dynamic', file, line: tok.line });
      }
      const read: EnvRead = { name: tok.v, file, line: tok.line, kind: 'python' };
      reads.push(read);
      spans.push({ read, start, arg: k });
    } else if (tok) {
      // `def env(name): return os.environ[name]`: a helper, read through its calls.
      const fn = tok.t === 'name' && [')', ',', ']'].includes(at(k + 1)?.v ?? '') ? enclosingFunction((functions ??= functionsOf(tokens)), k) : undefined;
      const index = fn ? fn.params.indexOf(tok.v) : -1;
      if (fn && index !== -1) helpers.push({ fn, index, line: tok.line });
      else problems.push({ kind: 'dynamic', file, line: tok.line });
    }
  };

  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k] as Token;
    if (tok.t !== 'name' || qualified(k)) continue;
    let environEnd = -1; // index of the `environ` token
    if (osNames.has(tok.v) && isOp(k + 1, '.')) {
      if (isName(k + 2, 'environ')) environEnd = k + 2;
      else if (isName(k + 2, 'getenv') && isOp(k + 3, '(')) take(k + 4, 'call', k);
    } else if (environNames.has(tok.v)) {
      environEnd = k;
    } else if (getenvNames.has(tok.v) && isOp(k + 1, '(')) {
      take(k + 2, 'call', k);
    }
    if (environEnd === -1) continue;
    if (isOp(environEnd + 1, '[')) take(environEnd + 2, 'subscript', k);
    else if (isOp(environEnd + 1, '.') && READ_METHODS.has(at(environEnd + 2)?.v ?? '') && at(environEnd + 2)?.t === 'name' && isOp(environEnd + 3, '(')) take(environEnd + 4, 'call', k);
    else if (isName(k - 1, 'in') && at(k - 2)?.t === 'str' && at(k - 2)?.literal) {
      // "X" in os.environ (and "X" not in os.environ)
      reads.push({ name: at(k - 2)?.v as string, file, line: at(k - 2)?.line as number, kind: 'python' });
    } else if (isName(k - 1, 'in') && isName(k - 2, 'not') && at(k - 3)?.t === 'str' && at(k - 3)?.literal) {
      reads.push({ name: at(k - 3)?.v as string, file, line: at(k - 3)?.line as number, kind: 'python' });
    }
  }
  linkFallbacks(tokens, spans);
  reads.push(...settingsReads(tokens, file));
  const summary = helperCalls(tokens, helpers, file, reads, problems);
  const links = pythonLinks(tokens, summary);
  return links ? { reads, problems, links } : { reads, problems };
}

/** Same-module calls of env helpers are reads; a helper nobody here calls is reported unless exported. */
function helperCalls(tokens: readonly Token[], helpers: ReadonlyArray<{ fn: PyFunction; index: number; line: number }>, file: string, reads: EnvRead[], problems: ScanProblem[]) {
  const summary: Array<{ name: string; index: number; line: number; calledHere: boolean; exported: boolean }> = [];
  const seen = new Set<string>();
  for (const h of helpers) {
    const id = `${h.fn.name}/${h.index}`;
    if (seen.has(id)) continue;
    seen.add(id);
    let calledHere = false;
    for (let k = 0; k < tokens.length; k++) {
      const tok = tokens[k] as Token;
      if (tok.t !== 'name' || tok.v !== h.fn.name || tokens[k + 1]?.v !== '(' || tokens[k - 1]?.v === '.' || tokens[k - 1]?.v === 'def') continue;
      calledHere = true;
      const name = callArgs(tokens, k + 1)[h.index];
      if (name !== undefined) reads.push({ name, file, line: tok.line, kind: 'helper' });
      else problems.push({ kind: 'dynamic', file, line: tok.line });
    }
    const exported = h.fn.indent === 0;
    if (!calledHere && !exported) problems.push({ kind: 'dynamic', file, line: h.line });
    summary.push({ name: h.fn.name, index: h.index, line: h.line, calledHere, exported });
  }
  return summary;
}

/** `os.environ.get/setdefault/pop("X", …)` all read X. */
const READ_METHODS = new Set(['get', 'setdefault', 'pop']);

/**
 * `os.getenv("A") or os.getenv("B")` and `os.getenv("A", os.getenv("B"))`: each name of such
 * a chain lists the others as its alternatives.
 */
function linkFallbacks(tokens: readonly Token[], spans: ReadonlyArray<{ read: EnvRead; start: number; arg: number }>): void {
  const byStart = new Map(spans.map((s, i) => [s.start, i]));
  const parent = spans.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)));
  spans.forEach((s, i) => {
    const after = tokens[s.arg + 1];
    // `(` … `"A"` `)` `or` next, or `"A"` `]` `or` next; or `"A"` `,` next (a default).
    const next = after?.v === ',' ? byStart.get(s.arg + 2) : tokens[s.arg + 2]?.t === 'name' && tokens[s.arg + 2]?.v === 'or' ? byStart.get(s.arg + 3) : undefined;
    if (next !== undefined) parent[find(i)] = find(next);
  });
  const groups = new Map<number, EnvRead[]>();
  spans.forEach((s, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), s.read]));
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const read of group) read.alternatives = [...new Set(group.filter((r) => r.name !== read.name).map((r) => r.name))];
  }
}
