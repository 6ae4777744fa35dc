// The generated lib/bff.ts (token storage "cookie"): the backend-for-frontend every framework's
// /api/bff/* route hands its calls to. Rendered by the CLI, transpiled, and driven with hostile
// paths and headers and a recording fetch, asserting exactly what would reach the API.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { generateProject } from '../helpers/generate.js';
import { importGeneratedModule } from '../helpers/load-generated.js';

interface ForwardOptions {
  apiBaseUrl: string;
  appOrigin: string;
  mintToken(): Promise<string | null | undefined>;
  fetch?: typeof fetch;
  maxBodyBytes?: number;
}
interface BffModule {
  MAX_BODY_BYTES: number;
  resolveTarget(segments: readonly string[], apiBaseUrl: string, search?: string): URL | null;
  isSameOriginOrSafe(method: string, headers: Headers, appOrigin: string): boolean;
  apiRequestHeaders(incoming: Headers, token: string, withBody: boolean): Headers;
  readBoundedBody(request: Request, limit?: number): Promise<ArrayBuffer | null>;
  browserResponse(upstream: Response): Response;
  forwardToApi(request: Request, segments: readonly string[], options: ForwardOptions): Promise<Response>;
}

const APP = 'http://127.0.0.1:3000';
const API = 'http://api.test:8000';
const TOKEN = 'minted.jwt.token';

/** Where each framework's cookie project puts its BFF route. */
const ROUTES = {
  next: 'app/api/bff/[...path]/route.ts',
  sveltekit: 'src/routes/api/bff/[...path]/+server.ts',
  nuxt: 'server/api/bff/[...path].ts',
} as const;

let root = '';
let bff: BffModule;
const projects: Partial<Record<keyof typeof ROUTES, string>> = {};

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cbaj-bff-'));
  for (const framework of Object.keys(ROUTES) as (keyof typeof ROUTES)[]) {
    const target = framework === 'next' ? {} : { framework, backend: framework };
    projects[framework] = await generateProject(path.join(root, framework), { storage: 'cookie', providers: [], ...target });
  }
  bff = await importGeneratedModule<BffModule>(path.join(projects.next ?? '', 'lib/bff.ts'), root);
}, 180_000);

afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

/** A browser's call to this app's /api/bff/<path>, carrying everything a hostile page could add. */
function browserRequest(method: string, pathAndQuery: string, headers: Record<string, string> = {}, body?: BodyInit): Request {
  return new Request(`${APP}/api/bff/${pathAndQuery}`, { method, headers, body, duplex: 'half' } as RequestInit);
}

/** A fetch that records what it was asked to send and answers `answer()`. */
function recordingFetch(answer: () => Response = () => Response.json({ ok: true })) {
  const sent: { url: string; method: string; headers: [string, string][]; body: string | undefined; redirect: string | undefined }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const body = init?.body === undefined ? undefined : new TextDecoder().decode(init.body as ArrayBuffer);
    sent.push({ url: String(input), method: init?.method ?? 'GET', headers: [...new Headers(init?.headers).entries()], body, redirect: init?.redirect });
    return answer();
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, sent, calls: fetch };
}

function options(overrides: Partial<ForwardOptions> = {}): ForwardOptions & { mintToken: ReturnType<typeof vi.fn> } {
  return { apiBaseUrl: API, appOrigin: APP, mintToken: vi.fn(async () => TOKEN), ...overrides } as never;
}

describe('every framework uses the one BFF module', () => {
  test.each(Object.keys(ROUTES) as (keyof typeof ROUTES)[])('the %s cookie project has lib/bff.ts and its /api/bff route hands calls to forwardToApi', (framework) => {
    const dir = projects[framework] ?? '';
    expect(fs.readFileSync(path.join(dir, 'lib/bff.ts'), 'utf8')).toBe(fs.readFileSync(path.join(projects.next ?? '', 'lib/bff.ts'), 'utf8'));
    const route = fs.readFileSync(path.join(dir, ROUTES[framework]), 'utf8');
    expect(route).toMatch(/import \{[^}]*\bforwardToApi\b[^}]*\} from '[^']*lib\/bff'/);
    expect(route).not.toMatch(/\bfetch\(/);
  });
});

