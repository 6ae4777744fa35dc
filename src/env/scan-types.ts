// Shapes shared by the source scanners.

export interface EnvRead {
  name: string;
  /** Path relative to the scanned directory, forward slashes. */
  file: string;
  line: number;
  /**
   * member/destructure/import: spelled out in JS; python: in Python; helper: the name passed to
   * an env helper (`env('X')`, same file or imported); schema: a key of a schema the environment
   * is validated against (zod, t3-env, envalid, pydantic BaseSettings, Prisma's `env("X")`);
   * compose: `${X}` in a docker-compose file; litefs: `${X}` in LiteFS's litefs.yml.
   */
  kind: 'member' | 'destructure' | 'import' | 'python' | 'helper' | 'schema' | 'compose' | 'litefs';
  /**
   * Names read in the same expression as fallbacks (`env.A ?? env.B`, `os.getenv("A") or
   * os.getenv("B")`): A is not missing when one of these is set.
   */
  alternatives?: string[];
  /**
   * The variable only overrides a default the code has (a Nuxt runtimeConfig leaf with a
   * non-empty literal or a computed value): nobody has to set it, so nobody has to document it.
   */
  optional?: boolean;
}

export interface ScanProblem {
  kind: 'parse-error' | 'dynamic' | 'skipped' | 'nested';
  file: string;
  line?: number | undefined;
  message?: string;
}

/** `nuxt.config.ts` (and .js/.mjs/.mts), anywhere in the project (Nuxt layers have their own). */
export const NUXT_CONFIG_FILE = /(^|\/)nuxt\.config\.[cm]?[jt]s$/;

/**
 * What one file offers to and needs from the others for env helpers across files.
 * Keys name a function the way an importer sees it: `js:env`, `js:default:env` (the default
 * export of a module named env), `py:env`. Module paths are not resolved: an import of `env`
 * matches any file that exports an env helper called `env`.
 */
export interface HelperLinks {
  /** Env helpers this file exports, and which argument is the variable's name. */
  exports: Array<{ key: string; index: number; line: number; calledHere: boolean }>;
  /** `export { a as b } from '…'`: key js:a is also known as js:b. */
  reExports: Array<{ from: string; to: string }>;
  /**
   * Calls of imported functions: the names each argument stands for (a literal, or the values
   * of a const map), or undefined. `forwards`: the argument is a parameter of the exported
   * function around the call (`export const envOr = (name) => env(name) ?? …`), so when the
   * callee is a helper, that function (its key, parameter index) is one too.
   */
  calls: Array<{ key: string; args: Array<string[] | undefined>; line: number; forwards?: Array<{ argument: number; key: string; index: number }>; chain?: number }>;
}

/** `~/lib/env`, `./env.js`, `../env/index.ts` → env: how a default import is matched. */
export function moduleBaseName(specifier: string): string {
  const parts = specifier.replace(/\\/g, '/').split('/').filter((p) => p !== '' && p !== '.' && p !== '..');
  let last = parts.pop() ?? '';
  last = last.replace(/\.[cm]?[jt]sx?$/, '');
  if (last === 'index') last = (parts.pop() ?? '').replace(/\.[cm]?[jt]sx?$/, '');
  return last;
}
