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
