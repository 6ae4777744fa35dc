// Errors the CLI knows how to report. The top level (src/cli.ts) prints ONE line
// `error: <message>` for each of them and exits with `exitCode`; a stack trace is printed
// only when the DEBUG environment variable is set.

/** Something the user did: a bad flag, a missing answer, an invalid name. Exit 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The run failed for a reason other than usage (target not empty, install failed...). Exit 1. */
export class CliError extends Error {
  readonly exitCode: number = 1;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CliError';
  }
}

/**
 * A path the CLI will not touch: a manifest entry that is not a plain relative path inside
 * the project, or a path through a symbolic link or out of the project. Exit 1.
 */
export class UnsafePathError extends CliError {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafePathError';
  }
}

/** Ctrl-C at a prompt, or SIGINT/SIGTERM while writing. Exit 130; nothing is left behind. */
export class CancelledError extends CliError {
  override readonly exitCode = 130;
  constructor(message = 'cancelled') {
    super(message);
    this.name = 'CancelledError';
  }
}

export function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError || error instanceof CliError) return error.exitCode;
  return 1;
}

/** One line, whatever the error: multi-line messages are joined. */
export function oneLine(message: string): string {
  return message
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ');
}