describe('resolveTarget: which API URL a path reaches', () => {
  test.each([
    [['users', 'me'], '', `${API}/api/users/me`],
    [['users', 'me'], '?page=2&q=a%20b', `${API}/api/users/me?page=2&q=a%20b`],
    [['notes', 'a b', 'ünï'], '', `${API}/api/notes/a%20b/%C3%BCn%C3%AF`],
    [['notes', 'x?y#z'], '', `${API}/api/notes/x%3Fy%23z`],
    [['authors'], '', `${API}/api/authors`],
    [['v1', 'auth'], '', `${API}/api/v1/auth`],
  ])('%j%s → %s', (segments, search, url) => {
    expect(bff.resolveTarget(segments, API, search)?.href).toBe(url);
  });

  test('only the API base URL’s origin counts: the call always goes to <origin>/api/', () => {
    expect(bff.resolveTarget(['users', 'me'], 'http://api.test:8000/some/prefix/')?.href).toBe('http://api.test:8000/api/users/me');
  });

  test.each([
    ['no segment', []],
    ['an empty segment', ['']],
    ['a trailing empty segment', ['users', '']],
    ['a leading empty segment', ['', 'users']],
    ['"."', ['.']],
    ['".."', ['..']],
    ['".." then a path', ['..', 'health']],
    ['".." deeper in', ['users', '..', '..', 'admin']],
    ['a decoded "../health"', ['../health']],
    ['a decoded "//"', ['//']],
    ['a backslash', ['..\\health']],
    ['a lone backslash', ['\\']],
    ['"%2e%2e" left encoded', ['%2e%2e', 'admin']],
    ['"%2E%2E" left encoded', ['%2E%2E']],
    ['".%2e" left encoded', ['.%2e']],
    ['a double-encoded slash', ['a%2Fb']],
    ['a NUL byte', ['users\u0000']],
    ['a newline', ['users\nme']],
    ['a tab', ['\tusers']],
    ['a lone surrogate', ['\ud800']],
    ['the app’s auth routes', ['auth', 'sign-in', 'email']],
    ['the app’s auth routes, upper case', ['AUTH', 'ok']],
    ['the app’s auth routes, mixed case', ['Auth']],
    ['the BFF itself', ['bff', 'users', 'me']],
    ['the BFF itself, mixed case', ['BfF', 'bff', 'users', 'me']],
    ['"%61uth" left encoded', ['%61uth', 'ok']],
  ])('refuses %s', (_label, segments) => {
    expect(bff.resolveTarget(segments, API)).toBeNull();
  });
});

