// OAuth sign-in providers: credentials from <PROVIDER>_CLIENT_ID / _CLIENT_SECRET.
import type { EnvVar } from '../env/types.js';
import type { Provider } from '../options/choices.js';
import { PROVIDER_LABELS } from '../plan/context.js';
import type { Feature } from './types.js';


function providerEnv(provider: Provider): EnvVar[] {
  const label = PROVIDER_LABELS[provider];
  const prefix = provider.toUpperCase();
  const group = `OAuth: ${label}`;
  const note = `Callback URL: <BETTER_AUTH_URL>/api/auth/callback/${provider}`;
  return [
    {
      name: `${prefix}_CLIENT_ID`,
      group,
      description: `${label} OAuth client ID.`,
      required: true,
      kind: 'string',
      example: `your-${provider}-client-id`,
      localDefault: '',
      usedBy: ['backend'],
      secret: false,
      note,
    },
    {
      name: `${prefix}_CLIENT_SECRET`,
      group,
      description: `${label} OAuth client secret.`,
      required: true,
      kind: 'string',
      example: '',
      localDefault: '',
      usedBy: ['backend'],
      secret: true,
    },
  ];
}

export const oauthProviders: Feature = {
  id: 'oauth',
  applies: (options) => options.providers.length > 0,
  templateDirs: () => [],
  env: (options) => options.providers.flatMap(providerEnv),
  nextSteps: (options) => [
    `Register the OAuth callback URL(s) and fill in ${options.providers
      .map((p) => `${p.toUpperCase()}_CLIENT_ID/_SECRET`)
      .join(', ')} in .env (see README)`,
  ],
};
