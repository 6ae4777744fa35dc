// The generated FastAPI backend (`--backend fastapi`), driven over HTTP: started with Debian's
// /usr/bin/python3 + uvicorn against a JWKS server this test controls, then a battery of tokens
// where only the valid ones may get a 200, plus JWKS caching, outages, rotation, other
// algorithms, CORS and start-up validation.
import { execa } from 'execa';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PYTHON,
  b64url,
  backendEnv,
  bearer,
  makeKey,
  mint,
  now,
  pythonUnavailable,
  request,
  runToExit,
  signature,
  signingInput,
  startBackend,
  startJwksServer,
  type Backend,
  type JwksServer,
  type TestKey,
} from './harness.js';
import { requirePrerequisite } from '../helpers/prerequisites.js';

const REPO = path.resolve(import.meta.dirname, '../..');
// BACKEND_TEST_CLI: another build of the CLI (the same knob as test/backends/).
const BIN = process.env.BACKEND_TEST_CLI ?? path.join(REPO, 'bin/create-better-auth-jwt.js');

const SUITE = 'generated FastAPI backend';
const unavailable = requirePrerequisite({
  suite: SUITE,
  needs: `Debian's ${PYTHON} with FastAPI, PyJWT, uvicorn and cryptography`,
  missing: pythonUnavailable(),
  install: 'apt-get install python3-fastapi python3-jwt python3-cryptography uvicorn',
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function generate(dir: string, storage = 'memory'): Promise<string> {
  const r = await execa(
    'node',
    [BIN, dir, '--yes', '--no-install', '--no-git', '--backend', 'fastapi', '--storage', storage],
    { reject: false, all: true, timeout: 60_000, env: { CI: '1', NO_COLOR: '1' }, stdin: 'ignore' },
  );
  if (r.exitCode !== 0 || !fs.existsSync(path.join(dir, 'backend/main.py'))) {
    throw new Error(`generating a --backend fastapi project failed (exit ${r.exitCode}):\n${r.all}`);
  }
  return path.join(dir, 'backend');
}

/** A copy of the generated backend with a shorter JWKS cooldown, so rotation fits in a test. */
function withCooldown(backendDir: string, target: string, seconds: number): string {
  fs.cpSync(backendDir, target, { recursive: true });
  const file = path.join(target, 'auth.py');
  const source = fs.readFileSync(file, 'utf8');
  const patched = source.replace(/^JWKS_COOLDOWN_SECONDS = [\d.]+/m, `JWKS_COOLDOWN_SECONDS = ${seconds}`);
  if (patched === source) throw new Error('auth.py has no JWKS_COOLDOWN_SECONDS constant to shorten');
  fs.writeFileSync(file, patched);
  return target;
}

describe.skipIf(unavailable !== undefined)(SUITE, () => {
  let tmp: string;
  let backendDir: string;
  let jwks: JwksServer;
  let issuer: string;
  // EdDSA server (defaults: .env supplies CORS_ORIGIN and JWT_ALGORITHM; the real env wins for BETTER_AUTH_URL).
  let api: Backend;
  let ed: TestKey;
  let other: { ed: TestKey; rs: TestKey; es: TestKey };
  const backends: Backend[] = [];

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cbaj-fastapi-'));
    [backendDir, jwks] = await Promise.all([generate(path.join(tmp, 'app')), startJwksServer()]);
    issuer = jwks.origin; // the BETTER_AUTH_URL origin: what the backend expects by default
    ed = makeKey('EdDSA');
    other = { ed: makeKey('EdDSA', ed.kid), rs: makeKey('RS256'), es: makeKey('ES256') };
    // The RSA and EC keys are published too, so algorithm confusion has a real key to aim at.
    jwks.endpoint('main').keys = [ed.jwk, other.rs.jwk, other.es.jwk];
    api = await startBackend(backendDir, { BETTER_AUTH_URL: jwks.authUrl('main') });
    backends.push(api);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(backends.map((b) => b.stop()));
    await jwks?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  describe('generated files', () => {
    it('has the server, its requirements (Debian and current ranges) and a gap-filling .env', () => {
      for (const file of ['main.py', 'auth.py', 'settings.py', 'requirements.txt', 'README.md', '.env', '.env.example', '.gitignore']) {
        expect(fs.existsSync(path.join(backendDir, file)), file).toBe(true);
      }
      const requirements = fs.readFileSync(path.join(backendDir, 'requirements.txt'), 'utf8');
      expect(requirements).toMatch(/^fastapi>=0\.92/m);
      expect(requirements).toMatch(/^uvicorn>=0\.17/m);
      expect(requirements).toMatch(/^PyJWT\[crypto\]>=2\.6/m);
      expect(requirements).toMatch(/^cryptography>=38/m);
      const env = fs.readFileSync(path.join(backendDir, '.env'), 'utf8');
      expect(env).toMatch(/^BETTER_AUTH_URL=http:\/\/localhost:3000$/m);
      expect(env).toMatch(/^CORS_ORIGIN=http:\/\/localhost:3000$/m);
    });
  });

  it('passes the in-process self-check (every third-party API it uses, then its ASGI app with EdDSA, ES256, RS256)', () => {
    const r = spawnSync(PYTHON, [path.join(import.meta.dirname, 'selfcheck.py'), backendDir], { encoding: 'utf8', timeout: 30_000, env: backendEnv({}) });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/all checks passed/);
  });

  describe('GET /health and /api/users/me', () => {
    it('/health is open', async () => {
      const r = await request(api.url, '/health');
      expect(r.status).toBe(200);
      expect(r.json()).toEqual({ status: 'ok' });
    });

    it('a valid EdDSA token → 200 with id (sub), email and name; the JWKS is fetched once', async () => {
      const before = jwks.endpoint('main').fetches;
      const r = await bearer(api.url, mint(ed, issuer));
      expect(r.status, api.logs()).toBe(200);
      expect(r.json()).toEqual({ id: 'user_123', email: 'ada@example.com', name: 'Ada Lovelace' });
      expect((await bearer(api.url, mint(ed, issuer, { claims: { sub: 'user_456' } }))).json().id).toBe('user_456');
      expect(jwks.endpoint('main').fetches - before).toBeLessThanOrEqual(1);
    });

    it('accepts a lowercase scheme and small clock skew (exp 2 s ago, nbf 2 s ahead)', async () => {
      const token = mint(ed, issuer, { claims: { exp: now() - 2, nbf: now() + 2 } });
      const r = await request(api.url, '/api/users/me', { headers: { Authorization: `bearer ${token}` } });
      expect(r.status).toBe(200);
    });
  });

  describe('token battery: only the valid token gets a 200', () => {
    const cases: Array<[string, () => string, 'invalid_token' | 'token_expired', RegExp]> = [
      ['expired', () => mint(ed, issuer, { claims: { exp: now() - 60, iat: now() - 960 } }), 'token_expired', /token expired/],
      ['not yet valid (nbf in the future)', () => mint(ed, issuer, { claims: { nbf: now() + 120 } }), 'invalid_token', /not yet valid/],
      ['wrong signature (another key, same kid)', () => mint(ed, issuer, { signWith: other.ed.privateKey }), 'invalid_token', /bad signature/],
      [
        'tampered payload',
        () => {
          const [h, , s] = mint(ed, issuer).split('.');
          const payload = { sub: 'admin', iss: issuer, aud: issuer, exp: now() + 900, iat: now() };
          return `${h}.${b64url(JSON.stringify(payload))}.${s}`;
        },
        'invalid_token',
        /bad signature/,
      ],
      ['alg none', () => `${signingInput({ alg: 'none', kid: ed.kid }, { sub: 'user_123', iss: issuer, aud: issuer, exp: now() + 900 })}.`, 'invalid_token', /algorithm 'none'/],
      [
        'HS256 signed with the public key (PEM)',
        () => mint(ed, issuer, { alg: 'HS256', signWith: ed.publicKey.export({ type: 'spki', format: 'pem' }).toString() }),
        'invalid_token',
        /algorithm 'HS256'/,
      ],
      [
        'HS256 signed with the public JWK x',
        () => mint(ed, issuer, { alg: 'HS256', signWith: String(ed.jwk.x) }),
        'invalid_token',
        /algorithm 'HS256'/,
      ],
      ['RS256 with a published RSA key (another algorithm)', () => mint(other.rs, issuer), 'invalid_token', /algorithm 'RS256'/],
      ['ES256 with a published EC key (another algorithm)', () => mint(other.es, issuer), 'invalid_token', /algorithm 'ES256'/],
      ['no alg in the header', () => mint(ed, issuer, { header: { alg: undefined } }), 'invalid_token', /algorithm None/],
      ['wrong iss', () => mint(ed, issuer, { claims: { iss: 'https://evil.example' } }), 'invalid_token', /wrong issuer/],
      ['wrong aud', () => mint(ed, issuer, { claims: { aud: 'https://other-api.example' } }), 'invalid_token', /wrong audience/],
      ['missing iss', () => mint(ed, issuer, { claims: { iss: undefined } }), 'invalid_token', /missing claim iss/],
      ['missing aud', () => mint(ed, issuer, { claims: { aud: undefined } }), 'invalid_token', /missing claim aud/],
      ['missing exp', () => mint(ed, issuer, { claims: { exp: undefined } }), 'invalid_token', /missing claim exp/],
      ['missing sub', () => mint(ed, issuer, { claims: { sub: undefined } }), 'invalid_token', /missing claim sub/],
      ['empty sub', () => mint(ed, issuer, { claims: { sub: '' } }), 'invalid_token', /sub/],
      ['numeric sub', () => mint(ed, issuer, { claims: { sub: 42 } }), 'invalid_token', /sub/],
      ['exp as a string', () => mint(ed, issuer, { claims: { exp: 'tomorrow' } }), 'invalid_token', /invalid token|exp/],
      ['iat as a list', () => mint(ed, issuer, { claims: { iat: [1] } }), 'invalid_token', /invalid token|iat/],
      ['unknown kid', () => mint(makeKey('EdDSA'), issuer), 'invalid_token', /no key with kid/],
      ['kid that is not a string', () => mint(ed, issuer, { header: { kid: 7 } }), 'invalid_token', /malformed token header|kid/],
      ['header is not JSON', () => `${b64url('not json')}.${b64url('{}')}.${b64url('sig')}`, 'invalid_token', /malformed token header/],
      ['header is a JSON array', () => `${b64url('[1]')}.${b64url('{}')}.${b64url('sig')}`, 'invalid_token', /malformed token header/],
      ['payload is not JSON', () => {
        const input = `${b64url(JSON.stringify({ alg: 'EdDSA', kid: ed.kid }))}.${b64url('nope')}`;
        return `${input}.${signature('EdDSA', ed.privateKey, input)}`;
      }, 'invalid_token', /invalid token/],
      ['bad base64 in the header', () => `e#J.${mint(ed, issuer).split('.').slice(1).join('.')}`, 'invalid_token', /malformed token/],
      ['padded base64', () => `${mint(ed, issuer)}==`, 'invalid_token', /malformed token/],
      ['two segments', () => mint(ed, issuer).split('.').slice(0, 2).join('.'), 'invalid_token', /malformed token/],
      ['four segments', () => `${mint(ed, issuer)}.x`, 'invalid_token', /malformed token/],
      ['garbage', () => 'not-a-jwt', 'invalid_token', /malformed token/],
      ['a huge token', () => `${mint(ed, issuer)}${'A'.repeat(9000)}`, 'invalid_token', /malformed token/],
    ];

    const minted = new Map<string, string>();
    for (const [name, make, error, reason] of cases) {
      it(`${name} → 401 ${error}`, async () => {
        const token = make();
        minted.set(name, token);
        const since = api.logs().length;
        const r = await bearer(api.url, token);
        expect(r.status, `${name}: ${r.text}`).toBe(401);
        expect(r.json()).toEqual({ error });
        expect(r.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
        const logged = await api.logAfter(since, /WARNING: +auth: 401 GET \/api\/users\/me: .*/);
        expect(logged.match(/WARNING: +auth: 401 GET \/api\/users\/me: (.*)/)?.[1]).toMatch(reason);
      });
    }

    it('malformed Authorization headers → 401 invalid_token', async () => {
      const token = mint(ed, issuer);
      const headers: Array<Record<string, string | string[]>> = [
        { Authorization: 'Bearer' },
        { Authorization: 'Bearer ' },
        { Authorization: `Basic ${b64url('ada:pw')}` },
        { Authorization: token }, // no scheme
        { Authorization: `Token ${token}` },
        { Authorization: `Bearer ${token} extra` },
        { Authorization: [`Bearer ${token}`, `Bearer ${token}`] }, // sent twice
      ];
      for (const h of headers) {
        const r = await request(api.url, '/api/users/me', { headers: h });
        expect(r.status, JSON.stringify(h).slice(0, 60)).toBe(401);
        expect(r.json()).toEqual({ error: 'invalid_token' });
        expect(r.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
      }
    });

    it('no Authorization header, or the token only in the query string or a cookie → 401 missing_token, plain Bearer challenge', async () => {
      const token = mint(ed, issuer);
      for (const [p, headers] of [
        ['/api/users/me', {}],
        [`/api/users/me?token=${token}`, {}],
        [`/api/users/me?access_token=${token}`, {}],
        ['/api/users/me', { Cookie: `token=${token}; access_token=${token}` }],
      ] as const) {
        const r = await request(api.url, p, { headers });
        expect(r.status, p).toBe(401);
        expect(r.json()).toEqual({ error: 'missing_token' });
        expect(r.headers['www-authenticate']).toBe('Bearer');
      }
    });

    it('never logs a token, not even from the access log of a ?token= request', async () => {
      // The cases above and this one have all run against `api`; none of their tokens is in its output.
      const token = mint(ed, issuer);
      const since = api.logs().length;
      await request(api.url, `/api/users/me?jwt=${token}`);
      await api.logAfter(since, /GET \/api\/users\/me\?jwt=\[redacted\]/);
      const logs = api.logs();
      for (const t of [token, ...minted.values()]) {
        const signaturePart = t.split('.')[2];
        expect(logs.includes(t)).toBe(false);
        if (signaturePart && signaturePart.length > 20) expect(logs.includes(signaturePart)).toBe(false);
      }
      expect(logs).not.toMatch(/Traceback|500 Internal/);
    });
  });

  describe('JWKS cache', () => {
    it('a burst of 30 random kids causes at most 2 JWKS requests, and valid tokens keep working', async () => {
      const before = jwks.endpoint('main').fetches;
      const replies = await Promise.all(Array.from({ length: 30 }, () => bearer(api.url, mint(makeKey('EdDSA'), issuer))));
      expect(replies.map((r) => r.status)).toEqual(Array(30).fill(401));
      expect(jwks.endpoint('main').fetches - before).toBeLessThanOrEqual(2);
      expect((await bearer(api.url, mint(ed, issuer))).status).toBe(200);
    });

    it('keeps serving from the cache while the auth server is down', async () => {
      jwks.endpoint('main').mode = 'error';
      try {
        expect((await bearer(api.url, mint(ed, issuer))).status).toBe(200);
        expect((await bearer(api.url, mint(makeKey('EdDSA'), issuer))).status).toBe(401);
      } finally {
        jwks.endpoint('main').mode = 'up';
      }
    });

    it('auth server unreachable and nothing cached → 503 auth_unavailable (never 500, never 200)', async () => {
      jwks.endpoint('down').mode = 'error';
      jwks.endpoint('down').keys = [ed.jwk];
      const [failing, unreachable] = await Promise.all([
        startBackend(backendDir, { BETTER_AUTH_URL: jwks.authUrl('down') }),
        // Nothing listens on port 9 of 127.0.0.1 (discard): connection refused.
        startBackend(backendDir, { BETTER_AUTH_URL: 'http://127.0.0.1:9', JWT_ISSUER: issuer, JWT_AUDIENCE: issuer }),
      ]);
      backends.push(failing, unreachable);
      for (const server of [failing, unreachable]) {
        for (let i = 0; i < 3; i++) {
          const r = await bearer(server.url, mint(ed, issuer));
          expect(r.status, server.logs()).toBe(503);
          expect(r.json()).toEqual({ error: 'auth_unavailable' });
        }
        await server.logAfter(0, /could not fetch the JWKS/);
        expect(server.logs()).not.toMatch(/Traceback/);
      }
      // Three requests in a row do not mean three attempts: failures back off too.
      expect(jwks.endpoint('down').fetches).toBe(1);
      // Still checked before the network: a bad token is a 401, not a 503.
      expect((await bearer(failing.url, 'garbage')).status).toBe(401);
    });

    it('key rotation: a new kid triggers one refetch, then 200; the removed key stops working', async () => {
      const rotating = withCooldown(backendDir, path.join(tmp, 'backend-rotation'), 1);
      const k1 = makeKey('EdDSA');
      const k2 = makeKey('EdDSA');
      const endpoint = jwks.endpoint('rotation');
      endpoint.keys = [k1.jwk];
      const server = await startBackend(rotating, { BETTER_AUTH_URL: jwks.authUrl('rotation') });
      backends.push(server);
      expect((await bearer(server.url, mint(k1, issuer))).status).toBe(200);
      expect(endpoint.fetches).toBe(1);

      endpoint.keys = [k2.jwk]; // the auth server rotated: k1 is gone, k2 signs
      await sleep(1_100); // past the (shortened) cooldown since the last fetch
      const r = await bearer(server.url, mint(k2, issuer));
      expect(r.status, server.logs()).toBe(200);
      expect(endpoint.fetches).toBe(2);
      expect((await bearer(server.url, mint(k2, issuer))).status).toBe(200);
      expect(endpoint.fetches).toBe(2);
      // k1 is no longer in the cached set.
      expect((await bearer(server.url, mint(k1, issuer))).status).toBe(401);
    });
  });

  describe('other algorithms', () => {
    for (const alg of ['ES256', 'RS256'] as const) {
      it(`JWT_ALGORITHM=${alg}: a matching token → 200, an EdDSA one → 401`, async () => {
        const key = makeKey(alg);
        const edKey = makeKey('EdDSA');
        jwks.endpoint(alg).keys = [key.jwk, edKey.jwk];
        // ES256 runs through `python3 main.py` (HOST/PORT), RS256 through uvicorn.
        const server = await startBackend(
          backendDir,
          { BETTER_AUTH_URL: jwks.authUrl(alg), JWT_ALGORITHM: alg },
          { via: alg === 'ES256' ? 'main' : 'uvicorn' },
        );
        backends.push(server);
        const ok = await bearer(server.url, mint(key, issuer));
        expect(ok.status, server.logs()).toBe(200);
        expect(ok.json()).toEqual({ id: 'user_123', email: 'ada@example.com', name: 'Ada Lovelace' });
        expect((await bearer(server.url, mint(edKey, issuer))).status).toBe(401);
        expect((await bearer(server.url, mint(key, issuer, { alg: 'HS256', signWith: key.publicKey.export({ type: 'spki', format: 'pem' }).toString() }))).status).toBe(401);
        expect((await bearer(server.url, mint(key, issuer, { claims: { exp: now() - 60 } }))).json()).toEqual({ error: 'token_expired' });
      });
    }
  });

  describe('CORS', () => {
    const preflight = (origin: string) =>
      request(api.url, '/api/users/me', {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization, content-type' },
      });

    it('answers the preflight of CORS_ORIGIN (from backend/.env) and allows Authorization and Content-Type', async () => {
      const r = await preflight('http://localhost:3000');
      expect(r.status).toBe(200);
      expect(r.headers['access-control-allow-origin']).toBe('http://localhost:3000');
      expect(String(r.headers['access-control-allow-headers']).toLowerCase()).toMatch(/authorization/);
      expect(String(r.headers['access-control-allow-headers']).toLowerCase()).toMatch(/content-type/);
      expect(String(r.headers['access-control-allow-methods'])).toMatch(/GET/);
    });

    it('gives another origin no Access-Control-Allow-Origin, on the preflight or the request', async () => {
      const r = await preflight('https://evil.example');
      expect(r.headers['access-control-allow-origin']).toBeUndefined();
      const get = await request(api.url, '/api/users/me', { headers: { Origin: 'https://evil.example', Authorization: `Bearer ${mint(ed, issuer)}` } });
      expect(get.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('a 401 to the allowed origin carries CORS headers, so the browser can read it', async () => {
      const r = await request(api.url, '/api/users/me', { headers: { Origin: 'http://localhost:3000' } });
      expect(r.status).toBe(401);
      expect(r.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    });
  });

  describe('start-up validation: one clear line, non-zero exit, no server', () => {
    const base = () => ({ BETTER_AUTH_URL: jwks.authUrl('main') });
    const cases: Array<[string, Record<string, string>, RegExp]> = [
      ['JWT_ALGORITHM=HS256', { JWT_ALGORITHM: 'HS256' }, /JWT_ALGORITHM=HS256 is not possible: Better Auth's JWT plugin signs tokens with an asymmetric private key.*JWKS/],
      ['JWT_ALGORITHM=none', { JWT_ALGORITHM: 'none' }, /JWT_ALGORITHM=none would accept unsigned tokens/],
      ['JWT_ALGORITHM=PS999', { JWT_ALGORITHM: 'PS999' }, /JWT_ALGORITHM=PS999 is not supported; use EdDSA, ES256, RS256/],
      ['JWT_ALGORITHM=eddsa', { JWT_ALGORITHM: 'eddsa' }, /did you mean EdDSA/],
      ['BETTER_AUTH_URL=not a url', { BETTER_AUTH_URL: 'localhost:3000' }, /BETTER_AUTH_URL='localhost:3000' is not an http\(s\) URL/],
      ['BETTER_AUTH_URL with a bad port', { BETTER_AUTH_URL: 'http://localhost:99999' }, /BETTER_AUTH_URL=.* has an invalid port/],
      ['CORS_ORIGIN=*', { CORS_ORIGIN: '*' }, /CORS_ORIGIN=\* would let any site call this API/],
      ['CORS_ORIGIN with a path', { CORS_ORIGIN: 'http://localhost:3000/app' }, /must be an origin/],
      ['PORT=abc', { PORT: 'abc' }, /PORT='abc' is not a port number/],
    ];
    for (const [name, env, message] of cases) {
      it(name, () => {
        const r = runToExit(backendDir, { ...base(), ...env });
        expect(r.code, r.stdout + r.stderr).not.toBe(0);
        expect(r.signal).toBeNull();
        const lines = r.stderr.trim().split('\n');
        expect(lines, r.stderr).toHaveLength(1);
        expect(lines[0]).toMatch(/^backend: configuration error: /);
        expect(lines[0]).toMatch(message);
        expect(r.stdout + r.stderr).not.toMatch(/Traceback|Uvicorn running/);
      });
    }

    it('a missing BETTER_AUTH_URL (empty in the environment and in backend/.env) stops it too', () => {
      const copy = path.join(tmp, 'backend-no-url');
      fs.cpSync(backendDir, copy, { recursive: true });
      fs.writeFileSync(path.join(copy, '.env'), 'BETTER_AUTH_URL=\nCORS_ORIGIN=http://localhost:3000\n');
      const r = runToExit(copy, {});
      expect(r.code).not.toBe(0);
      expect(r.stderr.trim()).toMatch(/^backend: configuration error: BETTER_AUTH_URL is not set/);
    });
  });
});
