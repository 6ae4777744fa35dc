// The default project (`--yes`: Next.js, memory token storage, fetch client, SQLite), generated
// by the CLI and installed with a real `npm install`, migrated, built and served. Headless
// Chromium runs the shared Bearer flow (auth-flow.ts): the Bearer JWT on API calls, exactly one
// refresh after expiry even for 10 concurrent calls, a wrong password getting no token, and
// sign-out locking the dashboard and the API again.
import { describe } from 'vitest';
import { bearerFlowTests } from './auth-flow.js';
import { uniqueUser, useServedProject } from './fixture.js';
import { redirectChecks } from './redirect-checks.js';
import { tokenSwitchChecks } from './token-switch-checks.js';
import { rateLimitChecks } from './rate-limit-checks.js';

const app = useServedProject({ name: 'e2e-default', options: {}, install: 'npm' });

describe('default project (memory storage, fetch)', () => {
  // Next.js renders the dashboard (the user's email, the signed-out redirect) on the server.
  bearerFlowTests(app, uniqueUser('default'), { dashboardOnServer: true });
  redirectChecks(app);
  tokenSwitchChecks(app, { storage: 'memory' });
  rateLimitChecks(app, { tokenEndpoint: true });
});
