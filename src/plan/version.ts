// The CLI's own version. esbuild inlines package.json at build time, so reading it costs
// nothing at start-up.
import packageJson from '../../package.json' with { type: 'json' };

export const CLI_NAME = 'create-better-auth-jwt';
export const CLI_VERSION: string = packageJson.version;
