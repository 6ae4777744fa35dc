// `create-better-auth-jwt check env`: runs the checks and prints them in the chosen format.
import { CliError, UsageError } from '../errors.js';
import { checkEnv, type CheckEnvOptions } from '../env/check.js';
import { FORMATS, formatFindings, type Format } from '../env/report.js';
import type { EnvCommandIo } from './env-commands.js';
import { resolveProjectDir, withErrors } from './env-io.js';

export interface CheckEnvFlags {
  cwd?: string;
  fromProcess?: boolean;
  format?: string;
  strict?: boolean;
}

type Inject = Pick<CheckEnvOptions, 'envVarsFor' | 'processEnv'>;

/**
 * Prints the report; resolves when every check passed, throws CliError (exit 1) when one
 * failed and UsageError (exit 2) on bad flags. The root CLI prints the error line.
 */
export async function checkEnvCommand(flags: CheckEnvFlags, io: EnvCommandIo, inject: Inject = {}): Promise<void> {
  const format = (flags.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format ${flags.format}: expected one of ${FORMATS.join(', ')}`);
  const cwd = resolveProjectDir(flags.cwd);
  const strict = flags.strict ?? false;
  const result = await checkEnv({ cwd, fromProcess: flags.fromProcess ?? false, strict, ...inject });
  const files = { listed: result.stats.filesListed, parsed: result.stats.filesParsed };
  io.stdout(formatFindings(format, result.findings, result.summary, { strict, color: io.color, files }));
  const { errors, warnings } = result.summary;
  if (!result.summary.ok) {
    throw new CliError(`check env failed: ${errors} error(s), ${warnings} warning(s)${strict && errors === 0 ? ' (--strict)' : ''}`);
  }
}

/** The same, resolving to the exit code with the error line printed (tests, embedding). */
export async function runCheckEnvCommand(flags: CheckEnvFlags, io: EnvCommandIo, inject: Inject = {}): Promise<number> {
  return withErrors(io, async () => {
    await checkEnvCommand(flags, io, inject);
    return 0;
  });
}
