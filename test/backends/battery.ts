// The same battery for every backend (issue 4's contract): the generated server, started once
// per file on 127.0.0.1, driven over HTTP with tokens we mint against a JWKS server we control.
// Steps run in order and share state (the JWKS request count, the keys cached by the backend).
import { execa } from 'execa';
import path from 'node:path';
import { freePort } from '../helpers/server.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addThrowingRoutes,
  backend,
  ERROR_MARKER,
  rawRequest,
  backendEnv,
  FRONTEND_ORIGIN,
  generateBackendProject,
  getMe,
  call,
  JwksServer,
  makeKey,
  mint,
  claims,
  randomKid,
  removeProject,
  runToExit,
  sleep,
  startBackend,
  TEST_COOLDOWN_SECONDS,
  validToken,
  type Answer,
  type BackendEntry,
  type BackendName,
  type BackendProcess,
} from './harness.js';

const BURST = 50;
/** The JWKS cooldown every backend runs with here (JWKS_COOLDOWN_SECONDS), so each step that waits one stays short. */
const COOLDOWN_MS = TEST_COOLDOWN_SECONDS * 1000;
/** The reason each backend logs when it cannot verify because no key is cached and the JWKS cannot be fetched. */
const UNAVAILABLE_REASON = 'JWKS unavailable and no key cached';

interface Case {
  name: string;
  authorization?: string;
  query?: string;
  error: 'missing_token' | 'invalid_token' | 'token_expired';
  /** The exact reason the backend logs: the same vocabulary for every backend. */
  reason: string;
}

/** The reason of the first rejection of GET /api/users/me logged after `since` (both log formats), waiting briefly for it. */
async function loggedReason(server: BackendProcess, since: number): Promise<string | undefined> {
  const deadline = Date.now() + 2_000;
  for (;;) {
    const match = /\b(?:401|503)\b[^\n]*?GET \/api\/users\/me: ([^\n]*)/.exec(server.logs().slice(since));
    if (match) return match[1]!.trim();
    if (Date.now() > deadline) return undefined;
    await sleep(20);
  }
}

function expect401(answer: Answer, error: Case['error'], label: string) {
  expect(answer.status, label).toBe(401);
  expect(answer.body, label).toEqual({ error });
  expect(answer.headers.get('content-type') ?? '', label).toMatch(/application\/json/);
  const challenge = answer.headers.get('www-authenticate') ?? '';
  if (error === 'missing_token') {
    expect(challenge, label).toMatch(/^Bearer\b/);
    expect(challenge, label).not.toMatch(/error=/);
  } else {
    expect(challenge, label).toBe('Bearer error="invalid_token"');
  }
}

/**
 * An API the battery runs against instead of a generated backend (add backend's fixtures):
 * only the token verifier's steps, since error pages, API docs and the port are the app's own.
 */
export interface BatteryTarget {
  label: string;
  entry: BackendEntry;
  /** A folder whose backend/ holds the API, ready to start. */
  makeProject(): Promise<string>;
  typecheck: boolean;
  /** The app's own routes the applied guard protects (401 without a token, 200 with one). */
  protectedPaths: string[];
}

