// The `--storage cookie --http axios` variant (backend-for-frontend): the browser holds only
// the httpOnly session cookie and calls /api/bff/*, where the server mints the JWT and
// forwards the call. Dependencies are hard-linked from the deps cache (the default E2E file
// already proves a real `npm install`). The shared cookie-mode flow is in auth-flow.ts.
import { describe, expect, test } from 'vitest';
import { cookieModeTests, signInWithWrongPassword } from './auth-flow.js';
import { bffChecks } from './bff-checks.js';
import { uniqueUser, useServedProject } from './fixture.js';

const app = useServedProject({ name: 'e2e-cookie-axios', options: { storage: 'cookie', http: 'axios' }, install: 'linked' });
const user = uniqueUser('cookie');

describe('cookie storage with the axios client (BFF)', () => {
  cookieModeTests(app, user, { dashboardOnServer: true, mintProbe: 'own' });

  test('a wrong password shows an error and stays on /login without a session', async () => {
    const { page, context } = await signInWithWrongPassword(app, user);
    expect(await page.evaluate(async () => (await fetch('/api/bff/users/me')).status)).toBe(401);
    await context.close();
  });

  bffChecks(() => ({ url: app.url }));
});
