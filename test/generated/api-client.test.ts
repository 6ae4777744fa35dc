// The generated lib/api-client.ts (fetch and axios flavours): the access token goes to the
// API's origin and nowhere else, whatever path a caller passes, and the cookie (BFF) client
// calls only this app's own /api/bff/. Next.js renderings (their API URL is a plain
// process.env read), bundled with esbuild with lib/auth-client replaced by a stub token cache
// and driven with a stubbed global fetch / axios adapter: no request leaves the process.
import { build, type Plugin } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { linkDeps } from '../helpers/deps-cache.js';
import { writeProject, type ProjectOverrides } from '../helpers/project.js';

/** The separate API server the browser calls (NEXT_PUBLIC_API_URL). */
const API_ORIGIN = 'http://api.test';
/** The app's own origin (the page's window.location). */
const APP_ORIGIN = 'http://app.test';

/** Paths a caller (or an attacker steering one) might pass instead of an API path. */
const HOSTILE_PATHS = [
  'http://evil.test/x',
  'HTTPS://evil.test/x',
  '//evil.test/x',
  '\\\\evil.test/x',
  '/\\evil.test/x',
  '\\/evil.test/x',
  '.evil.test/x',
  '@evil.test/x',
  ':8080/x',
  '\t//evil.test/x',
  '/\t/evil.test/x',
  '\r\n//evil.test/x',
  '/api/../auth/token',
  '/api/%2e%2e/auth/token',
];

/** What the issue named: a naive `${API_URL}${path}` or an absolute URL sends these to another host. */
const REFUSED = ['http://evil.test/x', '//evil.test/x', '.evil.test/x', '@evil.test/x', ':8080/x'];

interface SentRequest {
  url: URL;
  authorization: string | null;
}

interface FetchClient {
  apiFetch(path: string, init?: RequestInit): Promise<Response>;
  getJson<T>(path: string): Promise<T>;
}

interface AxiosLike {
  get(path: string): Promise<unknown>;
  getUri(config: unknown): string;
  defaults: { adapter?: unknown };
}

interface AxiosClient {
  api: AxiosLike;
  getJson<T>(path: string): Promise<T>;
}

interface Case {
  name: string;
  overrides: ProjectOverrides;
  /** Where the token may go (null: nowhere — the cookie mode never holds one). */
  tokenOrigin: string | null;
  /** Every request must stay under this URL prefix. */
  allowedPrefix: string;
}

const CASES: Case[] = [
  { name: 'fetch, separate API', overrides: { http: 'fetch', storage: 'memory', backend: 'hono' }, tokenOrigin: API_ORIGIN, allowedPrefix: `${API_ORIGIN}/` },
  { name: 'axios, separate API', overrides: { http: 'axios', storage: 'memory', backend: 'hono' }, tokenOrigin: API_ORIGIN, allowedPrefix: `${API_ORIGIN}/` },
  { name: 'fetch, API in the app', overrides: { http: 'fetch', storage: 'memory' }, tokenOrigin: APP_ORIGIN, allowedPrefix: `${APP_ORIGIN}/` },
  { name: 'axios, API in the app', overrides: { http: 'axios', storage: 'memory' }, tokenOrigin: APP_ORIGIN, allowedPrefix: `${APP_ORIGIN}/` },
  { name: 'fetch, cookie (BFF)', overrides: { http: 'fetch', storage: 'cookie' }, tokenOrigin: null, allowedPrefix: `${APP_ORIGIN}/api/bff/` },
  { name: 'axios, cookie (BFF)', overrides: { http: 'axios', storage: 'cookie' }, tokenOrigin: null, allowedPrefix: `${APP_ORIGIN}/api/bff/` },
];

/** The stub token cache the bundled client gets instead of lib/auth-client. */
const stubTokens = { getToken: async () => 'token-A', refresh: async () => 'token-B' };

/** Replaces `./auth-client` (Better Auth, React) with the stub token cache. */
const stubAuthClient: Plugin = {
  name: 'stub-auth-client',
  setup(b) {
    b.onResolve({ filter: /^\.\/auth-client$/ }, () => ({ path: 'auth-client', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: 'export const tokens = globalThis.__apiClientTestTokens;',
      loader: 'js',
    }));
  },
};