describe('isSameOriginOrSafe: the CSRF rule', () => {
  test.each([
    ['GET from anywhere', 'GET', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, true],
    ['HEAD without headers', 'HEAD', {}, true],
    ['POST from the app’s origin', 'POST', { origin: APP }, true],
    ['DELETE from the app’s origin', 'DELETE', { origin: APP }, true],
    ['POST without Origin, Sec-Fetch-Site: same-origin', 'POST', { 'sec-fetch-site': 'same-origin' }, true],
    ['POST from another port of the same host', 'POST', { origin: 'http://127.0.0.1:9999' }, false],
    ['POST from localhost (same site, other origin)', 'POST', { origin: 'http://localhost:3000' }, false],
    ['POST from another site', 'POST', { origin: 'https://evil.example' }, false],
    ['POST from an origin that extends the app’s', 'POST', { origin: `${APP}.evil.example` }, false],
    ['POST with Origin: null', 'POST', { origin: 'null' }, false],
    ['POST with a foreign Origin and Sec-Fetch-Site: same-origin', 'POST', { origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' }, false],
    ['POST without Origin, Sec-Fetch-Site: cross-site', 'POST', { 'sec-fetch-site': 'cross-site' }, false],
    ['POST without Origin, Sec-Fetch-Site: same-site', 'POST', { 'sec-fetch-site': 'same-site' }, false],
    ['POST without Origin nor Sec-Fetch-Site', 'POST', {}, false],
    ['PUT from another site', 'PUT', { origin: 'https://evil.example' }, false],
    ['PATCH from another site', 'PATCH', { origin: 'https://evil.example' }, false],
    ['DELETE from another site', 'DELETE', { origin: 'https://evil.example' }, false],
  ])('%s → %s', (_label, method, headers, allowed) => {
    expect(bff.isSameOriginOrSafe(method, new Headers(headers), APP)).toBe(allowed);
  });
});

describe('apiRequestHeaders: the exact header set the API receives', () => {
  const hostile = {
    cookie: 'better-auth.session_token=secret',
    authorization: 'Bearer forged-by-the-page',
    host: 'evil.example',
    origin: APP,
    referer: `${APP}/dashboard`,
    'x-forwarded-for': '6.6.6.6',
    'x-forwarded-host': 'evil.example',
    'x-forwarded-proto': 'https',
    'x-real-ip': '6.6.6.6',
    forwarded: 'for=6.6.6.6',
    'user-agent': 'hostile',
    accept: 'application/json',
    'content-type': 'application/json',
  };

  test('with a body: authorization (the minted token), accept and content-type, nothing else', () => {
    expect([...bff.apiRequestHeaders(new Headers(hostile), TOKEN, true).entries()]).toEqual([
      ['accept', 'application/json'],
      ['authorization', `Bearer ${TOKEN}`],
      ['content-type', 'application/json'],
    ]);
  });

  test('without a body: no content-type; without accept: only authorization', () => {
    expect([...bff.apiRequestHeaders(new Headers(hostile), TOKEN, false).entries()]).toEqual([
      ['accept', 'application/json'],
      ['authorization', `Bearer ${TOKEN}`],
    ]);
    expect([...bff.apiRequestHeaders(new Headers({ cookie: 'a=b' }), TOKEN, true).entries()]).toEqual([['authorization', `Bearer ${TOKEN}`]]);
  });
});

describe('readBoundedBody', () => {
  const post = (body: BodyInit, headers: Record<string, string> = {}) => new Request(`${APP}/api/bff/notes`, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

  /** A chunked body (no Content-Length) of `chunks` × `size` bytes that counts how much was pulled. */
  function streamed(chunks: number, size: number) {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled === chunks) return controller.close();
        pulled++;
        controller.enqueue(new Uint8Array(size).fill(97));
      },
    });
    return { stream, pulled: () => pulled };
  }

  test('states its limit: 1 MiB', () => {
    expect(bff.MAX_BODY_BYTES).toBe(1024 * 1024);
  });

  test('a body of exactly the limit is read whole', async () => {
    const body = await bff.readBoundedBody(post(new Uint8Array(1000).fill(1)), 1000);
    expect(body?.byteLength).toBe(1000);
  });

  test('one byte over the limit is refused', async () => {
    expect(await bff.readBoundedBody(post(new Uint8Array(1001)), 1000)).toBeNull();
  });

  test('a declared Content-Length over the limit is refused without reading', async () => {
    const body = streamed(100, 100);
    expect(await bff.readBoundedBody(post(body.stream, { 'content-length': '999999999' }), 1000)).toBeNull();
    expect(body.pulled()).toBeLessThanOrEqual(1);
  });

  test('a small declared Content-Length is not trusted: reading stops once the limit is passed', async () => {
    const body = streamed(100, 100);
    expect(await bff.readBoundedBody(post(body.stream, { 'content-length': '10' }), 1000)).toBeNull();
    expect(body.pulled()).toBeLessThan(20);
  });

  test('a chunked body over the limit is refused after reading just past the limit', async () => {
    const body = streamed(100, 100);
    expect(await bff.readBoundedBody(post(body.stream), 1000)).toBeNull();
    expect(body.pulled()).toBeLessThan(20);
  });
});

