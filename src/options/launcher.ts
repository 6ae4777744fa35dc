// Which package manager launched us, from the user agent it passes down
// (`npm_config_user_agent`, e.g. "pnpm/9.1.0 npm/? node/v20.19.0 linux x64"). `--pm` defaults
// to it, so `pnpm create better-auth-jwt` makes a pnpm project.

/** The manager's name as the user agent gives it ("pnpm"), or undefined. Not checked against --pm's choices. */
export function launchingPackageManager(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const agent = env.npm_config_user_agent ?? '';
  const name = agent.split(' ')[0]?.split('/')[0] ?? '';
  return name === '' ? undefined : name;
}
