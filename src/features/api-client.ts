// The browser's API client (fetch or axios flavour) and how it gets access tokens:
// a token cache in the page (memory/local), or a server-side proxy (cookie).
import type { Feature } from './types.js';

export const apiClient: Feature = {
  id: 'api-client',
  applies: () => true,
  // api-client: lib/api-url.ts, where requests may go (shared by both flavours).
  templateDirs: (options) => ['api-client', `api-client-${options.http}`],
  dependencies: (options) => (options.http === 'axios' ? ['axios'] : []),
};

export const tokenClient: Feature = {
  id: 'token-client',
  applies: (options) => options.storage !== 'cookie',
  templateDirs: () => ['token-client'],
  warnings: (options) =>
    options.storage === 'local'
      ? [
          'Token storage "local" keeps the access token in localStorage: it survives reloads, but any script on the page can read it, so an XSS bug leaks it. Prefer --storage memory or --storage cookie.',
        ]
      : [],
};

/**
 * Cookie storage: lib/bff.ts, the backend-for-frontend every framework's /api/bff/* route hands
 * its calls to (path, origin, header and body rules in one place). Each framework's module adds
 * its own route.
 */
export const backendForFrontend: Feature = {
  id: 'bff',
  applies: (options) => options.storage === 'cookie',
  templateDirs: () => ['bff-core'],
};
