// `create-better-auth-jwt gen env`: writes .env.example and the README env table (between its markers).
import { runGenEnv, type GenEnvOptions } from '../env/gen.js';
import type { EnvCommandIo } from './env-commands.js';
import { resolveProjectDir, withErrors } from './env-io.js';

export interface GenEnvFlags {
  cwd?: string;
  check?: boolean;
  writeEnv?: boolean;
  /** Append the env table with its markers to a README that has none. */
  readmeMarkers?: boolean;
}

type Inject = Pick<GenEnvOptions, 'envVarsFor' | 'makeSecret'>;

/** Throws CliError (exit 1) on drift with --check or a failure, UsageError (exit 2) on bad flags. */
export async function genEnvCommand(flags: GenEnvFlags, io: EnvCommandIo, inject: Inject = {}): Promise<void> {
  const cwd = resolveProjectDir(flags.cwd);
  await runGenEnv({ cwd, check: flags.check ?? false, writeEnv: flags.writeEnv ?? false, readmeMarkers: flags.readmeMarkers ?? false, ...inject }, io);
}

/** The same, resolving to the exit code with the error line printed (tests, embedding). */
export async function runGenEnvCommand(flags: GenEnvFlags, io: EnvCommandIo, inject: Inject = {}): Promise<number> {
  return withErrors(io, async () => {
    await genEnvCommand(flags, io, inject);
    return 0;
  });
}
