// Schema-validated env: the keys of a schema the environment is validated against are reads,
// though the code never writes `process.env.KEY`:
//   z.object({ A: z.string() }).parse(process.env)      (also safeParse, a schema in a const)
//   v.parse(v.object({ A: v.string() }), process.env)     (valibot's argument order)
//   createEnv({ server: { A }, client: { B }, shared: { C } })   (t3-env)
//   cleanEnv(process.env, { A: str() })                   (envalid)
import { calleeName, isCall, isMember, keyName, propertyName, unwrap, type Node } from './scan-js-ast.js';

const PARSE = new Set(['parse', 'safeParse', 'parseAsync', 'safeParseAsync', 'spa']);
/** Every callee name schemaReads() answers for. */
export const SCHEMA_CALLS = new Set([...PARSE, 'createEnv', 'cleanEnv']);
/** Schema methods that keep the object's keys (zod). */
const KEEPS_KEYS = new Set(['strict', 'passthrough', 'strip', 'partial', 'required', 'readonly', 'catchall', 'refine', 'superRefine', 'transform', 'default', 'describe', 'pipe', 'brand']);
const T3_SECTIONS = new Set(['server', 'client', 'shared']);
/** Enough to follow a const or two; a cycle (`a = b; b = a`) stops here. */
const MAX_DEPTH = 6;

export interface SchemaKey {
  name: string;
  at: Node;
}

export interface SchemaContext {
  /** The initial value of a top-level or local `const NAME = …` of the file. */
  constValue: (name: string) => Node | undefined;
  isEnvObject: (node: unknown) => boolean;
}

/** The key nodes an object literal (or a const holding one, or spreads of those) declares. */
function objectKeys(raw: unknown, ctx: SchemaContext, depth: number, out: SchemaKey[]): void {
  const n = unwrap(raw);
  if (!n || depth > MAX_DEPTH) return;
  if (n.type === 'Identifier') return objectKeys(ctx.constValue(n.name as string), ctx, depth + 1, out);
  if (n.type === 'MemberExpression' && propertyName(n) === 'shape') return schemaKeys(n.object, ctx, depth + 1, out);
  if (isCall(n)) return schemaKeys(n, ctx, depth + 1, out);
  if (n.type !== 'ObjectExpression') return;
  for (const prop of n.properties as Node[]) {
    if (prop.type === 'SpreadElement') objectKeys(prop.argument, ctx, depth + 1, out);
    else if (prop.type === 'ObjectProperty' || prop.type === 'ObjectMethod') {
      const name = keyName(prop);
      if (name !== undefined) out.push({ name, at: prop.key as Node });
    }
  }
}

/** The keys of an object schema: `z.object({...})`, `object({...})`, chained or in a const. */
function schemaKeys(raw: unknown, ctx: SchemaContext, depth: number, out: SchemaKey[]): void {
  const n = unwrap(raw);
  if (!n || depth > MAX_DEPTH) return;
  if (n.type === 'Identifier') return schemaKeys(ctx.constValue(n.name as string), ctx, depth + 1, out);
  if (!isCall(n)) return;
  const callee = unwrap(n.callee);
  const name = calleeName(n);
  const args = n.arguments as Node[];
  if (name === 'object' || name === 'strictObject' || name === 'looseObject') return objectKeys(args[0], ctx, depth + 1, out);
  if (!isMember(callee)) return;
  const base = (callee as Node).object;
  if (name === 'extend' || name === 'merge' || name === 'safeExtend') {
    schemaKeys(base, ctx, depth + 1, out);
    if (name === 'merge') schemaKeys(args[0], ctx, depth + 1, out);
    else objectKeys(args[0], ctx, depth + 1, out);
  } else if (name !== undefined && KEEPS_KEYS.has(name)) {
    schemaKeys(base, ctx, depth + 1, out);
  }
}

/** The schema keys a call validates the environment against; empty for any other call. */
const NONE: SchemaKey[] = [];

export function schemaReads(call: Node, ctx: SchemaContext): SchemaKey[] {
  const name = calleeName(call);
  // Most calls are none of these: answer without allocating.
  if (name === undefined || (!PARSE.has(name) && name !== 'createEnv' && name !== 'cleanEnv')) return NONE;
  const args = call.arguments as Node[];
  const out: SchemaKey[] = [];
  const callee = unwrap(call.callee);
  if (PARSE.has(name)) {
    if (isMember(callee) && ctx.isEnvObject(args[0])) schemaKeys((callee as Node).object, ctx, 0, out);
    else if (args.length >= 2 && ctx.isEnvObject(args[1])) schemaKeys(args[0], ctx, 0, out);
  } else if (name === 'createEnv') {
    const options = unwrap(args[0]);
    if (options?.type !== 'ObjectExpression') return NONE;
    const props = (options.properties as Node[]).filter((p) => p.type === 'ObjectProperty');
    // `runtimeEnv: { KEY: process.env.OTHER }` names the variables itself (those reads are
    // spelled out); only without one (or with `process.env`) are the schema keys the names.
    const runtimeEnv = props.find((p) => keyName(p) === 'runtimeEnv');
    if (runtimeEnv && !ctx.isEnvObject(runtimeEnv.value)) return NONE;
    for (const prop of props) if (T3_SECTIONS.has(keyName(prop) ?? '')) objectKeys(prop.value, ctx, 0, out);
  } else if (name === 'cleanEnv' && args.length >= 2) {
    objectKeys(args[1], ctx, 0, out);
  }
  return out;
}
