// Env reads in JavaScript/TypeScript, found on the syntax tree (@babel/parser), not with
// regexes: member access in every spelling (`process.env.X`, `process.env["X"]`,
// `process?.env?.X`, `` process.env[`X`] ``, `import.meta.env.X`), destructuring with
// defaults (`const { X, Y = "d" } = process.env`, also `const { env: { X } } = process`),
// a local alias (`const env = process.env; env.X`, or a parameter defaulting to it:
// `function readConfig(env = process.env)`) and SvelteKit's `$env/*` modules.
// Loaded lazily: only files that pass the substring pre-filter get here.
// Over 300 lines on purpose: scanJs is one walk of the tree whose visitors share per-file state
// (aliases, local helpers, consts of names, fallback chains), so each file is walked once; what
// needs none of that state lives in scan-js-ast, -links, -schema and scan-alternatives.
import { parse, type ParserPlugin } from '@babel/parser';
import { NUXT_CONFIG_FILE, type EnvRead, type HelperLinks, type ScanProblem } from './scan-types.js';
import { DEFAULT_FUNCTION, LinkCollector } from './scan-js-links.js';
import { isCall, isIdentifier, isMember, literalString, propertyName, unwrap, walk, type Node } from './scan-js-ast.js';
import { SCHEMA_CALLS, schemaReads } from './scan-js-schema.js';
import { linkAlternatives } from './scan-alternatives.js';

