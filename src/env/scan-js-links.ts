// What a JS/TS file exports and imports, for env helpers across files:
// `export function env(name) { return process.env[name] }` in one file, `env('X')` through
// `import { env as e } from '~/lib/env'`, `import * as cfg`, a default import or `require` in
// another. Collected on the tree the scanner already has (no second parse); resolved
// project-wide in scan-helpers.ts.
import { calleeName, isMember, keyName, literalString, propertyName, unwrap, type Node } from './scan-js-ast.js';
import { moduleBaseName, type HelperLinks } from './scan-types.js';

/** The name scan-js gives `export default function (name) {…}`, which has none. */
export const DEFAULT_FUNCTION = '*default*';

function exportName(n: unknown): string | undefined {
  const node = unwrap(n);
  if (!node) return undefined;
  return node.type === 'Identifier' ? (node.name as string) : node.type === 'StringLiteral' ? (node.value as string) : undefined;
}

function isRequire(n: unknown): string | undefined {
  const call = unwrap(n);
  if (call?.type !== 'CallExpression' || calleeName(call) !== 'require' || unwrap(call.callee)?.type !== 'Identifier') return undefined;
  return literalString((call.arguments as Node[])[0]);
}

export class LinkCollector {
  /** Local name → key of what it imports. */
  private readonly imports = new Map<string, string>();
  private readonly namespaces = new Set<string>();
  /** Local name → the keys it is exported as. */
  private readonly exported = new Map<string, string[]>();
  private readonly reExports: HelperLinks['reExports'] = [];

  constructor(private readonly file: string) {}

  private exportAs(local: string, as: string): void {
    const key = as === 'default' ? `js:default:${moduleBaseName(this.file)}` : `js:${as}`;
    this.exported.set(local, [...(this.exported.get(local) ?? []), key]);
  }

  private importKey(imported: string, source: string): string {
    return imported === 'default' ? `js:default:${moduleBaseName(source)}` : `js:${imported}`;
  }

  /** Called for each top-level statement of the program. */
  visitTopLevel(statement: Node): void {
    if (statement.type === 'VariableDeclaration') {
      for (const d of statement.declarations as Node[]) this.visit(d);
    } else if (statement.type === 'ExpressionStatement') {
      const expression = unwrap(statement.expression);
      if (expression?.type === 'AssignmentExpression') this.visit(expression);
    } else {
      this.visit(statement);
    }
  }

