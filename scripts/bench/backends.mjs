// Benchmark of the generated API servers, so that verifying a JWT on every request stays cheap
// next to an unprotected route and the JWKS is not refetched: for each backend, a bounded keep-alive load
// on 127.0.0.1 against `/health` (no auth) and `/api/users/me` (a valid Bearer JWT, verified
// against the JWKS) on the same server, in the same run, alternating phases so machine drift
// hits both alike. Budget (Node backends): the protected route keeps ≥ 60% of the unprotected
// throughput, and the JWKS is fetched exactly once for the whole run (counted by our own JWKS
// server). FastAPI is reported with the same shape; its throughput ratio is not budgeted.
//
//   node scripts/bench/backends.mjs            prints a table
//   import { run } from './backends.mjs'       returns rows { name, value, unit, budget, ok, baseline, ratio }
//
//   BENCH_BACKENDS=express,hono      only these
//   BENCH_PHASE_MS=2500              length of one measured phase (2 phases per route)
//   BENCH_CONNECTIONS=10             concurrent keep-alive connections
import { spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = process.env.BACKEND_TEST_CLI ?? path.join(ROOT, 'bin/create-better-auth-jwt.js');
const PYTHON = '/usr/bin/python3';
const PHASE_MS = Number(process.env.BENCH_PHASE_MS ?? 2_500);
const WARMUP_MS = 1_000;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const MIN_RATIO = 0.6;
/** Distinct tokens for the "new token every request" phase (minted before it, ~60 µs each). */
const FRESH_TOKENS = Number(process.env.BENCH_FRESH_TOKENS ?? 30_000);
const ALL = ['express', 'hono', 'fastify', 'fastapi'];
const NODE_PACKAGES = ['express', 'cors', 'hono', '@hono/node-server', 'fastify', '@fastify/cors', 'jose', 'tsx'];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// --- keys, token, JWKS server -----------------------------------------------------------------

/** A key, its JWKS, and `mint(i)`: a distinct valid Better Auth-shaped token for each i. */
function keyAndJwks(origin) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const kid = 'bench-key';
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'EdDSA' };
  const now = Math.floor(Date.now() / 1000);
  const b64 = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const mint = (i) => {
    const input = `${b64({ alg: 'EdDSA', kid })}.${b64({ iat: now, email: `user${i}@example.com`, name: `User ${i}`, sub: `user_${i}`, exp: now + 3600, iss: origin, aud: origin })}`;
    return `${input}.${sign(null, Buffer.from(input), privateKey).toString('base64url')}`;
  };
  return { mint, jwks: { keys: [jwk] } };
}

