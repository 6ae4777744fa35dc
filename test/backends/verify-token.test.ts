// The in-app token check (templates/verify-token/lib/verify-token.ts: the API routes of Next.js,
// SvelteKit, Nuxt and the React+Vite auth server) keeps the separate backends' contract when
// the JWKS cannot be fetched: 503 `auth_unavailable`, never a 401 that would send a signed-in
// user back to the login page. Run here in a bare node:http server around requireUser().
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkDeps, REPO_ROOT } from '../helpers/deps-cache.js';
import { cleanEnv, freePort, startProcessServer, type RunningServer } from '../helpers/server.js';
import { claims, getMe, JwksServer, makeKey, mint, validToken } from './harness.js';

const SERVER = `import http from 'node:http';
import { requireUser } from './lib/verify-token';

http
  .createServer(async (req, res) => {
    if (req.url === '/health') return void res.writeHead(200).end('ok');
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
    const result = await requireUser(new Request(\`http://localhost\${req.url}\`, { headers }));
    if (result instanceof Response) {
      res.writeHead(result.status, Object.fromEntries(result.headers));
      return void res.end(await result.text());
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
`;

describe('in-app verify-token', () => {
  let dir: string;
  let jwks: JwksServer;
  let server: RunningServer;
  const key = makeKey('EdDSA', 'key-a');

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbaj-verify-token-'));
    fs.mkdirSync(path.join(dir, 'lib'));
    fs.copyFileSync(path.join(REPO_ROOT, 'templates/verify-token/lib/verify-token.ts'), path.join(dir, 'lib/verify-token.ts'));
    fs.copyFileSync(path.join(REPO_ROOT, 'templates/auth-config/lib/auth-config.ts'), path.join(dir, 'lib/auth-config.ts'));
    fs.writeFileSync(path.join(dir, 'server.ts'), SERVER);
    fs.writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
    await linkDeps(dir);
    jwks = await new JwksServer().start();
    jwks.keys = [key.jwk];
    jwks.mode = 'error';
    const port = await freePort();
    server = await startProcessServer({
      name: 'verify-token server',
      command: process.execPath,
      args: [path.join(dir, 'node_modules/tsx/dist/cli.mjs'), 'server.ts'],
      cwd: dir,
      env: cleanEnv({ PORT: String(port), BETTER_AUTH_URL: jwks.url, JWT_ALGORITHM: 'EdDSA', JWT_ISSUER: '', JWT_AUDIENCE: '' }),
      url: `http://127.0.0.1:${port}`,
      ready: async (url) => (await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) })).status === 200,
      timeoutMs: 30_000,
    });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await jwks?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const mode of ['error', 'down'] as const) {
    it(`JWKS ${mode === 'error' ? 'answers HTTP 500' : 'drops the connection'} and no key is cached: 503 auth_unavailable, never 401`, async () => {
      jwks.mode = mode;
      for (let i = 0; i < 3; i++) {
        const answer = await getMe(server.url, `Bearer ${validToken(key, jwks.url)}`);
        expect(answer.status, `${server.logs()}\n${JSON.stringify(answer.body)}`).toBe(503);
        expect(answer.body).toEqual({ error: 'auth_unavailable' });
        expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
      }
    });
  }

  it('once the JWKS answers: a valid token passes, an unknown kid is a 401 invalid_token', async () => {
    jwks.mode = 'up';
    const ok = await getMe(server.url, `Bearer ${validToken(key, jwks.url)}`);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ id: 'user_Ada123' });
    const unknown = await getMe(server.url, `Bearer ${mint({ alg: 'EdDSA', kid: 'key-unknown' }, claims(jwks.url), { key })}`);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual({ error: 'invalid_token' });
  });
});
