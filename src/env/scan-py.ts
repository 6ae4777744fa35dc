// Env reads in Python, found on a token stream (strings and comments understood, so a
// commented-out or quoted `os.getenv("X")` is not a read): `os.environ["X"]`,
// `os.environ.get("X")`, `os.getenv("X")`, and the same through `from os import environ,
// getenv` or `import os as o`.
import type { EnvRead, ScanProblem } from './scan-types.js';

interface Token {
  t: 'name' | 'str' | 'op' | 'nl';
  v: string;
  line: number;
  /** For strings: true when the value is a plain literal (no f-prefix). */
  literal?: boolean;
}

const PREFIX = /^[rRbBuUfF]{1,2}$/;

export function tokenizePython(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let depth = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i] as string;
    if (c === '\n') {
      if (depth === 0) tokens.push({ t: 'nl', v: '\n', line });
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
        tokens.push({ t: 'str', v: end.value, line: startLine, literal: !/[fF]/.test(word) && !/[bB]/.test(word) });
        i = end.end;
        continue;
      }
      tokens.push({ t: 'name', v: word, line });
      i = j;
      continue;
    }
    if (c === '"' || c === "'") {
      const end = readString(src, i, '');
      const startLine = line;
      line += countNewlines(src, i, end.end);
      tokens.push({ t: 'str', v: end.value, line: startLine, literal: true });
      i = end.end;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
    // `==` must not look like an assignment.
    if (c === '=' && src[i + 1] === '=') {
      tokens.push({ t: 'op', v: '==', line });
      i += 2;
      continue;
    }
    tokens.push({ t: 'op', v: c, line });
    i++;
  }
  return tokens;
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

export function scanPython(src: string, file: string): { reads: EnvRead[]; problems: ScanProblem[] } {
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

  const take = (k: number, kind: 'subscript' | 'call') => {
    const tok = at(k);
    if (tok?.t === 'str' && tok.literal) {
      if (kind === 'subscript') {
        // os.environ["X"] = ... is a write, not a read.
        if (isOp(k + 1, ']') && isOp(k + 2, '=')) return;
        if (!isOp(k + 1, ']')) return problems.push({ kind: 'dynamic', file, line: tok.line });
      } else if (!isOp(k + 1, ',') && !isOp(k + 1, ')')) {
        return problems.push({ kind: 'dynamic', file, line: tok.line });
      }
      reads.push({ name: tok.v, file, line: tok.line, kind: 'python' });
    } else if (tok) {
      problems.push({ kind: 'dynamic', file, line: tok.line });
    }
  };

  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k] as Token;
    if (tok.t !== 'name' || qualified(k)) continue;
    let environEnd = -1; // index of the `environ` token
    if (osNames.has(tok.v) && isOp(k + 1, '.')) {
      if (isName(k + 2, 'environ')) environEnd = k + 2;
      else if (isName(k + 2, 'getenv') && isOp(k + 3, '(')) take(k + 4, 'call');
    } else if (environNames.has(tok.v)) {
      environEnd = k;
    } else if (getenvNames.has(tok.v) && isOp(k + 1, '(')) {
      take(k + 2, 'call');
    }
    if (environEnd === -1) continue;
    if (isOp(environEnd + 1, '[')) take(environEnd + 2, 'subscript');
    else if (isOp(environEnd + 1, '.') && isName(environEnd + 2, 'get') && isOp(environEnd + 3, '(')) take(environEnd + 4, 'call');
  }
  return { reads, problems };
}
