// Set-up for the E2E runs with a separate API server (`--backend`): the Next.js app (auth
// server + UI, `next start`) and the generated backend run for real on 127.0.0.1, and a
// recording pass-through proxy (the "tap") sits in front of the backend.
//
// Why a tap: Playwright does not report CORS preflights, the Express backend logs nothing on
// success, and in cookie mode the backend is called by the Next.js server, not the browser.
// The tap forwards every byte of the request and the backend's answer unchanged (so the
// browser sees the backend's own CORS headers and can still be blocked by them) and records
// method, path, every request header it received, status, response headers and JSON bodies.
// NEXT_PUBLIC_API_URL (memory mode) and API_URL (cookie mode) point at the tap. One path,
// TAP_ECHO_PATH, the tap answers itself: a stand-in API route that takes any method and sets
// no Cache-Control, for the BFF checks (bff-checks.ts).
//
// Projects are prepared (generate → link deps → migrate → next build) in the background, one
// at a time, as soon as the file starts: the next project builds while the previous one's
// browser tests run. Servers are started per describe block and stopped in its afterAll, so
// only one stack runs at a time.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { backend, backendEnv, startBackend, type BackendName, type BackendProcess } from '../backends/harness.js';
import { launchChromium, recordApiCalls, saveFailureArtifacts } from '../helpers/browser.js';
import { linkDeps } from '../helpers/deps-cache.js';
import { copyDepsCache, newProjectDir, runStep, type ProjectDir } from '../helpers/e2e-project.js';
import { BIN, cliArgs, type Http, type Storage } from '../helpers/generate.js';
import { cleanEnv, freePort, startNext, type RunningServer } from '../helpers/server.js';
import { ACCESS_TOKEN_SECONDS, type Session } from './fixture.js';

// ---------------------------------------------------------------------------------------------
// The tap

export interface TapRecord {
  method: string;
  path: string;
  origin?: string;
  authorization?: string;
  /** Preflight request headers (OPTIONS only). */
  requestMethod?: string;
  requestHeaders?: string;
  /** Every header the backend received, names lower-case (what the app's server chose to send). */
  received: Record<string, string>;
  status?: number;
  headers: Record<string, string>;
  /** The JSON body of the answer, parsed, when it is JSON and small. */
  json?: unknown;
  error?: string;
}

export interface Tap {
  url: string;
  /** Where requests go; set once the backend is up. Until then the tap answers 502. */
  target?: string;
  records: TapRecord[];
  /** Records after `mark` (an index into `records`) for `method` `pathname`. */
  since(mark: number, pathname: string, method?: string): TapRecord[];
  close(): Promise<void>;
}

/** Answered by the tap itself, not forwarded: echoes method, path and body, with no Cache-Control. */
export const TAP_ECHO_PATH = '/api/tap-echo';

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer']);

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

export async function startTap(): Promise<Tap> {
  const port = await freePort();
  const records: TapRecord[] = [];
  const server = http.createServer((req, res) => {
    const record: TapRecord = {
      method: req.method ?? 'GET',
      path: new URL(req.url ?? '/', 'http://tap').pathname,
      origin: headerText(req.headers.origin),
      authorization: headerText(req.headers.authorization),
      requestMethod: headerText(req.headers['access-control-request-method']),
      requestHeaders: headerText(req.headers['access-control-request-headers']),
      received: Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, headerText(value) ?? ''])),
      headers: {},
    };
    records.push(record);
    if (record.path === TAP_ECHO_PATH) {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        record.status = 200;
        record.headers = { 'content-type': 'application/json' };
        record.json = { method: record.method, body: Buffer.concat(chunks).toString('utf8') };
        res.writeHead(200, record.headers).end(JSON.stringify(record.json));
      });
      return;
    }
    if (!tap.target) {
      record.status = 502;
      res.writeHead(502, { 'content-type': 'application/json' }).end('{"error":"tap_without_target"}');
      return;
    }
    const target = new URL(tap.target);
    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(name)) headers[name] = value;
    headers.host = target.host;
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers, timeout: 15_000 },
      (answer) => {
        record.status = answer.statusCode;
        const out: http.OutgoingHttpHeaders = {};
        for (const [name, value] of Object.entries(answer.headers)) {
          if (value === undefined || HOP_BY_HOP.has(name)) continue;
          out[name] = value;
          record.headers[name] = headerText(value) ?? '';
        }
        res.writeHead(answer.statusCode ?? 502, out);
        const chunks: Buffer[] = [];
        let size = 0;
        answer.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= 64 * 1024) chunks.push(chunk);
          res.write(chunk);
        });
        answer.on('end', () => {
          res.end();
          if (size <= 64 * 1024 && /json/.test(record.headers['content-type'] ?? '')) {
            try {
              record.json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            } catch {
              // recorded as-is: not our business to judge here
            }
          }
        });
        answer.on('error', (error) => res.destroy(error));
      },
    );
    upstream.on('timeout', () => upstream.destroy(new Error('backend did not answer within 15 s')));
    upstream.on('error', (error) => {
      record.error = error.message;
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' }).end('{"error":"tap_upstream_failed"}');
      else res.destroy();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const tap: Tap = {
    url: `http://127.0.0.1:${port}`,
    records,
    since: (mark, pathname, method = 'GET') => records.slice(mark).filter((r) => r.path === pathname && r.method === method),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        setTimeout(resolve, 5_000).unref();
      }),
  };
  return tap;
}

