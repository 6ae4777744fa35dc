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
   * compose: `${X}` in a docker-compose file.
   */
  kind: 'member' | 'destructure' | 'import' | 'python' | 'helper' | 'schema' | 'compose';
  /**
   * Names read in the same expression as fallbacks (`env.A ?? env.B`, `os.getenv("A") or
   * os.getenv("B")`): A is not missing when one of these is set.
   */
  alternatives?: string[];
}

export interface ScanProblem {
  kind: 'parse-error' | 'dynamic' | 'skipped' | 'nested';
  file: string;
  line?: number | undefined;
  message?: string;
}

/** `nuxt.config.ts` (and .js/.mjs/.mts), anywhere in the project (Nuxt layers have their own). */
export const NUXT_CONFIG_FILE = /(^|\/)nuxt\.config\.[cm]?[jt]s$/;
