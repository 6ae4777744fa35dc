// Keeps the access-token cache in step with the Better Auth session, in one place for every
// framework: an auth-client plugin whose fetch hook sees each successful call to the auth server.
// - /sign-in/*, /sign-up/*, /sign-out: the session changed hands or ended, so the cached token
//   (and any refresh under way for the previous user) is forgotten.
// - /get-session: whose session it is (null when signed out); a cached token for anyone else
//   is dropped.
// Why a fetch plugin (better-auth 1.7): its hook runs for every call, before the caller's
// promise resolves, so the next page never sees the previous user's token. `atomListeners`
// would miss sign-ins: the client fires one listener per signal, and its own `$sessionSignal`
// listener already matches /sign-in/email. `fetchOptions.onSuccess` works too, but a plugin
// leaves the app's own fetchOptions alone.
import type { BetterAuthClientPlugin } from 'better-auth/client';
import type { TokenManager } from './token-manager';

const SESSION_CHANGES = /\/(?:sign-in|sign-up)\/[^/]+$|\/sign-out$/;
const SESSION_READ = /\/get-session$/;

/** The user id in a /get-session answer (`{ session, user }`, or null when signed out). */
function sessionUserId(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || !('user' in data)) return null;
  const { user } = data as { user: unknown };
  if (typeof user !== 'object' || user === null || !('id' in user)) return null;
  const { id } = user as { id: unknown };
  return typeof id === 'string' ? id : null;
}

export function tokenSessionPlugin(tokens: Pick<TokenManager, 'clear' | 'setSessionUser'>) {
  return {
    id: 'token-session',
    fetchPlugins: [
      {
        id: 'token-session',
        name: 'Access-token cache follows the session',
        hooks: {
          onSuccess(context) {
            // A relative auth URL (`/api/auth/...`) still parses against any base.
            const { pathname } = new URL(String(context.request.url), 'http://auth.invalid');
            if (SESSION_CHANGES.test(pathname)) tokens.clear();
            else if (SESSION_READ.test(pathname)) tokens.setSessionUser(sessionUserId(context.data));
          },
        },
      },
    ],
  } satisfies BetterAuthClientPlugin;
}
