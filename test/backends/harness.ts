// The backend battery's machinery: which backends exist and how to start them, a JWKS server
// the tests control (it counts requests, rotates keys, goes down), and tokens minted with our
// own keys through node:crypto — deliberately not jose, which the Node backends verify with.
//
// Adding a backend = one entry in BACKENDS (and a three-line test file calling runBattery).
import { execa } from 'execa';
import { spawnSync } from 'node:child_process';
import { createHmac, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { linkDeps } from '../helpers/deps-cache.js';
import { BIN, cliArgs } from '../helpers/generate.js';
import { requirePrerequisite } from '../helpers/prerequisites.js';
import { cleanEnv, freePort, startOnFreePort, startProcessServer, type RunningServer } from '../helpers/server.js';

export type BackendName = 'express' | 'hono' | 'fastify' | 'fastapi';

/** Debian's interpreter: it has python3-fastapi, python3-jwt and uvicorn (the first `python3` on PATH may not). */
export const SYSTEM_PYTHON = '/usr/bin/python3';

export interface BackendEntry {
  name: BackendName;
  node: boolean;
  /** Why this backend cannot run here, or undefined. */
  skipReason(): string | undefined;
  /** After generating: link dependencies etc. */
  prepare(projectDir: string): Promise<void>;
  /** The command that starts the server in backend/ on `port` (config from the environment). */
  command(backendDir: string, port: number): { file: string; args: string[] };
}

/** JWKS_COOLDOWN_SECONDS for every backend under test: short, so the steps that wait for a cooldown run for all of them. */
export const TEST_COOLDOWN_SECONDS = 2;

function nodeEntry(name: 'express' | 'hono' | 'fastify'): BackendEntry {
  return {
    name,
    node: true,
    skipReason: () => undefined,
    prepare: (projectDir) => linkDeps(path.join(projectDir, 'backend')),
    // What `npm start` runs (`tsx src/server.ts`), without npm's own lines on stderr.
    command: (backendDir) => ({ file: process.execPath, args: [path.join(backendDir, 'node_modules/tsx/dist/cli.mjs'), 'src/server.ts'] }),
  };
}

let pythonProbe: string | undefined | null = null;

export const BACKENDS: readonly BackendEntry[] = [
  nodeEntry('express'),
  nodeEntry('hono'),
  nodeEntry('fastify'),
  {
    name: 'fastapi',
    node: false,
    // A missing template is not a reason to skip: generating the project fails, loudly.
    skipReason() {
      if (pythonProbe === null) {
        const probe = spawnSync(SYSTEM_PYTHON, ['-c', 'import fastapi, jwt, uvicorn, cryptography'], { encoding: 'utf8', timeout: 30_000 });
        pythonProbe = requirePrerequisite({
          suite: 'fastapi backend (battery, e2e stack)',
          needs: `Debian's ${SYSTEM_PYTHON} with FastAPI, PyJWT, uvicorn and cryptography`,
          missing: probe.status === 0 ? undefined : (probe.stderr || probe.error?.message || '').trim().split('\n').pop() || `exit ${probe.status}`,
          install: 'apt-get install python3-fastapi python3-jwt python3-cryptography uvicorn',
        });
      }
      return pythonProbe;
    },
    prepare: async () => {},
    command: (_backendDir, port) => ({ file: SYSTEM_PYTHON, args: ['-m', 'uvicorn', 'main:app', '--host', '127.0.0.1', '--port', String(port)] }),
  },
];

export function backend(name: BackendName): BackendEntry {
  const entry = BACKENDS.find((b) => b.name === name);
  if (!entry) throw new Error(`unknown backend ${name}`);
  return entry;
}

/**
 * Generates a project with the real CLI and `--backend <name>`; returns its directory.
 * BACKEND_TEST_CLI points at another build of the CLI (also read by scripts/bench/backends.mjs).
 */
export async function generateBackendProject(entry: BackendEntry): Promise<string> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `cbaj-${entry.name}-`));
  const dir = path.join(root, 'app');
  const result = await execa(process.execPath, [process.env.BACKEND_TEST_CLI ?? BIN, ...cliArgs(dir, { providers: [] }), '--backend', entry.name], {
    reject: false,
    all: true,
    timeout: 60_000,
    env: { CI: '1', NO_COLOR: '1' },
    stdin: 'ignore',
  });
  if (result.exitCode !== 0 || !fs.existsSync(path.join(dir, 'backend'))) {
    throw new Error(`Generating a project with --backend ${entry.name} failed (exit ${result.exitCode}):\n${result.all}`);
  }
  await entry.prepare(dir);
  return dir;
}

