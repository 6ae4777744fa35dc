// The backend-for-frontend's guards, checked over HTTP against a built, running cookie-mode
// app of any framework (registered with one line per E2E file): hostile paths, the app's own
// auth/BFF routes, cross-origin writes, oversized bodies, the default Cache-Control and, when a
// recording proxy (the tap) stands in front of a separate API, every header the API receives.
//
// Requests go out through node:http with the path written verbatim: fetch() would normalise
// `%2E%2E/` and backslashes before they ever reach the server. In-app APIs cannot be watched,
// so each hostile path aims at something that answers 200 when reached (the /login page,
// Better Auth's /api/auth/ok): a 404 proves it was not.
import http from 'node:http';
import { beforeAll, describe, expect, test } from 'vitest';
import { TAP_ECHO_PATH, type Tap } from './backend-fixture.js';
import { uniqueUser } from './fixture.js';

export interface BffApp {
  /** The app's origin, as its pages have it. */
  url: string;
  /** The recording proxy in front of a separate API server; absent when the API is in the app. */
  tap?: Tap;
}

/** The limit stated in lib/bff.ts (MAX_BODY_BYTES). */
const MAX_BODY_BYTES = 1024 * 1024;

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Send the body chunked, without Content-Length. */
  chunked?: boolean;
}