export function runBattery(name: BackendName, target?: BatteryTarget) {
  const entry = target?.entry ?? backend(name);
  const skip = entry.skipReason();
  const appOwn = target !== undefined;

  // Backends run in parallel with each other (most of the time is spent waiting for cooldowns);
  // the steps of one backend run in order.
  describe(`${target?.label ?? name} backend${skip ? ` (skipped: ${skip})` : ''}`, { concurrent: true, skip: skip !== undefined }, () => {
    let project: string;
    let jwks: JwksServer;
    let server: BackendProcess;
    let typecheck: Promise<{ exitCode?: number; all?: string }> | undefined;
    const keyA = makeKey('EdDSA', 'key-a');
    const keyB = makeKey('EdDSA', 'key-b');
    const attacker = makeKey('EdDSA', 'key-a'); // same kid, other key
    const esKey = makeKey('ES256', 'key-es');
    const rsKey = makeKey('RS256', 'key-rs');
    const mintedTokens: string[] = [];
    /** Accepted early on, expires a few seconds later: a backend that remembers it must still stop. */
    let shortLived: { token: string; exp: number } | undefined;
    const remember = (token: string) => (mintedTokens.push(token), token);

    beforeAll(async () => {
      project = target ? await target.makeProject() : await generateBackendProject(entry);
      const backendDir = path.join(project, 'backend');
      if (!appOwn) addThrowingRoutes(backendDir, name);
      if (entry.node && (target?.typecheck ?? true)) {
        // Compiles while the battery runs; awaited by its own test.
        const tsc = path.join(backendDir, 'node_modules/typescript/bin/tsc');
        typecheck = execa(process.execPath, [tsc, '--noEmit', '-p', backendDir], { reject: false, all: true, timeout: 120_000 });
      }
      jwks = await new JwksServer().start();
      // Better Auth's JWKS holds keys of one algorithm; ours also has an ES256 and an RS256 key,
      // so "another algorithm" tokens find a matching key and only the allow-list stops them.
      jwks.keys = [keyA.jwk, esKey.jwk, rsKey.jwk];
      jwks.mode = 'down';
      server = await startBackend(entry, project, (port) => backendEnv(jwks.url, port));
    }, 120_000);

    afterAll(async () => {
      await server?.stop();
      await jwks?.stop();
      await typecheck?.catch(() => undefined);
      removeProject(project);
    });

    it.sequential('answers /health without auth', async () => {
      const answer = await call(`${server.url}/health`);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ status: 'ok' });
      expect(jwks.count, 'the JWKS is fetched lazily, not at start-up').toBe(0);
    });

    it.sequential('auth server down and no key cached: 503 auth_unavailable (connection dropped, then HTTP 500), never 401, 500 or 200', async () => {
      const token = remember(validToken(keyA, jwks.url));
      const expect503 = async (label: string) => {
        const since = server.logs().length;
        const answer = await getMe(server.url, `Bearer ${token}`);
        expect(answer.status, `${label}: ${JSON.stringify(answer.body)}`).toBe(503);
        expect(answer.body, label).toEqual({ error: 'auth_unavailable' });
        expect(answer.headers.get('retry-after'), label).toMatch(/^\d+$/);
        expect(await loggedReason(server, since), label).toBe(UNAVAILABLE_REASON);
      };
      for (let i = 0; i < 3; i++) await expect503(`connection dropped, request ${i + 1}`);
      expect(jwks.count).toBeGreaterThanOrEqual(1);
      // Past the cooldown the backend tries again; an error status from the auth server is no better.
      jwks.mode = 'error';
      await sleep(jwks.lastRequestAt + COOLDOWN_MS + 500 - Date.now());
      const before = jwks.count;
      for (let i = 0; i < 3; i++) await expect503(`HTTP 500, request ${i + 1}`);
      expect(jwks.count - before, 'one new try after the cooldown').toBe(1);
    }, 30_000);

    it.sequential('auth server back: the valid token gets 200 with the user from its claims', async () => {
      jwks.mode = 'up';
      const token = remember(validToken(keyA, jwks.url));
      // A backend may wait a few seconds before it retries a failed fetch: bounded poll.
      const deadline = Date.now() + COOLDOWN_MS + 10_000;
      let answer = await getMe(server.url, `Bearer ${token}`);
      while (answer.status !== 200 && Date.now() < deadline) {
        await sleep(250);
        answer = await getMe(server.url, `Bearer ${token}`);
      }
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.body).toEqual({ id: 'user_Ada123', email: 'ada@example.com', name: 'Ada Lovelace' });
      // Per-user data must not be stored by the browser or a shared cache; nor may a 401.
      expect(answer.headers.get('cache-control')).toMatch(/no-store/);
      expect((await getMe(server.url, 'Bearer not.a.token')).headers.get('cache-control')).toMatch(/no-store/);
      const fetched = jwks.count;
      const again = await getMe(server.url, `Bearer ${remember(validToken(keyA, jwks.url, { sub: 'user_Bob', email: 'bob@example.com', name: 'Bob' }))}`);
      expect(again.body).toEqual({ id: 'user_Bob', email: 'bob@example.com', name: 'Bob' });
      expect(jwks.count, 'the JWKS is cached').toBe(fetched);

      const exp = Math.floor(Date.now() / 1000) + 3;
      shortLived = { token: remember(validToken(keyA, jwks.url, { exp })), exp };
      for (let i = 0; i < 3; i++) expect((await getMe(server.url, `Bearer ${shortLived.token}`)).status).toBe(200);
    }, 60_000);

    if (target?.protectedPaths.length) {
      it.sequential("the app's own routes behind the guard: 401 without a token, 200 with one", async () => {
        for (const own of target.protectedPaths) {
          expect401(await call(`${server.url}${own}`), 'missing_token', own);
          const answer = await call(`${server.url}${own}`, { headers: { Authorization: `Bearer ${remember(validToken(keyA, jwks.url))}` } });
          expect(answer.status, `${own}: ${JSON.stringify(answer.body)}`).toBe(200);
        }
      });
    }

    it.sequential('rejects every bad token with 401, a JSON error and WWW-Authenticate, and logs exactly why', async () => {
      const origin = jwks.url;
      const now = Math.floor(Date.now() / 1000);
      const good = validToken(keyA, origin);
      const [h, p, s] = good.split('.') as [string, string, string];
      const publicPem = keyA.publicKey.export({ format: 'pem', type: 'spki' });
      const publicX = Buffer.from(String(keyA.jwk.x), 'base64url');
      const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
      const signed = (header: Record<string, unknown>, payload: unknown, key = keyA) => remember(mint(header, payload, { key }));
      const edHeader = { alg: 'EdDSA', kid: 'key-a' };
      const tamperedPayload = b64(claims(origin, { sub: 'user_Admin' }));
      const flippedSig = `${s.slice(0, -2)}${s.at(-2) === 'A' ? 'B' : 'A'}${s.at(-1)}`;

      const notBearer = 'Authorization is not a Bearer token';
      const malformed = 'malformed token (not three base64url segments)';
      const badHeader = 'malformed token header';
      const algNotAllowed = (alg: string) => `algorithm '${alg}' is not allowed (JWT_ALGORITHM=EdDSA)`;
      const cases: Case[] = [
        { name: 'no Authorization header', error: 'missing_token', reason: 'no Authorization header' },
        { name: 'expired (10 minutes ago)', authorization: `Bearer ${signed(edHeader, claims(origin, { iat: now - 1200, exp: now - 600 }))}`, error: 'token_expired', reason: 'token expired' },
        { name: 'expired 30 s ago (beyond the clock tolerance)', authorization: `Bearer ${signed(edHeader, claims(origin, { iat: now - 900, exp: now - 30 }))}`, error: 'token_expired', reason: 'token expired' },
        { name: 'not yet valid (nbf in 5 minutes)', authorization: `Bearer ${signed(edHeader, claims(origin, { nbf: now + 300 }))}`, error: 'invalid_token', reason: 'token not yet valid (nbf/iat in the future)' },
        { name: 'wrong signature (other key, same kid)', authorization: `Bearer ${signed(edHeader, claims(origin), attacker)}`, error: 'invalid_token', reason: 'bad signature' },
        { name: 'signature bytes altered', authorization: `Bearer ${h}.${p}.${flippedSig}`, error: 'invalid_token', reason: 'bad signature' },
        { name: 'payload altered (sub changed, signature kept)', authorization: `Bearer ${h}.${tamperedPayload}.${s}`, error: 'invalid_token', reason: 'bad signature' },
        { name: 'alg: none, no signature', authorization: `Bearer ${remember(mint({ alg: 'none', kid: 'key-a' }, claims(origin), { none: true }))}`, error: 'invalid_token', reason: algNotAllowed('none') },
        { name: 'alg: none with a real signature', authorization: `Bearer ${b64({ alg: 'none', kid: 'key-a' })}.${p}.${s}`, error: 'invalid_token', reason: algNotAllowed('none') },
        { name: 'HS256 signed with the public key PEM as secret', authorization: `Bearer ${remember(mint({ alg: 'HS256', kid: 'key-a' }, claims(origin), { hmac: publicPem }))}`, error: 'invalid_token', reason: algNotAllowed('HS256') },
        { name: 'HS256 signed with the raw public key bytes as secret', authorization: `Bearer ${remember(mint({ alg: 'HS256', kid: 'key-a' }, claims(origin), { hmac: publicX }))}`, error: 'invalid_token', reason: algNotAllowed('HS256') },
        { name: 'ES256 token (key in the JWKS, algorithm not configured)', authorization: `Bearer ${signed({ alg: 'ES256', kid: 'key-es' }, claims(origin), esKey)}`, error: 'invalid_token', reason: algNotAllowed('ES256') },
        { name: 'RS256 token (key in the JWKS, algorithm not configured)', authorization: `Bearer ${signed({ alg: 'RS256', kid: 'key-rs' }, claims(origin), rsKey)}`, error: 'invalid_token', reason: algNotAllowed('RS256') },
        { name: 'wrong iss', authorization: `Bearer ${signed(edHeader, claims(origin, { iss: 'https://evil.example' }))}`, error: 'invalid_token', reason: `wrong issuer (expected ${origin})` },
        { name: 'wrong aud', authorization: `Bearer ${signed(edHeader, claims(origin, { aud: 'https://other-api.example' }))}`, error: 'invalid_token', reason: `wrong audience (expected ${origin})` },
        { name: 'missing iss', authorization: `Bearer ${signed(edHeader, claims(origin, { iss: undefined }))}`, error: 'invalid_token', reason: 'missing claim iss' },
        { name: 'missing aud', authorization: `Bearer ${signed(edHeader, claims(origin, { aud: undefined }))}`, error: 'invalid_token', reason: 'missing claim aud' },
        { name: 'missing sub', authorization: `Bearer ${signed(edHeader, claims(origin, { sub: undefined }))}`, error: 'invalid_token', reason: 'missing claim sub' },
        { name: 'missing exp', authorization: `Bearer ${signed(edHeader, claims(origin, { exp: undefined }))}`, error: 'invalid_token', reason: 'missing claim exp' },
        { name: 'unknown kid', authorization: `Bearer ${signed({ alg: 'EdDSA', kid: 'key-unknown' }, claims(origin))}`, error: 'invalid_token', reason: "no key with kid 'key-unknown' in the JWKS" },
        { name: 'header "Bearer" without a token', authorization: 'Bearer', error: 'invalid_token', reason: notBearer },
        { name: 'header "Basic …"', authorization: 'Basic dXNlcjpwYXNz', error: 'invalid_token', reason: notBearer },
        { name: 'header is garbage', authorization: 'garbage', error: 'invalid_token', reason: notBearer },
        { name: 'header is the token without "Bearer"', authorization: good, error: 'invalid_token', reason: notBearer },
        { name: 'two tokens', authorization: `Bearer ${good} ${good}`, error: 'invalid_token', reason: malformed },
        { name: 'not a JWT', authorization: 'Bearer not-a-jwt', error: 'invalid_token', reason: malformed },
        { name: 'three segments, not base64 JSON', authorization: 'Bearer a.b.c', error: 'invalid_token', reason: badHeader },
        { name: 'bad base64 characters', authorization: 'Bearer !!!.@@@.###', error: 'invalid_token', reason: malformed },
        { name: 'header segment is not JSON', authorization: `Bearer ${b64('not json')}.${p}.${s}`, error: 'invalid_token', reason: badHeader },
        { name: 'payload is a JSON array', authorization: `Bearer ${mint(edHeader, ['sub'], { key: keyA })}`, error: 'invalid_token', reason: 'invalid token payload (not a JSON object)' },
        { name: 'token only in ?access_token=', query: `?access_token=${good}`, error: 'missing_token', reason: 'no Authorization header' },
        { name: 'token only in ?token=', query: `?token=${good}`, error: 'missing_token', reason: 'no Authorization header' },
      ];
      remember(good);

      const failures: string[] = [];
      for (const c of cases) {
        const since = server.logs().length;
        const answer = await getMe(server.url, c.authorization, c.query);
        try {
          expect401(answer, c.error, c.name);
        } catch (error) {
          failures.push(`${c.name}: ${answer.status} ${JSON.stringify(answer.body)} (WWW-Authenticate: ${answer.headers.get('www-authenticate')}) — ${(error as Error).message.split('\n')[0]}`);
        }
        // The log says exactly why (one vocabulary for every backend), so an operator can tell the cases apart.
        const reason = await loggedReason(server, since);
        if (reason !== c.reason) failures.push(`${c.name}: logged reason ${JSON.stringify(reason)}, expected ${JSON.stringify(c.reason)}`);
      }
      expect(failures, `${failures.length} of ${cases.length} cases misbehaved`).toEqual([]);

      // Only the good token, sent properly, passes.
      expect((await getMe(server.url, `Bearer ${good}`)).status).toBe(200);
    });

    it.sequential('never logs a token', async () => {
      await sleep(200); // let the last log lines arrive
      const logs = server.logs();
      for (const token of mintedTokens) {
        const sig = token.split('.')[2] ?? '';
        if (sig.length >= 16) expect(logs.includes(sig), 'a token signature appears in the logs').toBe(false);
        expect(logs.includes(token)).toBe(false);
      }
    });

    it.sequential(`a burst of ${BURST} tokens with random kids gets 401s and at most 2 JWKS requests`, async () => {
      const before = jwks.count;
      const tokens = Array.from({ length: BURST }, () => mint({ alg: 'EdDSA', kid: randomKid() }, claims(jwks.url), { key: keyA }));
      const answers = await Promise.all(tokens.map((t) => getMe(server.url, `Bearer ${t}`)));
      expect(answers.map((a) => a.status)).toEqual(tokens.map(() => 401));
      expect(jwks.count - before).toBeLessThanOrEqual(2);
    });

    it.sequential('key rotation: a token with a new kid triggers exactly one JWKS refetch, then passes', async () => {
      jwks.keys = [keyB.jwk, keyA.jwk, esKey.jwk, rsKey.jwk];
      // Past the backend's cooldown since its last JWKS request, a new kid may be fetched.
      const wait = jwks.lastRequestAt + COOLDOWN_MS + 500 - Date.now();
      if (wait > 0) await sleep(wait);
      const before = jwks.count;
      const token = remember(validToken(keyB, jwks.url, { sub: 'user_Rotated' }));
      const answer = await getMe(server.url, `Bearer ${token}`);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.body).toMatchObject({ id: 'user_Rotated' });
      expect(jwks.count - before, 'JWKS requests for the new kid').toBe(1);
      // The old key still verifies, and neither needs another fetch.
      expect((await getMe(server.url, `Bearer ${remember(validToken(keyB, jwks.url))}`)).status).toBe(200);
      expect((await getMe(server.url, `Bearer ${remember(validToken(keyA, jwks.url))}`)).status).toBe(200);
      expect(jwks.count - before).toBe(1);
    }, 90_000);

    it.sequential('a burst just after the cooldown, auth server down: cached keys still verify, JWKS requests stay bounded', async () => {
      const wait = jwks.lastRequestAt + COOLDOWN_MS + 500 - Date.now();
      if (wait > 0) await sleep(wait);
      jwks.mode = 'down';
      try {
        const before = jwks.count;
        const random = Array.from({ length: BURST }, () => mint({ alg: 'EdDSA', kid: randomKid() }, claims(jwks.url), { key: keyA }));
        const valid = validToken(keyB, jwks.url);
        const [first, ...rest] = await Promise.all([...random, valid].map((t) => getMe(server.url, `Bearer ${t}`)));
        const answers = [first!, ...rest];
        expect(answers.slice(0, BURST).map((a) => a.status)).toEqual(random.map(() => 401));
        expect(answers[BURST]!.status, 'a cached key keeps working while the auth server is down').toBe(200);
        expect(jwks.count - before).toBeLessThanOrEqual(2);
      } finally {
        jwks.mode = 'up';
      }
    }, 60_000);

    it.sequential('a token accepted before is refused once it has expired (beyond the 5 s tolerance)', async () => {
      const wait = (shortLived!.exp + 5) * 1000 + 1_500 - Date.now();
      if (wait > 0) await sleep(wait);
      expect401(await getMe(server.url, `Bearer ${shortLived!.token}`), 'token_expired', 'expired after use');
    }, 30_000);

    it.sequential('CORS: preflight from CORS_ORIGIN allowed with Authorization, other origins get no Access-Control-Allow-Origin', async () => {
      const preflight = (origin: string) =>
        call(`${server.url}/api/users/me`, {
          method: 'OPTIONS',
          headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
        });
      const allowed = await preflight(FRONTEND_ORIGIN);
      expect(allowed.status).toBeGreaterThanOrEqual(200);
      expect(allowed.status).toBeLessThan(300);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(FRONTEND_ORIGIN);
      expect((allowed.headers.get('access-control-allow-headers') ?? '').toLowerCase()).toContain('authorization');

      const other = await preflight('https://evil.example');
      expect(other.headers.get('access-control-allow-origin')).toBeNull();

      const simpleOther = await call(`${server.url}/health`, { headers: { Origin: 'https://evil.example' } });
      expect(simpleOther.headers.get('access-control-allow-origin')).toBeNull();
      const simpleAllowed = await call(`${server.url}/health`, { headers: { Origin: FRONTEND_ORIGIN } });
      expect(simpleAllowed.headers.get('access-control-allow-origin')).toBe(FRONTEND_ORIGIN);
    });

    if (!appOwn) it.sequential('a malformed URL or JSON body gets a 4xx JSON error that echoes nothing back and shows no stack', async () => {
      const probes: Array<[string, string, string?]> = [
        ['GET', '/%'],
        ['GET', `/api/%E0%A4%A${ERROR_MARKER}`],
        ['GET', `/api/users/%zz${ERROR_MARKER}`],
        ['GET', `/api/users/me/%${ERROR_MARKER}`],
        ['POST', '/api/users/me', `{"${ERROR_MARKER}": `],
        ['POST', '/health', `{"${ERROR_MARKER}": `],
      ];
      for (const [method, probePath, body] of probes) {
        const label = `${method} ${probePath}`;
        const answer = await rawRequest(server.url, method, probePath, body, body === undefined ? {} : { 'content-type': 'application/json' });
        expect(answer.status, `${label}: ${answer.text}`).toBeGreaterThanOrEqual(400);
        expect(answer.status, `${label}: ${answer.text}`).toBeLessThan(500);
        expect(answer.contentType, label).toMatch(/application\/json/);
        expect(answer.text, label).not.toContain(ERROR_MARKER);
        expect(answer.text, label).not.toContain('%');
        expect(answer.text, label).not.toMatch(/\n\s+at |Traceback|node_modules/);
      }
    });

    if (!appOwn) it.sequential('serves no API docs or schema (/docs, /redoc, /openapi.json) unless API_DOCS turns them on', async () => {
      for (const docsPath of ['/docs', '/redoc', '/openapi.json', '/docs/oauth2-redirect']) {
        expect((await call(`${server.url}${docsPath}`)).status, docsPath).toBe(404);
      }
    });

    if (name === 'fastapi' && !appOwn) {
      it.sequential('API_DOCS=true serves /docs and /openapi.json', async () => {
        const withDocs = await startBackend(entry, project, (port) => backendEnv(jwks.url, port, { API_DOCS: 'true' }));
        try {
          expect((await call(`${withDocs.url}/docs`)).status).toBe(200);
          expect((await call(`${withDocs.url}/openapi.json`)).body).toMatchObject({ paths: { '/api/users/me': {} } });
        } finally {
          await withDocs.stop();
        }
      }, 30_000);
    }

    if (entry.node && !appOwn) {
      it.sequential("a route's client error (403) keeps its status; any other error is a 500 that shows nothing", async () => {
        const clientError = await rawRequest(server.url, 'GET', '/test/client-error');
        expect(clientError.status, clientError.text).toBe(403);
        expect(JSON.parse(clientError.text)).toEqual({ error: 'forbidden' });
        const crash = await rawRequest(server.url, 'GET', '/test/crash');
        expect(crash.status, crash.text).toBe(500);
        expect(JSON.parse(crash.text)).toEqual({ error: 'internal_error' });
      });
    }

    it.sequential('JWT_ALGORITHM=ES256 and RS256: tokens of that algorithm pass, EdDSA ones do not', async () => {
      for (const key of [esKey, rsKey]) {
        const own = await new JwksServer().start();
        own.keys = [key.jwk, keyA.jwk];
        const other = await startBackend(entry, project, (port) => backendEnv(own.url, port, { JWT_ALGORITHM: key.alg }));
        try {
          const answer = await getMe(other.url, `Bearer ${remember(validToken(key, own.url, { sub: `user_${key.alg}` }))}`);
          expect(answer.status, `${key.alg}: ${JSON.stringify(answer.body)}`).toBe(200);
          expect(answer.body).toMatchObject({ id: `user_${key.alg}` });
          expect401(await getMe(other.url, `Bearer ${remember(validToken(keyA, own.url))}`), 'invalid_token', `EdDSA token when ${key.alg} is configured`);
        } finally {
          await other.stop();
          await own.stop();
        }
      }
    }, 90_000);

    describe.sequential('refuses to start on bad configuration, with one line', () => {
      const cases: Array<[string, Record<string, string>, RegExp]> = [
        ['JWT_ALGORITHM=HS256', { JWT_ALGORITHM: 'HS256' }, /JWKS|asymmetric/i],
        ['JWT_ALGORITHM=none', { JWT_ALGORITHM: 'none' }, /JWT_ALGORITHM/],
        ['BETTER_AUTH_URL not a URL', { BETTER_AUTH_URL: 'localhost:3000/nope' }, /BETTER_AUTH_URL/],
        ['BETTER_AUTH_URL missing', { BETTER_AUTH_URL: '' }, /BETTER_AUTH_URL/],
        ...(appOwn ? [] : [['PORT not a number', { PORT: 'eighty' }, /PORT/] as [string, Record<string, string>, RegExp]]),
        ['JWKS_COOLDOWN_SECONDS not a number', { JWKS_COOLDOWN_SECONDS: 'soon' }, /JWKS_COOLDOWN_SECONDS/],
        ['JWKS_COOLDOWN_SECONDS zero', { JWKS_COOLDOWN_SECONDS: '0' }, /JWKS_COOLDOWN_SECONDS/],
        ...(name === 'fastapi' && !appOwn ? [['API_DOCS neither true nor false', { API_DOCS: 'maybe' }, /API_DOCS/] as [string, Record<string, string>, RegExp]] : []),
      ];
      it.each(cases)('%s', async (_label, override, pattern) => {
        const env = { ...backendEnv('http://127.0.0.1:9', await freePort()), ...override };
        const result = await runToExit(entry, project, env);
        expect(result.timedOut, 'it kept running').toBe(false);
        expect(result.exitCode).not.toBe(0);
        const lines = result.stderr.split('\n').filter((line) => line.trim() !== '');
        expect(lines, result.stderr).toHaveLength(1);
        expect(lines[0]).toMatch(pattern);
        expect(result.stderr).not.toMatch(/Traceback|\n\s+at /);
      });
    });

    if (entry.node && (target?.typecheck ?? true)) {
      it.sequential('tsc --noEmit passes in backend/', async () => {
        const result = await typecheck!;
        expect(result.exitCode, result.all).toBe(0);
      }, 120_000);
    }
  });
}

