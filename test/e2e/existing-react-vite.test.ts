// `--cwd` in an existing React + Vite app (create-vite 9.3.0 react-ts): after the lines the CLI
// printed are pasted in (the Root switch in src/main.tsx, importing the sign-in UI from auth-ui/,
// and strict mode in tsconfig.app.json), the app builds with its own `tsc -b && vite build`, the
// added auth server (`npm start`: tsx server/index.ts) serves it, and the generated apps'
// browser flow passes: sign-up → dashboard data with a Bearer JWT → refresh after expiry →
// sign-out → 401. The app's own page still answers on /.
import path from 'node:path';
import { expect, test } from 'vitest';
import { copyDepsCache, runStep } from '../helpers/e2e-project.js';
import { applyMainLines, applyStrictLine, createReactViteApp } from '../helpers/existing-react-vite.js';
import { printedLines, runCli } from '../helpers/existing-sveltekit.js';
import { cleanEnv, freePort, startProcessServer } from '../helpers/server.js';
import { bearerFlowTests } from './auth-flow.js';
import { ACCESS_TOKEN_SECONDS, uniqueUser, useServedApp } from './fixture.js';

const app = useServedApp({
  name: 'existing-react-vite',
  async setup(served) {
    const dir = await createReactViteApp('react-ts', 'e2e-existing-react-vite');
    const project = (served.project = { root: path.dirname(dir), dir, log: [] });
    const r = await runCli(['.', '--yes', '--no-install'], dir);
    if (r.exitCode !== 0) throw new Error(`the CLI failed: ${r.stderr}`);
    applyMainLines(dir, printedLines(r.stdout, 'src/main.tsx'));
    applyStrictLine(dir, printedLines(r.stdout, 'tsconfig.json'));
    await copyDepsCache(project);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    await runStep(project, 'npm run db:migrate', 'npm', ['run', 'db:migrate'], 2 * 60_000);
    await runStep(project, 'tsc -b', process.execPath, ['node_modules/typescript/bin/tsc', '-b'], 5 * 60_000);
    await runStep(project, 'vite build', process.execPath, ['node_modules/vite/bin/vite.js', 'build'], 5 * 60_000, { env: cleanEnv({ VITE_API_URL: base }) });
    const server = await startProcessServer({
      name: 'auth server',
      command: process.execPath,
      args: [path.join(dir, 'node_modules/tsx/dist/cli.mjs'), 'server/index.ts'],
      cwd: dir,
      env: cleanEnv({ NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), BETTER_AUTH_URL: base, CORS_ORIGIN: base, JWT_ACCESS_TOKEN_EXPIRES: String(ACCESS_TOKEN_SECONDS) }),
      url: base,
      ready: async (b) => (await fetch(`${b}/login`, { signal: AbortSignal.timeout(5_000) })).status === 200,
      timeoutMs: 60_000,
    });
    served.addServer('auth', 'server', server);
  },
});

test("the app's own page still renders on /, and the API refuses a request without a token", async () => {
  const session = await app.newSession();
  await session.page.goto(`${app.url}/`);
  await session.page.getByText('Get started').waitFor();
  expect(session.page.url()).toBe(`${app.url}/`);
  await session.context.close();
  const refused = await fetch(`${app.url}/api/users/me`);
  expect(refused.status).toBe(401);
  expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
});

bearerFlowTests(app, uniqueUser('existing-react-vite'));