export function scanJs(code: string, file: string, ext: string, lineOffset = 0): { reads: EnvRead[]; problems: ScanProblem[]; links?: HelperLinks } {
  const reads: EnvRead[] = [];
  const problems: ScanProblem[] = [];
  const ts = ext === '.ts' || ext === '.tsx' || ext === '.mts' || ext === '.cts';
  const jsx = ext !== '.ts' && ext !== '.mts' && ext !== '.cts';
  const plugins: ParserPlugin[] = [];
  if (ts) plugins.push('typescript');
  if (jsx) plugins.push('jsx');
  plugins.push('decorators-legacy');

  let ast: Node;
  try {
    ast = parse(code, {
      sourceType: ext === '.cjs' || ext === '.cts' ? 'script' : 'unambiguous',
      plugins,
      errorRecovery: true,
      allowReturnOutsideFunction: true,
      allowAwaitOutsideFunction: true,
      allowImportExportEverywhere: true,
      allowSuperOutsideMethod: true,
      allowUndeclaredExports: true,
    }) as unknown as Node;
  } catch (error) {
    const e = error as { message?: string; loc?: { line: number } };
    problems.push({ kind: 'parse-error', file, line: (e.loc?.line ?? 0) + lineOffset || undefined, message: (e.message ?? 'syntax error').replace(/\s*\(\d+:\d+\)$/, '') });
    return { reads, problems };
  }

  const aliases = new Set<string>();
  const lineOf = (n: Node): number => (n.loc?.start.line ?? 0) + lineOffset;

  /** `process.env`, `process?.env`, `process["env"]`, `import.meta.env`, or an alias of one. */
  const isEnvObject = (raw: unknown): boolean => {
    const n = unwrap(raw);
    if (!n) return false;
    if (n.type === 'Identifier') return aliases.has(n.name as string);
    if (!isMember(n) || propertyName(n) !== 'env') return false;
    const obj = unwrap(n.object);
    if (isIdentifier(obj, 'process') || isIdentifier(obj, 'Bun')) return true;
    if (obj?.type === 'MetaProperty') {
      const meta = obj.meta as Node;
      const property = obj.property as Node;
      return meta.name === 'import' && property.name === 'meta';
    }
    return false;
  };

  const record = (name: string, at: Node, kind: EnvRead['kind']): EnvRead => {
    const read: EnvRead = { name, file, line: lineOf(at), kind };
    reads.push(read);
    return read;
  };
  /** The read each static `process.env.X` member recorded, for fallbacks (`A ?? B`). */
  const memberReads = new Map<Node, EnvRead>();
  const fallbackChains: Node[][] = [];
  /** `const NAME = value` anywhere in the file: schemas are often declared before use. */
  const consts = new Map<string, Node>();

  const fromPattern = (pattern: unknown) => {
    const p = unwrap(pattern);
    if (!p || p.type !== 'ObjectPattern') return;
    for (const prop of p.properties as Node[]) {
      if (prop.type !== 'ObjectProperty' || prop.computed) {
        if (prop.type === 'ObjectProperty' && prop.computed) {
          const key = unwrap(prop.key);
          if (key?.type === 'StringLiteral') record(key.value as string, key, 'destructure');
        }
        continue;
      }
      const key = prop.key as Node;
      const name = key.type === 'Identifier' ? (key.name as string) : key.type === 'StringLiteral' ? (key.value as string) : undefined;
      if (name !== undefined) record(name, key, 'destructure');
    }
  };

  /** `const { env: { X } } = process` */
  const fromProcessPattern = (pattern: unknown) => {
    const p = unwrap(pattern);
    if (!p || p.type !== 'ObjectPattern') return;
    for (const prop of p.properties as Node[]) {
      if (prop.type !== 'ObjectProperty' || prop.computed) continue;
      const key = prop.key as Node;
      if (!isIdentifier(key, 'env') && !(key.type === 'StringLiteral' && key.value === 'env')) continue;
      let value = prop.value as Node;
      if (value.type === 'AssignmentPattern') value = value.left as Node;
      if (value.type === 'ObjectPattern') fromPattern(value);
      else if (value.type === 'Identifier') aliases.add(value.name as string);
    }
  };

  // Functions, so that `function read(name) { return process.env[name] }` called as
  // `read('X')` in the same file counts as a read of X.
  interface Fn { name?: string; params: string[]; start: number; end: number }
  const functions: Fn[] = [];
  const fnNames = new WeakMap<object, string>();
  const calls: Node[] = [];
  /** `ns.f(...)`: a call through a namespace import, for env helpers across files. */
  const memberCalls: Node[] = [];
  const links = new LinkCollector(file);
  const nameDefaultFunction = (node: Node) => {
    const declaration = unwrap(node.declaration);
    if (declaration && !declaration.id && (declaration.type === 'FunctionDeclaration' || declaration.type === 'ArrowFunctionExpression' || declaration.type === 'FunctionExpression')) fnNames.set(declaration, DEFAULT_FUNCTION);
  };

  // Pass 1: aliases, imports and functions (so that order of declaration does not matter).
  const pass1 = (node: Node) => {
    if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression') {
      const params = (node.params as Node[]).map((p) => {
        const q = p.type === 'AssignmentPattern' ? (p.left as Node) : p;
        // `function readConfig(env = process.env)`: the parameter is an alias of the env object.
        if (p.type === 'AssignmentPattern' && q.type === 'Identifier' && isEnvObject(p.right)) aliases.add(q.name as string);
        return q.type === 'Identifier' ? (q.name as string) : '';
      });
      const id = node.id as Node | null | undefined;
      const name = id?.type === 'Identifier' ? (id.name as string) : fnNames.get(node);
      functions.push({ ...(name !== undefined ? { name } : {}), params, start: node.start as number, end: node.end as number });
    } else if (node.type === 'CallExpression' || node.type === 'OptionalCallExpression') {
      const callee = node.callee as Node;
      if (callee.type === 'Identifier') calls.push(node);
      else if (callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') memberCalls.push(node);
    }
    if (node.type === 'VariableDeclarator') {
      const id = node.id as Node;
      const init = unwrap(node.init);
      if (id.type === 'Identifier' && init && (init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression')) fnNames.set(init, id.name as string);
      if (id.type === 'Identifier' && isEnvObject(node.init)) aliases.add(id.name as string);
      if (id.type === 'Identifier' && init && !consts.has(id.name as string)) consts.set(id.name as string, init);
    } else if (node.type === 'ImportDeclaration') {
      const source = (node.source as Node).value as string;
      if (source === '$env/dynamic/private' || source === '$env/dynamic/public') {
        for (const s of node.specifiers as Node[]) {
          if (s.type === 'ImportSpecifier' && propertyName({ type: 'X', computed: false, property: s.imported } as Node) === 'env') {
            aliases.add((s.local as Node).name as string);
          }
        }
      }
    }
  };

  /** `process.env[param]` inside a named function: its call sites with a literal name are reads. */
  const helpers: Array<{ name: string; index: number; at: Node }> = [];
  const viaHelper = (member: Node): boolean => {
    const key = unwrap(member.property);
    if (!member.computed || key?.type !== 'Identifier') return false;
    const pos = member.start as number;
    let inner: Fn | undefined;
    for (const f of functions) if (f.start <= pos && pos < f.end && (!inner || f.start >= inner.start)) inner = f;
    const index = inner?.params.indexOf(key.name as string) ?? -1;
    if (!inner?.name || index === -1) return false;
    helpers.push({ name: inner.name, index, at: member });
    return true;
  };

  const schema = { constValue: (name: string) => consts.get(name), isEnvObject };
  /** `Deno.env.get("X")` */
  const denoRead = (call: Node) => {
    const callee = unwrap(call.callee);
    if (!isMember(callee) || propertyName(callee as Node) !== 'get') return;
    const env = unwrap((callee as Node).object);
    if (!isMember(env) || propertyName(env as Node) !== 'env' || !isIdentifier(unwrap((env as Node).object), 'Deno')) return;
    const arg = (call.arguments as Node[])[0];
    const name = literalString(arg);
    if (name !== undefined) record(name, arg as Node, 'member');
    else problems.push({ kind: 'dynamic', file, line: lineOf(call) });
  };

  const onCall = (node: Node) => {
    // Most calls are none of ours: decide on the callee's plain name first (cold runs are
    // interpreted, and every call of every file passes here).
    const callee = node.callee as Node;
    const name = callee.type === 'Identifier' ? callee.name : (callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') && !callee.computed ? (callee.property as Node).name : undefined;
    if (name === 'get') denoRead(node);
    else if (typeof name === 'string' && SCHEMA_CALLS.has(name)) for (const key of schemaReads(node, schema)) record(key.name, key.at, 'schema');
  };
  const onLogical = (node: Node) => {
    if (node.operator !== '??' && node.operator !== '||') return;
    // Only chains of two env reads or more (`process.env.X ?? 'default'` is not a fallback).
    const right = unwrap(node.right);
    if (!isMember(right) && !isCall(right) && right?.type !== 'LogicalExpression') return;
    // An operand is an env member or a call that may be an env helper's (`env('A')`), with
    // method calls on the value left out (`process.env.A?.trim()`); linkFallbacks keeps reads.
    const chain = operands(node, node.operator as string)
      .map(withoutMethodCalls)
      .filter((n) => (isMember(n) && isEnvObject(n.object)) || isCall(n));
    if (chain.length > 1) fallbackChains.push(chain);
  };

  // Pass 2: reads.
  const writes = new WeakSet<object>();
  /** `process.env.DOC = process.env.X` (or ??=, ||=): X is a fallback of DOC. */
  const copies: Node[] = [];
  /** Names copied into another env variable, and the variables they were copied into. */
  const copiedInto = new Map<string, string[]>();
  const pass2 = (node: Node) => {
    switch (node.type) {
      case 'AssignmentExpression': {
        // `process.env.X = ...` writes X; `({ X } = process.env)` reads it.
        const target = unwrap(node.left);
        if (target && node.operator === '=' && isMember(target)) writes.add(target);
        if (node.operator === '=' && isEnvObject(node.right)) fromPattern(node.left);
        if (target && COPY_OPERATORS.has(node.operator as string) && isMember(target) && isEnvObject(target.object)) copies.push(node);
        break;
      }
      case 'UnaryExpression': {
        const target = unwrap(node.argument);
        if (node.operator === 'delete' && target) writes.add(target);
        break;
      }
      case 'MemberExpression':
      case 'OptionalMemberExpression': {
        if (writes.has(node) || !isEnvObject(node.object)) break;
        const name = propertyName(node);
        if (name !== undefined) memberReads.set(node, record(name, (node.property as Node) ?? node, 'member'));
        else if (!viaHelper(node)) problems.push({ kind: 'dynamic', file, line: lineOf(node) });
        break;
      }
      case 'VariableDeclarator': {
        if (isEnvObject(node.init)) fromPattern(node.id);
        else if (isIdentifier(unwrap(node.init), 'process')) fromProcessPattern(node.id);
        break;
      }
      // Kept out of line: a small visitor stays cheap to optimise (cold runs are what users time).
      case 'CallExpression':
      case 'OptionalCallExpression':
        onCall(node);
        break;
      case 'LogicalExpression':
        onLogical(node);
        break;
      case 'BinaryExpression': {
        // 'X' in process.env
        const left = unwrap(node.left);
        if (node.operator === 'in' && left?.type === 'StringLiteral' && isEnvObject(node.right)) {
          record(left.value as string, left, 'member');
        }
        break;
      }
      case 'ImportDeclaration': {
        const source = (node.source as Node).value as string;
        if (source === '$env/static/private' || source === '$env/static/public') {
          for (const s of node.specifiers as Node[]) {
            if (s.type !== 'ImportSpecifier') continue;
            const imported = s.imported as Node;
            const name = imported.type === 'Identifier' ? (imported.name as string) : (imported.value as string);
            record(name, imported, 'import');
          }
        }
        break;
      }
    }
  };

  // Imports and exports are top-level statements: looked at here, not on every node.
  for (const statement of ((ast.program as Node | undefined)?.body as Node[] | undefined) ?? []) {
    links.visitTopLevel(statement);
    if (statement.type === 'ExportDefaultDeclaration') nameDefaultFunction(statement);
  }
  walk(ast, pass1);
  walk(ast, pass2);
  for (const copy of copies) {
    const target = unwrap(copy.left) as Node;
    const name = propertyName(target);
    const right = unwrap(copy.right);
    const values = right ? operands(right, right.type === 'LogicalExpression' ? (right.operator as string) : '??').map(withoutMethodCalls) : [];
    const sources = values.filter((n) => isMember(n) && isEnvObject(n.object));
    // `DOC = X ?? 'literal'` discards DOC whatever it was: X overrides it, it is no fallback.
    if (name === undefined || sources.length === 0 || sources.length < values.length) continue;
    // The copy's target counts as read (the code relies on it); a ??= or ||= target already is.
    const targetRead = memberReads.get(target) ?? record(name, (target.property as Node) ?? target, 'member');
    fallbackChains.push([target, ...sources]);
    memberReads.set(target, targetRead);
    for (const source of sources) {
      const from = propertyName(source);
      if (from !== undefined && from !== name) copiedInto.set(from, [...(copiedInto.get(from) ?? []), name]);
    }
  }
  // `if (process.env.X) process.env.DOC = process.env.X`: X's other reads in the file (the
  // guard) are the same fallback.
  for (const read of reads) {
    const targets = copiedInto.get(read.name);
    if (targets) read.alternatives = [...new Set([...(read.alternatives ?? []), ...targets])];
  }
  if (NUXT_CONFIG_FILE.test(file)) walk(ast, (node) => nuxtRuntimeConfig(node, record));
  const seenHelpers = new Set<string>();
  const helperSummary: Array<{ name: string; index: number; line: number; calledHere: boolean }> = [];
  /** The innermost named function around a position, for helpers that forward their parameter. */
  const enclosing = (pos: number): Fn | undefined => {
    let inner: Fn | undefined;
    for (const f of functions) if (f.start <= pos && pos < f.end && (!inner || f.start >= inner.start)) inner = f;
    return inner;
  };
  const argNames = (arg: unknown) => namesOfArgument(arg, consts);
  /** The reads each call of a same-file helper recorded, for fallbacks (`env('A') || env('B')`). */
  const callReads = new Map<Node, EnvRead[]>();
  // A worklist: `requireEnv(name)` calling `env(name)` makes requireEnv a helper too.
  for (let k = 0; k < helpers.length; k++) {
    const h = helpers[k] as (typeof helpers)[number];
    if (seenHelpers.has(`${h.name}/${h.index}`)) continue;
    seenHelpers.add(`${h.name}/${h.index}`);
    let calledHere = false;
    for (const call of calls) {
      if ((call.callee as Node).name !== h.name) continue;
      calledHere = true;
      const arg = (call.arguments as Node[])[h.index];
      const names = argNames(arg);
      if (names) {
        callReads.set(call, names.map((name) => record(name, arg as Node, 'helper')));
        continue;
      }
      const forwarder = forwardingFunction(arg, enclosing(call.start as number));
      if (forwarder) helpers.push({ ...forwarder, at: call });
      else problems.push({ kind: 'dynamic', file, line: lineOf(call) });
    }
    helperSummary.push({ name: h.name, index: h.index, line: lineOf(h.at), calledHere });
    // An exported helper's calls are elsewhere: scan-helpers.ts reports it if nobody calls it.
    if (!calledHere && !links.isExported(h.name)) problems.push({ kind: 'dynamic', file, line: lineOf(h.at) });
  }
  linkFallbacks(fallbackChains, (n) => callReads.get(n) ?? (memberReads.has(n) ? [memberReads.get(n) as EnvRead] : []));
  // Calls in a chain may be of a helper another file exports: scan-helpers.ts links those.
  const chainOfCall = new Map<Node, number>();
  fallbackChains.forEach((chain, index) => {
    for (const n of chain) if (isCall(n)) chainOfCall.set(n, index);
  });
  const helperLinks = links.finish(calls.concat(memberCalls), helperSummary, lineOf, argNames, (call, arg) => (unwrap(arg)?.type === 'Identifier' ? forwardingFunction(arg, enclosing(call.start as number)) : undefined), chainOfCall);
  return helperLinks ? { reads, problems, links: helperLinks } : { reads, problems };
}

/** Nuxt's env name for a runtimeConfig key path: `public.apiUrl` → NUXT_PUBLIC_API_URL (scule's snakeCase, upper-cased). */
export function nuxtEnvName(path: readonly string[]): string {
  const snake = path.map((key) =>
    key
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
      .replace(/[-.\s]+/g, '_')
      .toUpperCase(),
  );
  return ['NUXT', ...snake].join('_');
}

/**
 * Nuxt reads NUXT_<KEY> (and NUXT_PUBLIC_<KEY>) at run time for every leaf of `runtimeConfig`
 * in nuxt.config, without any `process.env` in the code: each leaf counts as a read.
 */
function nuxtRuntimeConfig(node: Node, record: (name: string, at: Node, kind: EnvRead['kind']) => EnvRead): void {
  if (node.type !== 'ObjectProperty' || node.computed) return;
  const key = node.key as Node;
  const keyName = key.type === 'Identifier' ? key.name : key.type === 'StringLiteral' ? key.value : undefined;
  if (keyName !== 'runtimeConfig') return;
  const visit = (value: unknown, path: string[]) => {
    const v = unwrap(value);
    if (v?.type !== 'ObjectExpression') {
      if (path.length === 0) return;
      const read = record(nuxtEnvName(path), v ?? node, 'member');
      if (!isUnsetDefault(v)) read.optional = true;
      return;
    }
    for (const prop of v.properties as Node[]) {
      if (prop.type !== 'ObjectProperty' || prop.computed) continue;
      const k = prop.key as Node;
      const name = k.type === 'Identifier' ? (k.name as string) : k.type === 'StringLiteral' ? (k.value as string) : undefined;
      if (name !== undefined) visit(prop.value, [...path, name]);
    }
  };
  visit(node.value, []);
}

/** Assignments that copy a value into an env variable: `=`, `??=`, `||=`. */
const COPY_OPERATORS = new Set(['=', '??=', '||=']);

/** A runtimeConfig default that leaves the value to be configured: '', undefined, null (a literal or computed value is a real default). */
function isUnsetDefault(v: Node | undefined): boolean {
  if (!v) return true;
  if (v.type === 'StringLiteral') return v.value === '';
  if (v.type === 'TemplateLiteral') return literalString(v) === '';
  if (v.type === 'NullLiteral') return true;
  if (v.type === 'Identifier') return v.name === 'undefined';
  return v.type === 'UnaryExpression' && v.operator === 'void';
}

/** The operands of `a ?? b ?? c` (or `||`), left to right, wrappers removed. */
function operands(node: Node, operator: string): Node[] {
  const out: Node[] = [];
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const n = unwrap(stack.pop());
    if (!n) continue;
    if (n.type === 'LogicalExpression' && n.operator === operator) stack.push(n.right, n.left);
    else out.push(n);
  }
  return out;
}

/** `process.env.A?.trim().toLowerCase()` → `process.env.A`: methods called on a value do not change which variable it is. */
function withoutMethodCalls(node: Node): Node {
  let n = node;
  for (;;) {
    const callee = isCall(n) ? unwrap(n.callee) : undefined;
    const object = callee && isMember(callee) && !callee.computed ? unwrap(callee.object) : undefined;
    if (!object || !(isMember(object) || isCall(object))) return n;
    n = object;
  }
}

/** Every env read of a fallback chain names the chain's other reads as its alternatives. */
function linkFallbacks(chains: readonly Node[][], readsOf: (n: Node) => readonly EnvRead[]): void {
  for (const chain of chains) linkAlternatives(chain.flatMap(readsOf));
}


/** `f(name)` inside `function g(name)`: g forwards its parameter, so g is a helper too. */
function forwardingFunction(arg: unknown, fn: { name?: string; params: string[] } | undefined): { name: string; index: number } | undefined {
  const a = unwrap(arg);
  if (a?.type !== 'Identifier' || !fn?.name) return undefined;
  const index = fn.params.indexOf(a.name as string);
  return index === -1 ? undefined : { name: fn.name, index };
}

/**
 * The names an env helper's argument stands for: a literal (`'X'`), or a member of a const
 * object whose values are all literals (`flagMap[provider]` → every value of flagMap).
 */
export function namesOfArgument(arg: unknown, consts: ReadonlyMap<string, Node>): string[] | undefined {
  const literal = literalString(arg);
  if (literal !== undefined) return [literal];
  const a = unwrap(arg);
  if (!isMember(a)) return undefined;
  const object = unwrap((a as Node).object);
  const map = object?.type === 'Identifier' ? unwrap(consts.get(object.name as string)) : undefined;
  if (map?.type !== 'ObjectExpression') return undefined;
  const names: string[] = [];
  for (const prop of map.properties as Node[]) {
    const value = prop.type === 'ObjectProperty' ? literalString(prop.value) : undefined;
    if (value === undefined) return undefined;
    names.push(value);
  }
  return names.length ? names : undefined;
}
