// Reads the code never spells out as `process.env.X` (issue 11, class 5): schema-validated env,
// Bun and Deno, fallbacks between names.
import { describe, expect, it } from 'vitest';
import { scanJs } from '../../src/env/scan-js.js';

type Read = { name: string; line: number; kind: string; alternatives?: string[] };
const reads = (r: { reads: Read[] }) => r.reads.map((x) => `${x.name}:${x.line}:${x.kind}`).sort();
const alternatives = (r: { reads: Read[] }) => Object.fromEntries(r.reads.map((x) => [x.name, [...(x.alternatives ?? [])].sort()]));

describe('scanJs: schema-validated env', () => {
  it('counts the keys of a zod object parsed from process.env as reads', () => {
    const code = [
      "import { z } from 'zod';",
      'export const env = z',
      '  .object({',
      '    DATABASE_URL: z.string().url(),',
      "    'REDIS_URL': z.string().optional(),",
      '  })',
      '  .parse(process.env);',
    ].join('\n');
    expect(reads(scanJs(code, 'env.ts', '.ts'))).toEqual(['DATABASE_URL:4:schema', 'REDIS_URL:5:schema']);
  });

  it('follows a schema declared in a const first, with safeParse and a spread of another schema shape', () => {
    const code = [
      'const base = { LOG_LEVEL: z.string() };',
      'const schema = z.object({ ...base, SMTP_HOST: z.string() }).strict();',
      'const parsed = schema.safeParse(process.env);',
    ].join('\n');
    expect(reads(scanJs(code, 'env.ts', '.ts'))).toEqual(['LOG_LEVEL:1:schema', 'SMTP_HOST:2:schema']);
  });

  it("counts the server, client and shared keys of t3-env's createEnv, and still the runtimeEnv reads", () => {
    const code = [
      "import { createEnv } from '@t3-oss/env-nextjs';",
      'export const env = createEnv({',
      '  server: { AUTH_SECRET: z.string() },',
      '  client: { NEXT_PUBLIC_APP_URL: z.string() },',
      '  shared: { NODE_ENV: z.enum(["development", "production"]) },',
      '  experimental__runtimeEnv: { NEXT_PUBLIC_APP_URL: process.env.NEXT_PUBLIC_APP_URL },',
      '});',
    ].join('\n');
    expect(reads(scanJs(code, 'env.ts', '.ts'))).toEqual(['AUTH_SECRET:3:schema', 'NEXT_PUBLIC_APP_URL:4:schema', 'NEXT_PUBLIC_APP_URL:6:member', 'NODE_ENV:5:schema']);
  });

  it('does not count t3-env schema keys when runtimeEnv maps them: the values name the variables', () => {
    const code = [
      'export const env = createEnv({',
      '  server: { AUTH_DEFAULT_TEAM_ID: z.string() },',
      '  runtimeEnv: { AUTH_DEFAULT_TEAM_ID: process.env.AUTH_SSO_DEFAULT_TEAM_ID },',
      '});',
    ].join('\n');
    expect(reads(scanJs(code, 'env.ts', '.ts'))).toEqual(['AUTH_SSO_DEFAULT_TEAM_ID:3:member']);
    const direct = 'export const env = createEnv({ server: { DIRECT: z.string() }, runtimeEnv: process.env });';
    expect(reads(scanJs(direct, 'env.ts', '.ts'))).toEqual(['DIRECT:1:schema']);
  });

  it("counts the keys of envalid's cleanEnv spec, inline or in a const", () => {
    const inline = "export const env = cleanEnv(process.env, { API_URL: url(), PORT: port({ default: 3000 }) });";
    expect(reads(scanJs(inline, 'env.js', '.js'))).toEqual(['API_URL:1:schema', 'PORT:1:schema']);
    const viaConst = ['const spec = {', '  QUEUE_NAME: str(),', '};', 'export default cleanEnv(process.env, spec);'].join('\n');
    expect(reads(scanJs(viaConst, 'env.js', '.js'))).toEqual(['QUEUE_NAME:2:schema']);
  });

  it('does not count a zod object that is not parsed from the environment', () => {
    const code = 'const body = z.object({ EMAIL: z.string() }).parse(await request.json());\nconst x = process.env.REAL;';
    expect(reads(scanJs(code, 'route.ts', '.ts'))).toEqual(['REAL:2:member']);
  });
});

describe('scanJs: Bun and Deno', () => {
  it('reads Bun.env.X and Deno.env.get("X")', () => {
    const code = ['const a = Bun.env.BUN_VAR;', 'const b = Bun.env["BUN_OTHER"];', 'const c = Deno.env.get("DENO_VAR");'].join('\n');
    expect(reads(scanJs(code, 'a.ts', '.ts'))).toEqual(['BUN_OTHER:2:member', 'BUN_VAR:1:member', 'DENO_VAR:3:member']);
  });
});

describe('scanJs: fallbacks between names', () => {
  it('records the other names of a ?? or || chain as alternatives, on process.env and on an alias', () => {
    const code = [
      'const secret = process.env.BETTER_AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;',
      "const url = process.env.APP_URL || process.env.VERCEL_URL || 'http://localhost:3000';",
      'const env = process.env;',
      'const key = env.KEY_A ?? env.KEY_B ?? env.KEY_C;',
      'const alone = process.env.ALONE;',
    ].join('\n');
    expect(alternatives(scanJs(code, 'a.ts', '.ts'))).toEqual({
      BETTER_AUTH_SECRET: ['NEXTAUTH_SECRET'],
      NEXTAUTH_SECRET: ['BETTER_AUTH_SECRET'],
      APP_URL: ['VERCEL_URL'],
      VERCEL_URL: ['APP_URL'],
      KEY_A: ['KEY_B', 'KEY_C'],
      KEY_B: ['KEY_A', 'KEY_C'],
      KEY_C: ['KEY_A', 'KEY_B'],
      ALONE: [],
    });
  });

  it('records alternatives through $env/dynamic/private too', () => {
    const code = "import { env } from '$env/dynamic/private';\nexport const s = env.BETTER_AUTH_SECRET ?? env.AUTH_SECRET;";
    expect(alternatives(scanJs(code, 'a.ts', '.ts'))).toEqual({ BETTER_AUTH_SECRET: ['AUTH_SECRET'], AUTH_SECRET: ['BETTER_AUTH_SECRET'] });
  });
});

describe('scanJs: helpers that forward to helpers, and names from a const map', () => {
  it('a function passing its parameter to an env helper is a helper too', () => {
    const code = [
      'const env = (name: string) => process.env[name];',
      'function requireEnv(name: string) {',
      '  const value = env(name);',
      '  if (!value) throw new Error(name);',
      '  return value;',
      '}',
      "export const a = requireEnv('FORWARDED');",
    ].join('\n');
    const r = scanJs(code, 'env.ts', '.ts');
    expect(reads(r)).toEqual(['FORWARDED:7:helper']);
    expect(r.problems).toEqual([]);
  });

  it("a helper called with a member of a const object of names reads every name (`env(flagMap[p])`)", () => {
    const code = [
      'const env = (name: string) => process.env[name];',
      "const flagMap = { email: 'FLAG_EMAIL', google: 'FLAG_GOOGLE' } as const;",
      'export const on = (p: keyof typeof flagMap) => env(flagMap[p]) === "true";',
    ].join('\n');
    const r = scanJs(code, 'flags.ts', '.ts');
    expect(reads(r)).toEqual(['FLAG_EMAIL:3:helper', 'FLAG_GOOGLE:3:helper']);
    expect(r.problems).toEqual([]);
  });
});
