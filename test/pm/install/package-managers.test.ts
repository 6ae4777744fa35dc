// Every --pm the CLI offers, tried as a new user would: the default project (Next.js, SQLite)
// created with install on, by the built CLI, with pnpm 10, a current pnpm, yarn classic and
// bun taken from the npm registry. Then `<pm> run db:migrate`, `<pm> run build`, `next start`
// and one authenticated request (sign up → session → JWT → GET /api/users/me). After each
// install, no installed package may need a newer Node than the project's engines: pnpm and
// bun do not check engines, so without this a transitive kysely 0.29 (Node 22) would pass.
// One project per manager, in sequence; tools and download caches are reused (tools.ts), and
// better-sqlite3 gets a local prebuilt binary instead of a 2-minute compile (prebuilt.ts).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newProjectDir, runStep, type ProjectDir } from '../../helpers/e2e-project.js';
import { buildPrivateCli, type PrivateCli } from '../../helpers/private-cli.js';
import { cleanEnv, startNext } from '../../helpers/server.js';
import { installedPackages, nodeRequirementViolations } from '../engines.js';
import { declaredMinimum } from '../node-range.js';
import { localPrebuildEnv } from './prebuilt.js';
import { MANAGERS, cacheEnv, installManager, label } from './tools.js';

const projects: ProjectDir[] = [];
// Its own build of the CLI: in CI this suite runs beside the browser suite, whose
// `npm run build` empties dist/.
let cli: PrivateCli;
beforeAll(async () => {
  cli = await buildPrivateCli('pm-install');
}, 120_000);
afterAll(() => {
  for (const p of projects) fs.rmSync(p.root, { recursive: true, force: true });
  cli?.remove();
});

async function authenticatedRequest(base: string, tag: string): Promise<unknown> {
  const email = `${tag.replace(/[^a-z0-9]/gi, '-')}-${Date.now()}@example.com`;
  const headers = { 'content-type': 'application/json', origin: base };
  const signUp = await fetch(`${base}/api/auth/sign-up/email`, { method: 'POST', headers, body: JSON.stringify({ email, password: 'a-long-test-password-1', name: tag }) });
  expect(signUp.status, await signUp.clone().text()).toBe(200);
  const cookie = signUp.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const tokenResponse = await fetch(`${base}/api/auth/token`, { headers: { cookie, origin: base } });
  expect(tokenResponse.status).toBe(200);
  const { token } = (await tokenResponse.json()) as { token: string };
  const me = await fetch(`${base}/api/users/me`, { headers: { authorization: `Bearer ${token}` } });
  expect(me.status).toBe(200);
  const user = (await me.json()) as { email?: string };
  expect(user.email).toBe(email);
  const anonymous = await fetch(`${base}/api/users/me`);
  expect(anonymous.status).toBe(401);
  return user;
}

describe('the default project with every package manager --pm offers', () => {
  for (const manager of MANAGERS) {
    it(`${label(manager)}: the CLI installs it, then db:migrate, build and an authenticated request work, and nothing installed needs a newer Node than its engines`, async () => {
      const bin = await installManager(manager);
      const project = newProjectDir('cbaj-pm-', 'app');
      projects.push(project);
      const env = cleanEnv({ PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, CI: '1', NO_COLOR: '1', ...cacheEnv(manager), ...(await localPrebuildEnv()) });
      const pm = path.join(bin, manager.pm);
      try {
        await runStep(project, `create-better-auth-jwt --pm ${manager.pm}`, process.execPath, [cli.bin, 'app', '--yes', '--pm', manager.pm, '--install', '--no-git'], 10 * 60_000, { env, cwd: project.root });

        const pkg = JSON.parse(fs.readFileSync(path.join(project.dir, 'package.json'), 'utf8')) as { engines: { node: string } };
        const installed = installedPackages(path.join(project.dir, 'node_modules'));
        expect(installed.length).toBeGreaterThan(50);
        expect(nodeRequirementViolations(installed, declaredMinimum(pkg.engines.node)).join('\n'), `engines.node ${pkg.engines.node}`).toBe('');

        await runStep(project, `${manager.pm} run db:migrate`, pm, ['run', 'db:migrate'], 2 * 60_000, { env });
        await runStep(project, `${manager.pm} run build`, pm, ['run', 'build'], 10 * 60_000, { env });
        const server = await startNext(project.dir, {});
        try {
          await authenticatedRequest(server.url, manager.pm);
        } finally {
          await server.stop();
        }
      } catch (error) {
        throw new Error(`${(error as Error).message}\n\n--- steps ---\n${project.log.join('\n')}`);
      }
    });
  }
});