/** The marker in the test routes' error messages: it must never reach a response body. */
export const ERROR_MARKER = 'marker7-do-not-echo';

/** Test-only routes for a Node backend: one throws the framework's own 403, one a plain Error. */
const THROWING_ROUTES: Record<'express' | 'hono' | 'fastify', string> = {
  express: `app.get('/test/client-error', () => { throw Object.assign(new Error('${ERROR_MARKER}'), { status: 403 }); });
app.get('/test/crash', () => { throw new Error('${ERROR_MARKER}'); });
`,
  fastify: `app.get('/test/client-error', async () => { throw Object.assign(new Error('${ERROR_MARKER}'), { statusCode: 403 }); });
app.get('/test/crash', async () => { throw new Error('${ERROR_MARKER}'); });
`,
  hono: `const { HTTPException } = await import('hono/http-exception');
app.get('/test/client-error', () => { throw new HTTPException(403, { message: '${ERROR_MARKER}' }); });
app.get('/test/crash', () => { throw new Error('${ERROR_MARKER}'); });
`,
};

/** Adds THROWING_ROUTES to a generated Node backend's server.ts, next to its protected route. */
export function addThrowingRoutes(backendDir: string, name: BackendName) {
  if (name === 'fastapi') return;
  const file = path.join(backendDir, 'src/server.ts');
  const source = fs.readFileSync(file, 'utf8');
  const anchor = '// Protect any route the same way';
  if (!source.includes(anchor)) throw new Error(`${file} has no "${anchor}" comment to add the test routes before`);
  fs.writeFileSync(file, source.replace(anchor, `${THROWING_ROUTES[name]}${anchor}`));
}

/** A raw HTTP request (node:http), so malformed paths go out exactly as written. */
export function rawRequest(base: string, method: string, requestPath: string, body?: string, headers: Record<string, string> = {}): Promise<{ status: number; contentType: string; text: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method, path: requestPath, headers, timeout: 10_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text }));
    });
    req.on('timeout', () => req.destroy(new Error(`timeout: ${method} ${requestPath}`)));
    req.on('error', reject);
    req.end(body);
  });
}

export function removeProject(dir: string | undefined) {
  if (dir) fs.rmSync(path.dirname(dir), { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// Processes

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A started backend: see startProcessServer in test/helpers/server.ts. */
export type BackendProcess = RunningServer;

/** The backend's configuration for a test: everything explicit, so backend/.env fills nothing. */
export function backendEnv(authUrl: string, port: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    BETTER_AUTH_URL: authUrl,
    JWT_ISSUER: '',
    JWT_AUDIENCE: '',
    JWT_ALGORITHM: 'EdDSA',
    CORS_ORIGIN: FRONTEND_ORIGIN,
    PORT: String(port),
    HOST: '127.0.0.1',
    JWKS_COOLDOWN_SECONDS: String(TEST_COOLDOWN_SECONDS),
    PYTHONDONTWRITEBYTECODE: '1',
    ...extra,
  };
}

export const FRONTEND_ORIGIN = 'http://localhost:3000';

/** Starts the backend in its own process group and waits (bounded) until /health answers. */
export async function startBackend(entry: BackendEntry, projectDir: string, env: (port: number) => Record<string, string>, timeoutMs = 30_000): Promise<BackendProcess> {
  const backendDir = path.join(projectDir, 'backend');
  return startOnFreePort((port) => {
    const { file, args } = entry.command(backendDir, port);
    return startProcessServer({
      name: entry.name,
      command: file,
      args,
      cwd: backendDir,
      env: cleanEnv(env(port)),
      url: `http://127.0.0.1:${port}`,
      ready: async (url) => (await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) })).status === 200,
      timeoutMs,
    });
  });
}

