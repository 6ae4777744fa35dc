// Test harness for the generated FastAPI backend: a JWKS server we control, tokens minted with
// node:crypto (no JOSE library, so malformed and hostile tokens are as easy as valid ones), the
// generated server started with Debian's /usr/bin/python3 in its own process group, and raw HTTP.
import { spawnSync } from 'node:child_process';
import crypto, { type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort, startOnFreePort, startProcessServer } from '../helpers/server.js';

export { freePort };

export const PYTHON = '/usr/bin/python3';

/** Why the FastAPI tests cannot run here, or undefined when they can. */
export function pythonUnavailable(): string | undefined {
  const probe = spawnSync(PYTHON, ['-c', 'import fastapi, jwt, uvicorn, cryptography'], { encoding: 'utf8', timeout: 20_000 });
  if (probe.status === 0) return undefined;
  return (
    `${PYTHON} cannot import fastapi, jwt, uvicorn and cryptography ` +
    `(apt-get install -y python3-fastapi python3-jwt python3-cryptography uvicorn): ${(probe.stderr || probe.error?.message || '').trim().split('\n').pop()}`
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Keys and tokens

export type Alg = 'EdDSA' | 'ES256' | 'RS256';

export interface TestKey {
  alg: Alg;
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The public JWK as Better Auth publishes it. */
  jwk: Record<string, unknown>;
}

export function makeKey(alg: Alg, kid: string = crypto.randomUUID()): TestKey {
  const { privateKey, publicKey } =
    alg === 'EdDSA'
      ? crypto.generateKeyPairSync('ed25519')
      : alg === 'ES256'
        ? crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' })
        : crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...(publicKey.export({ format: 'jwk' }) as Record<string, unknown>), kid, alg };
  return { alg, kid, privateKey, publicKey, jwk };
}

export const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

export function signingInput(header: object, payload: object): string {
  return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
}

export function signature(alg: string, key: KeyObject | string, input: string): string {
  const data = Buffer.from(input);
  if (alg === 'EdDSA') return b64url(crypto.sign(null, data, key as KeyObject));
  if (alg === 'ES256') return b64url(crypto.sign('sha256', data, { key: key as KeyObject, dsaEncoding: 'ieee-p1363' }));
  if (alg === 'RS256') return b64url(crypto.sign('sha256', data, key as KeyObject));
  if (alg === 'HS256') return b64url(crypto.createHmac('sha256', key as string).update(data).digest());
  throw new Error(`no signer for ${alg}`);
}

export interface MintOptions {
  alg?: string;
  /** Header overrides (undefined deletes). */
  header?: Record<string, unknown>;
  /** Claim overrides (undefined deletes). */
  claims?: Record<string, unknown>;
  /** Sign with this key instead of `key`'s own private key (HS256: the secret). */
  signWith?: KeyObject | string;
}

export const now = () => Math.floor(Date.now() / 1000);

function withOverrides(base: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

/** A Better Auth–shaped token: header {alg, kid}, payload {iat, email, name, sub, exp, iss, aud}. */
export function mint(key: TestKey, issuer: string, options: MintOptions = {}): string {
  const alg = options.alg ?? key.alg;
  const header = withOverrides({ alg, kid: key.kid }, options.header);
  const t = now();
  const payload = withOverrides(
    { iat: t, email: 'ada@example.com', name: 'Ada Lovelace', sub: 'user_123', exp: t + 900, iss: issuer, aud: issuer },
    options.claims,
  );
  const input = signingInput(header, payload);
  return `${input}.${signature(alg, options.signWith ?? key.privateKey, input)}`;
}

// ---------------------------------------------------------------------------------------------
// A JWKS server: one key set per path prefix, with a request counter and an outage switch.

export interface JwksEndpoint {
  keys: Record<string, unknown>[];
  mode: 'up' | 'error';
  fetches: number;
}

export interface JwksServer {
  origin: string;
  /** BETTER_AUTH_URL for a backend that reads `/<name>/api/auth/jwks`. */
  authUrl(name: string): string;
  endpoint(name: string): JwksEndpoint;
  close(): Promise<void>;
}

export async function startJwksServer(): Promise<JwksServer> {
  const endpoints = new Map<string, JwksEndpoint>();
  const endpoint = (name: string) => {
    let e = endpoints.get(name);
    if (!e) endpoints.set(name, (e = { keys: [], mode: 'up', fetches: 0 }));
    return e;
  };
  const server = http.createServer((req, res) => {
    const match = /^\/([\w-]+)\/api\/auth\/jwks$/.exec(req.url ?? '');
    if (!match || req.method !== 'GET') {
      res.writeHead(404).end();
      return;
    }
    const e = endpoint(match[1] as string);
    e.fetches++;
    if (e.mode === 'error') {
      res.writeHead(500, { 'content-type': 'text/plain' }).end('down');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: e.keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    authUrl: (name) => `${origin}/${name}`,
    endpoint,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// The backend process

/** The runner's environment minus anything that would change how the backend behaves. */
export function backendEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(BETTER_AUTH_|JWT_|CORS_ORIGIN$|PORT$|HOST$|PYTHON)/.test(k) || /_proxy$/i.test(k)) continue;
    if (k.startsWith('VITEST') || k.startsWith('npm_')) continue;
    env[k] = v;
  }
  return { ...env, PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1', ...extra };
}

export interface Backend {
  url: string;
  logs(): string;
  /** Output written after character `since` once it matches `pattern` (logs trail the response), or throws. */
  logAfter(since: number, pattern: RegExp, timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** `uvicorn` (default): python3 -m uvicorn main:app --port N; `main`: python3 main.py with PORT=N. */
  via?: 'uvicorn' | 'main';
  timeoutMs?: number;
}

export async function startBackend(dir: string, env: Record<string, string>, options: StartOptions = {}): Promise<Backend> {
  const server = await startOnFreePort((port) =>
    startProcessServer({
      name: 'the backend',
      command: PYTHON,
      args: options.via === 'main' ? ['main.py'] : ['-m', 'uvicorn', 'main:app', '--host', '127.0.0.1', '--port', String(port)],
      cwd: dir,
      env: backendEnv(options.via === 'main' ? { ...env, PORT: String(port) } : env),
      url: `http://127.0.0.1:${port}`,
      ready: async (url) => (await request(url, '/health')).status === 200,
      timeoutMs: options.timeoutMs ?? 20_000,
    }),
  );
  return {
    ...server,
    async logAfter(since, pattern, timeoutMs = 3_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const fresh = server.logs().slice(since);
        if (pattern.test(fresh)) return fresh;
        if (Date.now() > deadline) throw new Error(`no log line matching ${pattern} within ${timeoutMs} ms; new output:\n${fresh}`);
        await sleep(20);
      }
    },
  };
}

/** Runs the backend expecting it to refuse to start; resolves with its exit code and output. */
export function runToExit(dir: string, env: Record<string, string>, timeoutMs = 15_000) {
  const r = spawnSync(PYTHON, ['-m', 'uvicorn', 'main:app', '--host', '127.0.0.1', '--port', '1'], {
    cwd: dir,
    env: backendEnv(env),
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

// ---------------------------------------------------------------------------------------------
// Raw HTTP (node:http, so Origin and repeated headers go out exactly as written)

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json(): any;
}

export function request(
  base: string,
  path: string,
  { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string | string[]> } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(path, base), { method, headers, timeout: 10_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) }));
    });
    req.on('timeout', () => req.destroy(new Error(`timeout: ${method} ${path}`)));
    req.on('error', reject);
    req.end();
  });
}

export function bearer(base: string, token: string, path = '/api/users/me') {
  return request(base, path, { headers: { Authorization: `Bearer ${token}` } });
}
