// The few facts about @babel/parser's tree that the JS scanners share.

export interface Node {
  type: string;
  loc?: { start: { line: number; column: number } } | null;
  [key: string]: unknown;
}

const SKIP_KEYS = new Set(['loc', 'start', 'end', 'extra', 'range', 'leadingComments', 'trailingComments', 'innerComments', 'comments', 'tokens', 'typeAnnotation', 'returnType', 'typeParameters']);

export function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}

/** Strip wrappers that do not change the value: parentheses, TS casts, `!`. */
export function unwrap(node: unknown): Node | undefined {
  let n = isNode(node) ? node : undefined;
  while (
    n &&
    (n.type === 'ParenthesizedExpression' ||
      n.type === 'TSAsExpression' ||
      n.type === 'TSSatisfiesExpression' ||
      n.type === 'TSNonNullExpression' ||
      n.type === 'TSTypeAssertion' ||
      n.type === 'ChainExpression')
  ) {
    n = isNode(n.expression) ? n.expression : undefined;
  }
  return n;
}

export function isMember(n: Node | undefined): boolean {
  return n !== undefined && (n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression');
}

export function isCall(n: Node | undefined): boolean {
  return n !== undefined && (n.type === 'CallExpression' || n.type === 'OptionalCallExpression');
}

/** The value of a string literal or a template literal without `${}`; undefined otherwise. */
export function literalString(raw: unknown): string | undefined {
  const p = unwrap(raw);
  if (!p) return undefined;
  if (p.type === 'StringLiteral') return p.value as string;
  if (p.type === 'TemplateLiteral' && (p.expressions as unknown[]).length === 0) {
    const quasi = (p.quasis as Node[])[0];
    return (quasi?.value as { cooked?: string } | undefined)?.cooked ?? undefined;
  }
  return undefined;
}

/** The static name of a member's property: `.X`, `["X"]`, `` [`X`] ``; undefined when computed. */
export function propertyName(member: Node): string | undefined {
  const prop = member.property as Node;
  if (!member.computed) return prop.type === 'Identifier' ? (prop.name as string) : undefined;
  return literalString(prop);
}

/** The name of an object key written `A`, `'A'` or `["A"]`. */
export function keyName(prop: Node): string | undefined {
  const key = unwrap(prop.key);
  if (!key) return undefined;
  if (!prop.computed && key.type === 'Identifier') return key.name as string;
  return literalString(key);
}

export function isIdentifier(n: Node | undefined, name: string): boolean {
  return n !== undefined && n.type === 'Identifier' && n.name === name;
}

/** The name a callee is called by: `f(...)` → f, `a.b.f(...)` → f. */
export function calleeName(call: Node): string | undefined {
  const callee = unwrap(call.callee);
  if (callee?.type === 'Identifier') return callee.name as string;
  if (isMember(callee)) return propertyName(callee as Node);
  return undefined;
}

/** Iterative pre-order walk (deeply nested code must not overflow the stack). */
export function walk(root: Node, visit: (node: Node) => void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    visit(node);
    const keys = Object.keys(node);
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k] as string;
      if (SKIP_KEYS.has(key)) continue;
      const value = node[key];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) if (isNode(value[i])) stack.push(value[i] as Node);
      } else if (isNode(value)) {
        stack.push(value);
      }
    }
  }
}