let root = '';
const clients = new Map<string, unknown>();

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cbaj-api-client-'));
  (globalThis as Record<string, unknown>).__apiClientTestTokens = stubTokens;
  // Read by the generated client (at import or per call) as the separate API's URL.
  process.env.NEXT_PUBLIC_API_URL = API_ORIGIN;
  for (const [index, c] of CASES.entries()) {
    const dir = path.join(root, `case-${index}`);
    await writeProject(dir, 'next', { providers: [], ...c.overrides });
    // axios is imported from the project's node_modules (the shared deps cache).
    if (c.overrides.http === 'axios') await linkDeps(dir);
    const out = path.join(dir, 'lib', `api-client.bundle-${index}.mjs`);
    await build({
      entryPoints: [path.join(dir, 'lib/api-client.ts')],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      external: ['axios'],
      plugins: [stubAuthClient],
      outfile: out,
      logLevel: 'silent',
    });
    clients.set(c.name, await import(pathToFileURL(out).href));
  }
}, 20 * 60_000);

afterAll(() => {
  delete process.env.NEXT_PUBLIC_API_URL;
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe.each(CASES)('generated api-client ($name)', (c) => {
  let sent: SentRequest[];

  beforeEach(() => {
    sent = [];
    vi.stubGlobal('window', {
      location: { origin: APP_ORIGIN, href: `${APP_ORIGIN}/dashboard`, pathname: '/dashboard', assign: vi.fn() },
    });
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  /** The client's two ways in: its raw request function (apiFetch / api.get) and getJson. */
  let entries: { raw: (path: string) => Promise<unknown>; getJson: (path: string) => Promise<unknown> };

  beforeEach(() => {
    const client = clients.get(c.name);
    if (c.overrides.http === 'fetch') {
      vi.stubGlobal(
        'fetch',
        vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
          const href = input instanceof Request ? input.url : String(input);
          sent.push({ url: new URL(href, `${APP_ORIGIN}/dashboard`), authorization: new Headers(init?.headers).get('authorization') });
          return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
        }),
      );
      const { apiFetch, getJson } = client as FetchClient;
      entries = { raw: (p) => apiFetch(p), getJson: (p) => getJson(p) };
    } else {
      const { api, getJson } = client as AxiosClient;
      // The adapter sees the request as axios resolved it (baseURL, allowAbsoluteUrls).
      api.defaults.adapter = async (config: { headers: { get(name: string): unknown } }) => {
        const authorization = config.headers.get('Authorization');
        sent.push({ url: new URL(api.getUri(config), `${APP_ORIGIN}/dashboard`), authorization: authorization ? String(authorization) : null });
        return { data: {}, status: 200, statusText: 'OK', headers: {}, config };
      };
      entries = { raw: (p) => api.get(p), getJson: (p) => getJson(p) };
    }
  });

  /** Sends `path` through one way in; a refusal is returned rather than thrown. */
  async function attempt(entry: keyof typeof entries, p: string): Promise<{ refused: unknown }> {
    try {
      await entries[entry](p);
      return { refused: null };
    } catch (error) {
      return { refused: error };
    }
  }

  test('getJson of an API path reaches the API (with the Bearer token unless the server holds it)', async () => {
    const { refused } = await attempt('getJson', '/api/users/me');
    expect(refused).toBeNull();
    expect(sent).toHaveLength(1);
    const [request] = sent;
    if (c.tokenOrigin) {
      expect(request?.url.href).toBe(`${c.tokenOrigin}/api/users/me`);
      expect(request?.authorization).toBe('Bearer token-A');
    } else {
      expect(request?.url.href).toBe(`${APP_ORIGIN}/api/bff/users/me`);
      expect(request?.authorization).toBeNull();
    }
  });

  test.each(HOSTILE_PATHS)('the hostile path %j never carries the token off the API, nor leaves the allowed prefix', async (p) => {
    await attempt('raw', p);
    await attempt('getJson', p);
    for (const request of sent) {
      if (request.authorization !== null) {
        expect(c.tokenOrigin, `token sent to ${request.url.href}`).not.toBeNull();
        expect(request.url.origin, `token sent to ${request.url.href}`).toBe(c.tokenOrigin);
      }
      expect(request.url.href.startsWith(c.allowedPrefix), `request to ${request.url.href}`).toBe(true);
    }
  });

  test.each(REFUSED)('%j is refused with a clear error and nothing is sent', async (p) => {
    for (const entry of ['raw', 'getJson'] as const) {
      const { refused } = await attempt(entry, p);
      expect(refused, entry).toBeInstanceOf(Error);
      expect((refused as Error).message, entry).toMatch(/refus/i);
    }
    expect(sent).toEqual([]);
  });
});
