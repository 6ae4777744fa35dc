// `create-better-auth-jwt gen env`: writes .env.example and the README env table.
import { runGenEnv, type GenEnvOptions } from '../env/gen.js';
import type { EnvCommandIo } from './env-commands.js';
import { resolveProjectDir, withErrors } from './env-io.js';

export interface GenEnvFlags {
  cwd?: string;
  check?: boolean;
  writeEnv?: boolean;
}

export async function runGenEnvCommand(
  flags: GenEnvFlags,
  io: EnvCommandIo,
  inject: Pick<GenEnvOptions, 'envVarsFor' | 'makeSecret'> = {},
): Promise<number> {
  return withErrors(io, async () => {
    const cwd = resolveProjectDir(flags.cwd);
    return runGenEnv({ cwd, check: flags.check ?? false, writeEnv: flags.writeEnv ?? false, ...inject }, io);
  });
}