// ---------------------------------------------------------------------------------------------
// Preparing a project

export interface StackSpec {
  /** Folder name of the generated project, also used for artifacts. */
  name: string;
  backend: BackendName;
  storage: Storage;
  http: Http;
}

interface PreparedStack extends ProjectDir {
  tap: Tap;
}

/** Generate with the built CLI, link dependencies, migrate, `next build` against the tap's URL. */
async function prepareStack(spec: StackSpec): Promise<PreparedStack> {
  const project = newProjectDir('cbaj-e2e-backend-', spec.name);
  // Listening from now on, so NEXT_PUBLIC_API_URL can be inlined before the backend exists.
  const tap = await startTap();
  try {
    const args = [...cliArgs(project.dir, { storage: spec.storage, http: spec.http, providers: [] }), '--backend', spec.backend];
    // BACKEND_TEST_CLI: another build of the CLI, as for the backend battery.
    await runStep(project, `create-better-auth-jwt ${args.slice(1).join(' ')}`, process.execPath, [process.env.BACKEND_TEST_CLI ?? BIN, ...args], 60_000, {
      cwd: os.tmpdir(),
      env: cleanEnv({ CI: '1', NO_COLOR: '1' }),
    });
    // A hard-linked copy, not a symlink: Turbopack refuses a node_modules symlink leaving the project.
    await copyDepsCache(project);
    if (backend(spec.backend).node) await linkDeps(path.join(project.dir, 'backend'));
    await runStep(project, 'npm run db:migrate', 'npm', ['run', 'db:migrate'], 2 * 60_000);
    await runStep(project, `NEXT_PUBLIC_API_URL=${tap.url} next build`, 'npx', ['next', 'build'], 10 * 60_000, {
      env: cleanEnv({ NEXT_PUBLIC_API_URL: tap.url, API_URL: tap.url }),
    });
    return { ...project, tap };
  } catch (error) {
    await tap.close();
    throw new Error(`preparing ${spec.name} failed (project kept in ${project.root}):\n${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Prepares stacks one at a time, in the order they were asked for. */
let queue: Promise<unknown> = Promise.resolve();
function enqueue(spec: StackSpec): Promise<PreparedStack> {
  const run = queue.then(() => prepareStack(spec));
  queue = run.catch(() => undefined);
  // A describe block that never awaits (skipped, filtered) must not cause an unhandled rejection.
  run.catch(() => undefined);
  return run;
}

// ---------------------------------------------------------------------------------------------
// A served stack for one describe block

export interface Stack {
  readonly spec: StackSpec;
  /** The Next.js app's origin (auth server and UI), as the browser sees it. */
  readonly web: string;
  /** The backend's own origin (its real port, bypassing the tap). */
  readonly api: string;
  /** The URL the app was built/started with for the API: the tap in front of the backend. */
  readonly tap: Tap;
  /** A new browser context recording this app's /api calls (`traffic`) and the browser's calls to the tap (`apiTraffic`). */
  newSession(): Promise<StackSession>;
}

export interface StackSession extends Session {
  /** The browser's calls to the tap (the backend's URL as the app knows it). */
  apiTraffic: ReturnType<typeof recordApiCalls>;
  /** Responses that carried a `set-auth-jwt` header (a JWT readable by page scripts), as `METHOD /path`. */
  jwtHeaders: string[];
}

/**
 * Call at the top of the test file, once per stack, in the order the describe blocks run:
 * returns `prepare`, to call from a top-level beforeAll (starts the background builds), and
 * `use`, to call inside the stack's describe block (starts the servers, stops them after).
 */
export function defineStack(spec: StackSpec) {
  let prepared: Promise<PreparedStack> | undefined;
  let used = false;
  // A stack prepared in the background but whose describe block did not run (filtered by -t):
  // close its tap and remove its folder, so the worker can exit.
  afterAll(async () => {
    if (!prepared || used) return;
    const project = await prepared.catch(() => undefined);
    await project?.tap.close();
    if (project) fs.rmSync(project.root, { recursive: true, force: true });
  }, 10 * 60_000);
  return {
    spec,
    prepare() {
      prepared ??= enqueue(spec);
    },
    use(): Stack {
      const state = {
        project: undefined as PreparedStack | undefined,
        next: undefined as RunningServer | undefined,
        api: undefined as BackendProcess | undefined,
        browser: undefined as Browser | undefined,
        sessions: [] as StackSession[],
        failed: false,
      };
      const need = <T>(value: T | undefined, what: string): T => {
        if (value === undefined) throw new Error(`${what} not started`);
        return value;
      };
      const stack: Stack = {
        spec,
        get web() {
          return need(state.next, 'next start').url;
        },
        get api() {
          return need(state.api, 'backend').url;
        },
        get tap() {
          return need(state.project, 'project').tap;
        },
        async newSession() {
          const browser = need(state.browser, 'browser');
          const context = await browser.newContext();
          context.setDefaultTimeout(15_000);
          context.setDefaultNavigationTimeout(30_000);
          const traffic = recordApiCalls(context, stack.web);
          const apiTraffic = recordApiCalls(context, stack.tap.url);
          // Better Auth's JWT plugin hands page scripts a JWT in this response header.
          const jwtHeaders: string[] = [];
          context.on('response', (response) => {
            if (response.headers()['set-auth-jwt']) jwtHeaders.push(`${response.request().method()} ${new URL(response.url()).pathname}`);
          });
          const page = await context.newPage();
          const session = { context, page, traffic, apiTraffic, jwtHeaders };
          state.sessions.push(session);
          return session;
        },
      };

      const logs = () =>
        [
          `=== next start (${state.next?.url ?? 'not started'}) ===\n${state.next?.logs() ?? ''}`,
          `=== ${spec.backend} backend (${state.api?.url ?? 'not started'}) ===\n${state.api?.logs() ?? ''}`,
          `=== tap (${state.project?.tap.url ?? '-'}) ===\n${(state.project?.tap.records ?? []).map((r) => JSON.stringify({ ...r, authorization: r.authorization?.slice(0, 20) })).join('\n')}`,
          `=== prepare ===\n${state.project?.log.join('\n') ?? ''}`,
        ].join('\n\n');

      beforeAll(async () => {
        used = true;
        try {
          prepared ??= enqueue(spec);
          state.project = await prepared;
          const tap = state.project.tap;
          state.next = await startNext(state.project.dir, {
            JWT_ACCESS_TOKEN_EXPIRES: String(ACCESS_TOKEN_SECONDS),
            NEXT_PUBLIC_API_URL: tap.url,
            API_URL: tap.url,
          });
          const web = state.next.url;
          state.api = await startBackend(backend(spec.backend), state.project.dir, (port) => backendEnv(web, port, { CORS_ORIGIN: web }));
          tap.target = state.api.url;
          state.browser = await launchChromium();
        } catch (error) {
          state.failed = true;
          const files = await saveFailureArtifacts(`${spec.name}-setup`, [], logs());
          if (files.length) console.error(`E2E artifacts:\n  ${files.join('\n  ')}`);
          throw error;
        }
      }, 20 * 60_000);

      beforeEach(({ task, onTestFailed }) => {
        onTestFailed(async () => {
          // A `test.fails` pinning a known bug fails inside on purpose.
          if (task.fails) return;
          state.failed = true;
          const files = await saveFailureArtifacts(
            `${spec.name}-${task.name}`,
            state.sessions.map((s) => s.page),
            logs(),
          );
          if (files.length) console.error(`E2E artifacts:\n  ${files.join('\n  ')}`);
        });
      });

      afterAll(async () => {
        await Promise.race([state.browser?.close(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
        await state.next?.stop();
        await state.api?.stop();
        await state.project?.tap.close();
        if (state.project) {
          if (state.failed) console.error(`E2E project kept for inspection: ${state.project.dir}`);
          else fs.rmSync(state.project.root, { recursive: true, force: true });
        }
      }, 60_000);

      return stack;
    },
  };
}