/** Runs the backend expecting it to refuse to start; bounded. */
export async function runToExit(entry: BackendEntry, projectDir: string, env: Record<string, string>, timeoutMs = 20_000) {
  const backendDir = path.join(projectDir, 'backend');
  const port = Number(env.PORT) || (await freePort());
  const { file, args } = entry.command(backendDir, port);
  const result = await execa(file, args, { cwd: backendDir, env: cleanEnv(env), extendEnv: false, reject: false, timeout: timeoutMs, stdin: 'ignore' });
  return { exitCode: result.exitCode, timedOut: result.timedOut, stdout: String(result.stdout), stderr: String(result.stderr) };
}

// ---------------------------------------------------------------------------------------------
// Keys and tokens

export interface TestKey {
  kid: string;
  alg: 'EdDSA' | 'ES256' | 'RS256';
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The public JWK as Better Auth publishes it. */
  jwk: Record<string, unknown>;
}

export function makeKey(alg: TestKey['alg'], kid: string): TestKey {
  const pair =
    alg === 'EdDSA'
      ? generateKeyPairSync('ed25519')
      : alg === 'ES256'
        ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
        : generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...(pair.publicKey.export({ format: 'jwk' }) as Record<string, unknown>), kid, alg };
  return { kid, alg, privateKey: pair.privateKey, publicKey: pair.publicKey, jwk };
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export type Signer = { key: TestKey } | { none: true } | { hmac: Buffer | string };

/** A compact JWS over `header` and `payload`, signed as `signer` says (whatever the header claims). */
export function mint(header: Record<string, unknown>, payload: unknown, signer: Signer): string {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${signature(input, signer)}`;
}

export function signature(input: string, signer: Signer): string {
  if ('none' in signer) return '';
  if ('hmac' in signer) return b64url(createHmac('sha256', signer.hmac).update(input).digest());
  const { key } = signer;
  const data = Buffer.from(input);
  if (key.alg === 'EdDSA') return b64url(sign(null, data, key.privateKey));
  if (key.alg === 'ES256') return b64url(sign('sha256', data, { key: key.privateKey, dsaEncoding: 'ieee-p1363' }));
  return b64url(sign('sha256', data, key.privateKey));
}

/** The claims Better Auth puts in its tokens, valid for ten minutes. */
export function claims(origin: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  const base: Record<string, unknown> = {
    iat: now,
    email: 'ada@example.com',
    name: 'Ada Lovelace',
    sub: 'user_Ada123',
    exp: now + 600,
    iss: origin,
    aud: origin,
  };
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete base[k];
    else base[k] = v;
  }
  return base;
}

export function validToken(key: TestKey, origin: string, overrides: Record<string, unknown> = {}): string {
  return mint({ alg: key.alg, kid: key.kid }, claims(origin, overrides), { key });
}

export const randomKid = () => randomUUID();

// ---------------------------------------------------------------------------------------------
// The JWKS server

export class JwksServer {
  /** JWKS requests answered or refused, with their arrival times. */
  readonly requests: number[] = [];
  /** down: the connection is dropped; error: HTTP 500. */
  mode: 'up' | 'down' | 'error' = 'up';
  keys: Record<string, unknown>[] = [];
  private server?: http.Server;
  url = '';

  get count() {
    return this.requests.length;
  }

  get lastRequestAt() {
    return this.requests.at(-1) ?? 0;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      if (req.url !== '/api/auth/jwks') {
        res.writeHead(404).end();
        return;
      }
      this.requests.push(Date.now());
      if (this.mode === 'down') {
        req.socket.destroy();
        return;
      }
      if (this.mode === 'error') {
        res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: this.keys }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop() {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server!.close(resolve));
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

/** A pooled keep-alive connection the server closed just as it was reused (uvicorn drops idle ones after 5 s). */
const isStaleConnection = (error: unknown) => (error as { cause?: { code?: string } }).cause?.code === 'UND_ERR_SOCKET';

export async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  const send = () => fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  // Every request here is idempotent (GET, OPTIONS), so one retry on a fresh connection is safe.
  const response = await send().catch((error: unknown) => (isStaleConnection(error) ? send() : Promise.reject(error)));
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the test will say so
  }
  return { status: response.status, headers: response.headers, body };
}

export function getMe(base: string, authorization?: string, query = ''): Promise<Answer> {
  return call(`${base}/api/users/me${query}`, { headers: authorization === undefined ? {} : { Authorization: authorization } });
}