async function startJwksServer() {
  const state = { count: 0, body: '{"keys":[]}' };
  const server = http.createServer((req, res) => {
    if (req.url !== '/api/auth/jwks') return void res.writeHead(404).end();
    state.count++;
    res.writeHead(200, { 'content-type': 'application/json' }).end(state.body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${server.address().port}`;
  state.close = () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve)));
  return state;
}

// --- projects ---------------------------------------------------------------------------------

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The test suite's shared install of every pinned package, if one is complete. */
function cachedNodeModules() {
  const deps = path.join(ROOT, 'test/.cache/deps');
  if (!fs.existsSync(deps)) return undefined;
  for (const entry of fs.readdirSync(deps)) {
    const modules = path.join(deps, entry, 'node_modules');
    if (fs.existsSync(path.join(deps, entry, '.complete')) && NODE_PACKAGES.every((p) => fs.existsSync(path.join(modules, p, 'package.json')))) return modules;
  }
  return undefined;
}

function generate(backend, root) {
  const dir = path.join(root, backend);
  const result = spawnSync(process.execPath, [BIN, dir, '--yes', '--no-install', '--no-git', '--providers', 'none', '--backend', backend], {
    env: { ...process.env, CI: '1', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 60_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) throw new Error(`generating --backend ${backend} failed: ${(result.stderr || result.stdout || String(result.error)).trim()}`);
  const backendDir = path.join(dir, 'backend');
  if (backend !== 'fastapi') {
    const modules = cachedNodeModules();
    if (modules) fs.symlinkSync(modules, path.join(backendDir, 'node_modules'), 'dir');
    else {
      const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: backendDir, encoding: 'utf8', timeout: 10 * 60_000 });
      if (install.status !== 0) throw new Error(`npm install in ${backendDir} failed: ${install.stderr}`);
    }
  }
  return backendDir;
}

function skipReason(backend) {
  if (backend !== 'fastapi') return undefined;
  if (!fs.existsSync(path.join(ROOT, 'templates/backend-fastapi/backend/main.py'))) return 'no FastAPI template';
  const probe = spawnSync(PYTHON, ['-c', 'import fastapi, jwt, uvicorn, cryptography'], { stdio: 'ignore', timeout: 30_000 });
  return probe.status === 0 ? undefined : `${PYTHON} cannot import fastapi, jwt, uvicorn, cryptography`;
}

async function startServer(backend, backendDir, authUrl) {
  const port = await freePort();
  const [file, args] =
    backend === 'fastapi'
      ? [PYTHON, ['-m', 'uvicorn', 'main:app', '--host', '127.0.0.1', '--port', String(port)]]
      : [process.execPath, [path.join(backendDir, 'node_modules/tsx/dist/cli.mjs'), 'src/server.ts']];
  const env = { ...process.env, BETTER_AUTH_URL: authUrl, JWT_ISSUER: '', JWT_AUDIENCE: '', JWT_ALGORITHM: 'EdDSA', CORS_ORIGIN: 'http://localhost:3000', PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', PYTHONDONTWRITEBYTECODE: '1' };
  // Output is discarded (not piped), so logging costs what it costs in a terminal-less deployment.
  const child = spawn(file, args, { cwd: backendDir, env, detached: true, stdio: 'ignore' });
  let exited = false;
  child.once('exit', () => (exited = true));
  const stop = async () => {
    if (!exited) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
      for (let i = 0; i < 50 && !exited; i++) await sleep(100);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${backend} exited before it was ready`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return { port, stop };
    } catch {}
    await sleep(100);
  }
  await stop();
  throw new Error(`${backend} was not ready within 30 s`);
}

// --- load ---------------------------------------------------------------------------------------

/**
 * `connections` keep-alive sockets, one request in flight each, for `durationMs` (or until
 * `nextRequest` returns null). Responses are framed by Content-Length. Returns the number of
 * 200s, of other statuses, and the elapsed seconds.
 */
function load(port, nextRequest, durationMs, connections = CONNECTIONS) {
  const started = performance.now();
  const deadline = started + durationMs;
  let ok = 0;
  let other = 0;
  const one = () =>
    new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.setNoDelay(true);
      socket.setTimeout(10_000, () => socket.destroy(new Error('no response within 10 s')));
      let buffer = Buffer.alloc(0);
      let done = false;
      const finish = () => {
        done = true;
        socket.destroy();
        resolve();
      };
      const next = () => {
        const request = performance.now() < deadline ? nextRequest() : null;
        if (request) socket.write(request);
        else finish();
      };
      socket.on('connect', next);
      socket.on('error', (error) => (done ? undefined : reject(error)));
      socket.on('data', (chunk) => {
        buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
        while (!done) {
          const end = buffer.indexOf('\r\n\r\n');
          if (end < 0) return;
          const head = buffer.toString('latin1', 0, end);
          const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
          if (!length) return void socket.destroy(new Error(`response without Content-Length: ${head.split('\r\n')[0]}`));
          const total = end + 4 + Number(length[1]);
          if (buffer.length < total) return;
          buffer = buffer.subarray(total);
          if (head.startsWith('HTTP/1.1 200')) ok++;
          else other++;
          next();
        }
      });
    });
  return Promise.all(Array.from({ length: connections }, one)).then(() => ({ ok, other, seconds: (performance.now() - started) / 1000 }));
}

const get = (port, urlPath, token) =>
  Buffer.from(`GET ${urlPath} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${token ? `Authorization: Bearer ${token}\r\n` : ''}\r\n`);

