// Shapes shared by the source scanners.

export interface EnvRead {
  name: string;
  /** Path relative to the scanned directory, forward slashes. */
  file: string;
  line: number;
  kind: 'member' | 'destructure' | 'import' | 'python';
}

export interface ScanProblem {
  kind: 'parse-error' | 'dynamic' | 'skipped' | 'nested';
  file: string;
  line?: number | undefined;
  message?: string;
}

/** `nuxt.config.ts` (and .js/.mjs/.mts), anywhere in the project (Nuxt layers have their own). */
export const NUXT_CONFIG_FILE = /(^|\/)nuxt\.config\.[cm]?[jt]s$/;