describe('forwardToApi: what is sent, what is refused', () => {
  const hostileHeaders = {
    cookie: 'better-auth.session_token=secret; other=1',
    authorization: 'Bearer forged-by-the-page',
    'x-forwarded-for': '6.6.6.6',
    'x-forwarded-host': 'evil.example',
    forwarded: 'for=6.6.6.6;host=evil.example',
    'x-real-ip': '6.6.6.6',
    referer: `${APP}/dashboard`,
    accept: 'application/json',
  };

  test('a GET is sent to the API URL with the query, the minted token and accept only, without following redirects', async () => {
    const api = recordingFetch();
    const opts = options({ fetch: api.fetch });
    const response = await bff.forwardToApi(browserRequest('GET', 'users/me?x=1', hostileHeaders), ['users', 'me'], opts);
    expect(response.status).toBe(200);
    expect(api.sent).toEqual([
      { url: `${API}/api/users/me?x=1`, method: 'GET', headers: [['accept', 'application/json'], ['authorization', `Bearer ${TOKEN}`]], body: undefined, redirect: 'manual' },
    ]);
    expect(opts.mintToken).toHaveBeenCalledTimes(1);
  });

  test('a same-origin POST is sent with its body and content-type', async () => {
    const api = recordingFetch();
    const request = browserRequest('POST', 'notes', { ...hostileHeaders, origin: APP, 'content-type': 'application/json' }, '{"text":"hi"}');
    const response = await bff.forwardToApi(request, ['notes'], options({ fetch: api.fetch }));
    expect(response.status).toBe(200);
    expect(api.sent).toEqual([
      {
        url: `${API}/api/notes`,
        method: 'POST',
        headers: [['accept', 'application/json'], ['authorization', `Bearer ${TOKEN}`], ['content-type', 'application/json']],
        body: '{"text":"hi"}',
        redirect: 'manual',
      },
    ]);
  });

  test.each([
    ['a cross-origin POST', 'POST', { origin: 'http://localhost:9999', 'content-type': 'text/plain' }, ['notes'], 403, 'cross_origin_write'],
    ['a no-cors POST from another site', 'POST', { 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' }, ['notes'], 403, 'cross_origin_write'],
    ['a DELETE from another site', 'DELETE', { origin: 'https://evil.example' }, ['notes', '1'], 403, 'cross_origin_write'],
    ['a traversal', 'GET', {}, ['..', 'health'], 404, 'not_found'],
    ['a same-origin POST to the app’s auth routes', 'POST', { origin: APP }, ['auth', 'sign-in', 'email'], 404, 'not_found'],
    ['a call to the BFF itself', 'GET', {}, ['bff', 'bff', 'users', 'me'], 404, 'not_found'],
  ])('%s is refused before a token is minted or the API contacted', async (_label, method, headers, segments, status, error) => {
    const api = recordingFetch();
    const opts = options({ fetch: api.fetch });
    const response = await bff.forwardToApi(browserRequest(method, segments.join('/'), headers, method === 'GET' ? undefined : 'x'), segments, opts);
    expect(response.status).toBe(status);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(await response.json()).toEqual({ error });
    expect(opts.mintToken).not.toHaveBeenCalled();
    expect(api.calls).not.toHaveBeenCalled();
  });

  test('a body over the limit gets 413 before a token is minted or the API contacted', async () => {
    const api = recordingFetch();
    const opts = options({ fetch: api.fetch, maxBodyBytes: 10 });
    const response = await bff.forwardToApi(browserRequest('POST', 'notes', { origin: APP }, 'x'.repeat(11)), ['notes'], opts);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: 'body_too_large' });
    expect(opts.mintToken).not.toHaveBeenCalled();
    expect(api.calls).not.toHaveBeenCalled();
  });

  test('without a session (minting throws) the answer is 401 and the API is not contacted', async () => {
    const api = recordingFetch();
    const response = await bff.forwardToApi(browserRequest('GET', 'users/me'), ['users', 'me'], options({ fetch: api.fetch, mintToken: vi.fn(async () => { throw new Error('no session'); }) }));
    expect(response.status).toBe(401);
    expect(api.calls).not.toHaveBeenCalled();
  });

  test('an unreachable API gives 502', async () => {
    const failing = vi.fn(async () => { throw new TypeError('fetch failed'); }) as unknown as typeof fetch;
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await bff.forwardToApi(browserRequest('GET', 'users/me'), ['users', 'me'], options({ fetch: failing }));
    expect(response.status).toBe(502);
    vi.mocked(console.error).mockRestore();
  });

  test('an answer without Cache-Control gets "private, no-store"; the API’s own Cache-Control is kept; other headers stay on the server', async () => {
    const plain = recordingFetch(() => new Response('{"a":1}', { headers: { 'content-type': 'application/json', 'set-cookie': 'x=1', 'x-powered-by': 'api' } }));
    const first = await bff.forwardToApi(browserRequest('GET', 'a'), ['a'], options({ fetch: plain.fetch }));
    expect([...first.headers.entries()]).toEqual([['cache-control', 'private, no-store'], ['content-type', 'application/json']]);
    expect(await first.text()).toBe('{"a":1}');

    const cached = recordingFetch(() => new Response('x', { headers: { 'cache-control': 'public, max-age=60', 'www-authenticate': 'Bearer' } }));
    const second = await bff.forwardToApi(browserRequest('GET', 'a'), ['a'], options({ fetch: cached.fetch }));
    expect(second.headers.get('cache-control')).toBe('public, max-age=60');
    expect(second.headers.get('www-authenticate')).toBe('Bearer');
  });

  test('a 204 from the API reaches the browser as a 204', async () => {
    const api = recordingFetch(() => new Response(null, { status: 204 }));
    const response = await bff.forwardToApi(browserRequest('DELETE', 'notes/1', { origin: APP }), ['notes', '1'], options({ fetch: api.fetch }));
    expect(response.status).toBe(204);
  });
});
