// `create-better-auth-jwt check env`: runs the checks and prints them in the chosen format.
import { UsageError } from '../errors.js';
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

export async function runCheckEnvCommand(
  flags: CheckEnvFlags,
  io: EnvCommandIo,
  inject: Pick<CheckEnvOptions, 'envVarsFor' | 'processEnv'> = {},
): Promise<number> {
  return withErrors(io, async () => {
    const format = (flags.format ?? 'text') as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--format ${flags.format}: expected one of ${FORMATS.join(', ')}`);
    const cwd = resolveProjectDir(flags.cwd);
    const strict = flags.strict ?? false;
    const result = await checkEnv({ cwd, fromProcess: flags.fromProcess ?? false, strict, ...inject });
    io.stdout(formatFindings(format, result.findings, result.summary, { strict, color: io.color }));
    return result.summary.ok ? 0 : 1;
  });
}
