// Python env helpers: `def env(name): return os.environ[name]` makes every
// `env("X")` a read, in the same module or in one that does `from app.config import env`
// (or `import app.config as cfg` … `cfg.env("X")`). Module paths are not resolved: names match.
import type { Token } from './scan-py.js';
import type { HelperLinks } from './scan-types.js';

export interface PyFunction {
  name: string;
  params: string[];
  indent: number;
  /** Token range of the whole definition. */
  start: number;
  end: number;
}

export function functionsOf(tokens: readonly Token[]): PyFunction[] {
  const out: PyFunction[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k] as Token;
    const lead = tok.v === 'async' && tok.indent !== undefined ? tokens[k + 1] : tok;
    if (lead?.t !== 'name' || lead.v !== 'def' || (tok.indent === undefined && lead === tok)) continue;
    const d = lead === tok ? k : k + 1;
    const name = tokens[d + 1];
    if (name?.t !== 'name' || tokens[d + 2]?.v !== '(') continue;
    const params: string[] = [];
    let depth = 0;
    let m = d + 2;
    for (; m < tokens.length; m++) {
      const t = tokens[m] as Token;
      if (t.v === '(' || t.v === '[' || t.v === '{') depth++;
      else if (t.v === ')' || t.v === ']' || t.v === '}') {
        depth--;
        if (depth === 0) break;
      } else if (depth === 1 && t.t === 'name') {
        const prev = tokens[m - 1]?.v;
        if (prev === '(' || prev === ',' || prev === '*') params.push(t.v);
      }
    }
    const indent = tok.indent as number;
    let end = m;
    for (; end < tokens.length; end++) {
      const t = tokens[end] as Token;
      if (tokens[end - 1]?.t === 'nl' && t.t !== 'nl' && t.indent !== undefined && t.indent <= indent) break;
    }
    out.push({ name: name.v, params, indent, start: k, end });
  }
  return out;
}

/** The innermost function whose body holds token k. */
export function enclosingFunction(functions: readonly PyFunction[], k: number): PyFunction | undefined {
  let inner: PyFunction | undefined;
  for (const f of functions) if (f.start < k && k < f.end && (!inner || f.start > inner.start)) inner = f;
  return inner;
}

/** The arguments of the call whose `(` is at `open`: each one's literal string, or undefined. */
export function callArgs(tokens: readonly Token[], open: number): Array<string | undefined> {
  const args: Array<string | undefined> = [];
  let depth = 0;
  let current: Token[] = [];
  for (let m = open; m < tokens.length; m++) {
    const t = tokens[m] as Token;
    if (t.t === 'op' && (t.v === '(' || t.v === '[' || t.v === '{')) {
      depth++;
      if (depth === 1) continue;
    } else if (t.t === 'op' && (t.v === ')' || t.v === ']' || t.v === '}')) {
      depth--;
      if (depth === 0) break;
    }
    if (depth === 1 && t.t === 'op' && t.v === ',') {
      args.push(literalArg(current));
      current = [];
    } else {
      current.push(t);
    }
  }
  if (current.length) args.push(literalArg(current));
  return args;
}

function literalArg(tokens: readonly Token[]): string | undefined {
  const only = tokens.length === 1 ? tokens[0] : undefined;
  return only?.t === 'str' && only.literal ? only.v : undefined;
}

/** Imports (`from x import a as b`, `import x.y as m`) and the calls made through them. */
export function pythonLinks(tokens: readonly Token[], helpers: ReadonlyArray<{ name: string; index: number; line: number; calledHere: boolean; exported: boolean }>): HelperLinks | undefined {
  const imports = new Map<string, string>();
  const namespaces = new Set<string>();
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k] as Token;
    if (tok.indent === undefined || tok.t !== 'name') continue;
    if (tok.v === 'from') {
      let m = k + 1;
      while (m < tokens.length && tokens[m]?.v !== 'import' && tokens[m]?.t !== 'nl') m++;
      if (tokens[m]?.v !== 'import' || tokens[k + 1]?.v === 'os') continue;
      for (m++; m < tokens.length && tokens[m]?.t !== 'nl'; m++) {
        const name = tokens[m] as Token;
        if (name.t !== 'name' || tokens[m - 1]?.v === 'as') continue;
        const local = tokens[m + 1]?.v === 'as' && tokens[m + 2]?.t === 'name' ? (tokens[m + 2]?.v as string) : name.v;
        imports.set(local, `py:${name.v}`);
      }
    } else if (tok.v === 'import') {
      for (let m = k + 1; m < tokens.length && tokens[m]?.t !== 'nl'; m++) {
        if (tokens[m]?.v === 'as' && tokens[m + 1]?.t === 'name') namespaces.add(tokens[m + 1]?.v as string);
      }
    }
  }
  const links: HelperLinks = { exports: [], reExports: [], calls: [] };
  for (const h of helpers) if (h.exported) links.exports.push({ key: `py:${h.name}`, index: h.index, line: h.line, calledHere: h.calledHere });
  if (imports.size || namespaces.size) {
    for (let k = 0; k < tokens.length; k++) {
      const tok = tokens[k] as Token;
      if (tok.t !== 'name' || tokens[k - 1]?.v === '.' || tokens[k - 1]?.v === 'def' || tokens[k - 1]?.v === 'import') continue;
      let key: string | undefined;
      let open = -1;
      if (tokens[k + 1]?.v === '(' && imports.has(tok.v)) {
        key = imports.get(tok.v);
        open = k + 1;
      } else if ((namespaces.has(tok.v) || imports.has(tok.v)) && tokens[k + 1]?.v === '.' && tokens[k + 2]?.t === 'name' && tokens[k + 3]?.v === '(') {
        key = `py:${tokens[k + 2]?.v}`;
        open = k + 3;
      }
      if (key !== undefined) links.calls.push({ key, args: callArgs(tokens, open).map((a) => (a === undefined ? undefined : [a])), line: tok.line });
    }
  }
  return links.exports.length || links.calls.length ? links : undefined;
}