/** One HTTP request with `rawPath` sent exactly as written. */
function rawRequest(base: string, rawPath: string, { method = 'GET', headers = {}, body, chunked }: RawRequest = {}): Promise<RawResponse> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(body);
    const outgoing: Record<string, string> = { ...headers };
    if (payload && !chunked) outgoing['content-length'] = String(payload.length);
    const req = http.request({ host: url.hostname, port: url.port, method, path: rawPath, headers: outgoing, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${rawPath}: no answer within 30 s`)));
    // A server that answers 413 may close the connection before the whole body is written.
    req.on('error', (error) => (req.writableFinished ? undefined : reject(error)));
    if (payload && chunked) {
      for (let offset = 0; offset < payload.length; offset += 64 * 1024) req.write(payload.subarray(offset, offset + 64 * 1024));
    } else if (payload) {
      req.write(payload);
    }
    req.end();
  });
}

/** A fresh user signed up over HTTP; returns the session cookie header. Waits out a 429. */
async function signUpOverHttp(base: string): Promise<string> {
  const user = uniqueUser('bff-checks');
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(`${base}/api/auth/sign-up/email`, {
      method: 'POST',
      // Better Auth refuses cookie-bearing or state-changing calls without the app's Origin.
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify(user),
      signal: AbortSignal.timeout(30_000),
    });
    if (response.status === 429 && attempt < 5) {
      await new Promise((resolve) => setTimeout(resolve, (Number(response.headers.get('x-retry-after')) || 10) * 1000 + 500));
      continue;
    }
    expect(response.status, await response.clone().text()).toBe(200);
    const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
    expect(cookies.some((c) => c?.includes('session_token='))).toBe(true);
    return cookies.join('; ');
  }
}

function json(response: RawResponse): unknown {
  try {
    return JSON.parse(response.text);
  } catch {
    return response.text.slice(0, 200);
  }
}

/** Paths under /api/bff/ that must never be forwarded, each aimed at a target that exists. */
const TRAVERSALS = [
  '..%2F..%2Flogin',
  '..%2Fhealth',
  '%2e%2e%2F%2e%2e%2Flogin',
  '%2e%2e%2Fadmin',
  '%2E%2E/%2E%2E/login',
  '.%2e/.%2e/login',
  '%2e%2e/%2e%2e/api/auth/ok',
  '%2F%2F127.0.0.1%2Flogin',
  'users%2F%2Fme',
  '..%5C..%5Clogin',
  '%5C%5Cevil.example%5Clogin',
];

/** The app's own Better Auth and BFF routes, spelled every way a router might still accept. */
const OWN_ROUTES = [
  'auth/ok',
  'AUTH/ok',
  'Auth/ok',
  '%61uth/ok',
  '%41%55%54%48/ok',
  'auth%2Fok',
  'auth%2fok',
  'bff/users/me',
  'BFF/users/me',
  '%62ff/users/me',
  'bff%2Fusers%2Fme',
  'bff/bff/bff/users/me',
];

/**
 * The hostile-path outcome: the BFF's own 404, or (Next.js, for `//` and `\`) the framework's
 * redirect to the normalised path before the route runs. Either way nothing was forwarded.
 */
function expectNotForwarded(response: RawResponse, what: string) {
  if (response.status === 308) {
    expect(new URL(response.headers.location ?? '', 'http://app').pathname, what).toMatch(/^\/api\/bff\//);
    return;
  }
  expect([response.status, json(response)], what).toEqual([404, { error: 'not_found' }]);
  expect(response.headers['cache-control'], what).toBe('private, no-store');
}

/**
 * Registers the BFF checks for the app `target()` describes (read once its servers run).
 * `tapped`: a tap stands in front of a separate API, so what the API receives and answers can
 * be checked too (an in-app API cannot be watched; lib/bff.ts is unit-tested for those rules).
 */
export function bffChecks(target: () => BffApp, { tapped = false }: { tapped?: boolean } = {}) {
  describe('the backend-for-frontend forwards only same-origin calls to the API’s own routes', () => {
    let app: BffApp;
    let cookie = '';
    const apiCallsSince = (mark: number) => (app.tap ? app.tap.records.slice(mark).map((r) => `${r.method} ${r.path}`) : []);

    beforeAll(async () => {
      app = target();
      cookie = await signUpOverHttp(app.url);
    }, 120_000);

    test('a signed-in GET /api/bff/users/me answers 200 with the user, not cacheable', async () => {
      const response = await rawRequest(app.url, '/api/bff/users/me', { headers: { cookie, accept: 'application/json' } });
      expect(response.status, response.text).toBe(200);
      expect(json(response)).toMatchObject({ email: expect.stringMatching(/^e2e-bff-checks-/) });
      expect(response.headers['cache-control']).toMatch(/no-store/);
    });

    test('dot segments, encoded slashes, empty segments and backslashes get 404 and reach nothing', async () => {
      const mark = app.tap?.records.length ?? 0;
      for (const path of TRAVERSALS) {
        const raw = `/api/bff/${path}`;
        const response = await rawRequest(app.url, raw, { headers: { cookie } });
        // `%2E%2E/` is a dot segment to the URL standard itself, and a framework may resolve it
        // before routing: then this is a plain request for that path, which the BFF never sees,
        // answered as a direct request is. Otherwise it is the BFF's to refuse.
        const resolved = new URL(raw, app.url).pathname;
        if (!resolved.startsWith('/api/bff/') && response.status !== 404) {
          const direct = await rawRequest(app.url, resolved, { headers: { cookie } });
          expect(response.status, `GET ${raw}, answered as GET ${resolved}`).toBe(direct.status);
          continue;
        }
        expectNotForwarded(response, `GET ${raw}`);
      }
      expect(apiCallsSince(mark)).toEqual([]);
    });

    test('the app’s own auth/* and bff/* routes are not reachable through the BFF, however spelled', async () => {
      const mark = app.tap?.records.length ?? 0;
      for (const path of OWN_ROUTES) {
        for (const method of ['GET', 'POST'] as const) {
          const response = await rawRequest(app.url, `/api/bff/${path}`, {
            method,
            headers: { cookie, origin: app.url, 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
            body: method === 'POST' ? '{}' : undefined,
          });
          expectNotForwarded(response, `${method} /api/bff/${path}`);
        }
      }
      expect(apiCallsSince(mark)).toEqual([]);
    });

    test('writes from another origin (another port of the same host, another site, a no-cors page) get 403 and reach nothing', async () => {
      const mark = app.tap?.records.length ?? 0;
      const attempts: [string, Record<string, string>][] = [
        ['POST', { origin: 'http://localhost:9999' }],
        ['POST', { origin: `${new URL(app.url).protocol}//${new URL(app.url).hostname}:9999` }],
        ['POST', { origin: 'https://evil.example' }],
        ['POST', { origin: 'null' }],
        ['POST', { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' }],
        ['POST', { 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'no-cors' }],
        ['POST', {}],
        ['PUT', { origin: 'https://evil.example' }],
        ['PATCH', { origin: 'https://evil.example' }],
        ['DELETE', { origin: 'https://evil.example' }],
      ];
      for (const [method, headers] of attempts) {
        const response = await rawRequest(app.url, '/api/bff/users/me', { method, headers: { cookie, 'content-type': 'text/plain', ...headers }, body: 'note=hi' });
        expect(response.status, `${method} ${JSON.stringify(headers)}: ${response.text.slice(0, 200)}`).toBe(403);
      }
      // Refused before a token is minted: without a session the answer is still 403, not 401.
      const anonymous = await rawRequest(app.url, '/api/bff/users/me', { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: '{}' });
      expect(anonymous.status).toBe(403);
      expect(apiCallsSince(mark)).toEqual([]);
    });

    test('a same-origin write is forwarded (not refused by the origin check)', async () => {
      const mark = app.tap?.records.length ?? 0;
      const path = app.tap ? TAP_ECHO_PATH.replace('/api/', '/api/bff/') : '/api/bff/users/me';
      const response = await rawRequest(app.url, path, { method: 'POST', headers: { cookie, origin: app.url, 'content-type': 'application/json' }, body: '{"note":"hi"}' });
      expect([401, 403, 413]).not.toContain(response.status);
      if (app.tap) {
        expect(response.status, response.text).toBe(200);
        expect(json(response)).toMatchObject({ method: 'POST', body: '{"note":"hi"}' });
        expect(apiCallsSince(mark)).toEqual([`POST ${TAP_ECHO_PATH}`]);
      }
    });

    test(`a body over ${MAX_BODY_BYTES} bytes gets 413, declared or chunked, and reaches nothing`, async () => {
      const mark = app.tap?.records.length ?? 0;
      const body = Buffer.alloc(MAX_BODY_BYTES + 1, 'a');
      for (const chunked of [false, true]) {
        const response = await rawRequest(app.url, '/api/bff/users/me', { method: 'POST', headers: { cookie, origin: app.url, 'content-type': 'application/json' }, body, chunked });
        // 413 from lib/bff.ts, or from a server with a lower limit of its own (SvelteKit's
        // adapter-node: BODY_SIZE_LIMIT, 512 KiB by default) while the BFF reads the body.
        expect(response.status, `${chunked ? 'chunked' : 'with Content-Length'}: ${response.text.slice(0, 200)}`).toBe(413);
      }
      expect(apiCallsSince(mark)).toEqual([]);
    });

    if (tapped) {
      test('an API answer without Cache-Control reaches the browser as "private, no-store"', async () => {
        const response = await rawRequest(app.url, TAP_ECHO_PATH.replace('/api/', '/api/bff/'), { headers: { cookie } });
        expect(response.status).toBe(200);
        expect(app.tap?.records.at(-1)?.headers['cache-control']).toBeUndefined();
        expect(response.headers['cache-control']).toBe('private, no-store');
      });

      test('the API receives exactly the BFF’s header set: the minted Bearer token, accept, content-type; never the browser’s cookie, X-Forwarded-*, Origin or Host', async () => {
        const tap = app.tap;
        if (!tap) throw new Error('bffChecks(…, { tapped: true }) needs a tap in front of the API');
        const hostile = {
          cookie,
          authorization: 'Bearer forged-by-the-page',
          origin: app.url,
          referer: `${app.url}/dashboard`,
          'x-forwarded-for': '203.0.113.7',
          'x-forwarded-host': 'evil.example',
          'x-forwarded-proto': 'https',
          'x-real-ip': '203.0.113.7',
          forwarded: 'for=203.0.113.7;host=evil.example',
          'user-agent': 'hostile-browser',
          'accept-language': 'xx',
          accept: 'application/json',
          'content-type': 'application/json',
        };
        const mark = tap.records.length;
        const get = await rawRequest(app.url, `${TAP_ECHO_PATH.replace('/api/', '/api/bff/')}?q=1`, { headers: hostile });
        const post = await rawRequest(app.url, TAP_ECHO_PATH.replace('/api/', '/api/bff/'), { method: 'POST', headers: hostile, body: '{"a":1}' });
        expect([get.status, post.status]).toEqual([200, 200]);
        const [getSeen, postSeen] = tap.records.slice(mark);
        expect(tap.records.slice(mark).map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${TAP_ECHO_PATH}`, `POST ${TAP_ECHO_PATH}`]);

        // Chosen by the BFF (lib/bff.ts apiRequestHeaders), and added by Node's fetch itself
        // (cache-control and pragma: `no-cache`, what the fetch standard sends for cache: 'no-store').
        const FROM_FETCH = ['accept-encoding', 'accept-language', 'cache-control', 'connection', 'host', 'pragma', 'sec-fetch-mode', 'user-agent'];
        expect(Object.keys(getSeen?.received ?? {}).sort()).toEqual(['accept', 'authorization', ...FROM_FETCH].sort());
        expect(Object.keys(postSeen?.received ?? {}).sort()).toEqual(['accept', 'authorization', 'content-length', 'content-type', ...FROM_FETCH].sort());
        for (const seen of [getSeen, postSeen]) {
          const received = seen?.received ?? {};
          expect(received.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
          expect(received.accept).toBe('application/json');
          expect(received.host).toBe(new URL(tap.url).host);
          expect(received['user-agent']).not.toBe('hostile-browser');
          expect(received['accept-language']).not.toBe('xx');
          expect([received['cache-control'], received.pragma]).toEqual(['no-cache', 'no-cache']);
        }
        expect(postSeen?.received['content-type']).toBe('application/json');
        expect(postSeen?.received['content-length']).toBe('7');
      });
    }
  });
}