async function measure(port, token, freshTokens) {
  const routes = {
    health: () => get(port, '/health'),
    me: () => get(port, '/api/users/me', token),
  };
  for (const next of Object.values(routes)) await load(port, next, WARMUP_MS);
  const totals = { health: { ok: 0, other: 0, seconds: 0 }, me: { ok: 0, other: 0, seconds: 0 } };
  for (let round = 0; round < 2; round++) {
    for (const name of round === 0 ? ['health', 'me'] : ['me', 'health']) {
      const r = await load(port, routes[name], PHASE_MS);
      totals[name].ok += r.ok;
      totals[name].other += r.other;
      totals[name].seconds += r.seconds;
    }
  }
  // Every request a token the server has never seen: the full signature check each time.
  let i = 0;
  const fresh = await load(port, () => (i < freshTokens.length ? get(port, '/api/users/me', freshTokens[i++]) : null), PHASE_MS);
  return {
    health: totals.health.ok / totals.health.seconds,
    me: totals.me.ok / totals.me.seconds,
    fresh: fresh.ok / fresh.seconds,
    errors: totals.health.other + totals.me.other + fresh.other,
  };
}

// --- rows -------------------------------------------------------------------------------------

export async function run() {
  const wanted = (process.env.BENCH_BACKENDS ?? ALL.join(',')).split(',').filter((b) => ALL.includes(b));
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cbaj-bench-backends-'));
  const rows = [];
  try {
    for (const backend of wanted) {
      const skip = skipReason(backend);
      if (skip) {
        rows.push({ name: `${backend}: /api/users/me throughput`, value: null, unit: 'req/s', budget: null, ok: true, baseline: `skipped: ${skip}`, ratio: null });
        continue;
      }
      const backendDir = generate(backend, root);
      const jwks = await startJwksServer();
      const { mint, jwks: set } = keyAndJwks(jwks.url);
      jwks.body = JSON.stringify(set);
      const token = mint(0);
      const freshTokens = Array.from({ length: FRESH_TOKENS }, (_, i) => mint(i + 1));
      const server = await startServer(backend, backendDir, jwks.url);
      try {
        const result = await measure(server.port, token, freshTokens);
        const ratio = result.me / result.health;
        const budgeted = backend !== 'fastapi';
        rows.push({
          name: `${backend}: /api/users/me, same valid JWT (a browser's steady state)`,
          value: Math.round(result.me),
          unit: 'req/s',
          baseline: `/health ${Math.round(result.health)} req/s`,
          ratio: Math.round(ratio * 100) / 100,
          budget: budgeted ? `≥ ${MIN_RATIO}× /health` : 'reported only',
          ok: result.errors === 0 && (!budgeted || ratio >= MIN_RATIO),
          ...(result.errors ? { note: `${result.errors} non-200 responses` } : {}),
        });
        rows.push({
          name: `${backend}: /api/users/me, a new token every request`,
          value: Math.round(result.fresh),
          unit: 'req/s',
          baseline: `/health ${Math.round(result.health)} req/s`,
          ratio: Math.round((result.fresh / result.health) * 100) / 100,
          budget: 'reported only (full signature check each time)',
          ok: result.errors === 0,
        });
        rows.push({
          name: `${backend}: JWKS fetches for the whole run`,
          value: jwks.count,
          unit: '',
          baseline: null,
          ratio: null,
          budget: 'exactly 1',
          ok: jwks.count === 1,
        });
      } finally {
        await server.stop();
        await jwks.close();
      }
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rows = await run();
  const cell = (v) => (v === null || v === undefined || v === '' ? '—' : String(v));
  console.log(`\nNode ${process.version}, ${os.cpus().length}× ${os.cpus()[0]?.model?.trim() ?? 'CPU'}; ${CONNECTIONS} keep-alive connections, 2 × ${PHASE_MS} ms per route after a ${WARMUP_MS} ms warm-up.\n`);
  console.log('| backend metric | value | baseline | ratio | budget | ok |');
  console.log('| --- | ---: | --- | ---: | --- | :---: |');
  for (const r of rows) {
    console.log(`| ${r.name} | ${r.value === null ? '—' : `${r.value} ${r.unit}`.trim()} | ${cell(r.baseline)} | ${r.ratio == null ? '—' : `${r.ratio}×`} | ${cell(r.budget)} | ${r.ok ? '✅' : '❌'}${r.note ? ` ${r.note}` : ''} |`);
  }
}