  private visit(node: Node): void {
    switch (node.type) {
      case 'ImportDeclaration': {
        if (node.importKind === 'type') return;
        const source = (node.source as Node).value as string;
        for (const s of node.specifiers as Node[]) {
          const local = (s.local as Node).name as string;
          if (s.type === 'ImportNamespaceSpecifier') this.namespaces.add(local);
          else if (s.type === 'ImportDefaultSpecifier') this.imports.set(local, this.importKey('default', source));
          else if (s.importKind !== 'type') this.imports.set(local, this.importKey(exportName(s.imported) ?? local, source));
        }
        return;
      }
      case 'ExportNamedDeclaration': {
        if (node.exportKind === 'type') return;
        const declaration = node.declaration as Node | null;
        if (declaration?.type === 'FunctionDeclaration' && declaration.id) this.exportAs((declaration.id as Node).name as string, (declaration.id as Node).name as string);
        if (declaration?.type === 'VariableDeclaration') {
          for (const d of declaration.declarations as Node[]) if ((d.id as Node).type === 'Identifier') this.exportAs((d.id as Node).name as string, (d.id as Node).name as string);
        }
        for (const s of (node.specifiers as Node[] | undefined) ?? []) {
          if (s.type !== 'ExportSpecifier') continue;
          const local = exportName(s.local);
          const as = exportName(s.exported);
          if (local === undefined || as === undefined) continue;
          if (node.source) {
            if (local !== as) this.reExports.push({ from: this.importKey(local, (node.source as Node).value as string), to: as === 'default' ? `js:default:${moduleBaseName(this.file)}` : `js:${as}` });
          } else {
            this.exportAs(local, as);
          }
        }
        return;
      }
      case 'ExportDefaultDeclaration': {
        const declaration = unwrap(node.declaration);
        if (declaration?.type === 'Identifier') this.exportAs(declaration.name as string, 'default');
        else if (declaration && (declaration.id as Node | null)?.type === 'Identifier') this.exportAs((declaration.id as Node).name as string, 'default');
        else this.exportAs(DEFAULT_FUNCTION, 'default');
        return;
      }
      case 'VariableDeclarator': {
        // const { env, get: read } = require('./env')   ·   const cfg = require('./env')
        const source = isRequire(node.init);
        if (source === undefined) return;
        const id = node.id as Node;
        if (id.type === 'Identifier') this.namespaces.add(id.name as string);
        else if (id.type === 'ObjectPattern') {
          for (const p of id.properties as Node[]) {
            const value = p.value as Node | undefined;
            const imported = p.type === 'ObjectProperty' ? keyName(p) : undefined;
            if (imported !== undefined && value?.type === 'Identifier') this.imports.set(value.name as string, this.importKey(imported, source));
          }
        }
        return;
      }
      case 'AssignmentExpression': {
        // module.exports = { env, read: env }   ·   exports.env = env   ·   module.exports.env = env
        const left = unwrap(node.left);
        if (!isMember(left)) return;
        const target = left as Node;
        const object = unwrap(target.object);
        const right = unwrap(node.right);
        if (object?.type === 'Identifier' && object.name === 'module' && propertyName(target) === 'exports' && right?.type === 'ObjectExpression') {
          for (const p of right.properties as Node[]) {
            const as = p.type === 'ObjectProperty' ? keyName(p) : undefined;
            const value = unwrap(p.value);
            if (as !== undefined && value?.type === 'Identifier') this.exportAs(value.name as string, as);
          }
        } else if (right?.type === 'Identifier' && (object?.type === 'Identifier' ? object.name === 'exports' : isMember(object) && propertyName(object as Node) === 'exports')) {
          const as = propertyName(target);
          if (as !== undefined) this.exportAs(right.name as string, as);
        }
        return;
      }
    }
  }

  isExported(local: string): boolean {
    return this.exported.has(local);
  }

  /** The links of this file, given its env helpers (`helpers`: name, argument index, line). */
  finish(
    /** The file's calls whose callee is a name or `a.b`. */
    callNodes: readonly Node[],
    helpers: ReadonlyArray<{ name: string; index: number; line: number; calledHere: boolean }>,
    lineOf: (n: Node) => number,
    argNames: (arg: unknown) => string[] | undefined,
    forwarder: (call: Node, arg: unknown) => { name: string; index: number } | undefined,
    /** Calls that are operands of one fallback chain (`env('A') || env('B')`): the chain's number. */
    chainOfCall: ReadonlyMap<Node, number> = new Map(),
  ): HelperLinks | undefined {
    const links: HelperLinks = { exports: [], reExports: this.reExports, calls: [] };
    for (const h of helpers) for (const key of this.exported.get(h.name) ?? []) links.exports.push({ key, index: h.index, line: h.line, calledHere: h.calledHere });
    if (this.imports.size === 0 && this.namespaces.size === 0) return links.exports.length || links.reExports.length ? links : undefined;
    for (const call of callNodes) {
      const callee = unwrap(call.callee) as Node;
      let key: string | undefined;
      if (callee.type === 'Identifier') key = this.imports.get(callee.name as string);
      else if (isMember(callee) && this.namespaces.has(unwrap(callee.object)?.name as string)) {
        const name = propertyName(callee);
        if (name !== undefined) key = `js:${name}`;
      }
      if (key === undefined) continue;
      const args = call.arguments as Node[];
      const forwards: NonNullable<HelperLinks['calls'][number]['forwards']> = [];
      args.forEach((arg, index) => {
        const f = forwarder(call, arg);
        for (const as of f ? (this.exported.get(f.name) ?? []) : []) forwards.push({ argument: index, key: as, index: f?.index as number });
      });
      const chain = chainOfCall.get(call);
      links.calls.push({ key, args: args.map(argNames), line: lineOf(call), ...(forwards.length ? { forwards } : {}), ...(chain !== undefined ? { chain } : {}) });
    }
    return links.exports.length || links.reExports.length || links.calls.length ? links : undefined;
  }
}
