// Starts a built Next.js project with `next start` on 127.0.0.1 in its own process group,
// so stopping it also ends the `next-server` child that outlives its parent otherwise.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

/** The environment of the test runner minus what would change how Next.js or the app behaves. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key === 'NODE_ENV' || key === 'TEST' || key.startsWith('VITEST') || key.startsWith('npm_')) delete env[key];
  }
  return { ...env, NEXT_TELEMETRY_DISABLED: '1', npm_config_update_notifier: 'false', ...extra };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts a server on a port from freePort(). That port is free only until someone binds it, and
 * test files run in parallel: when another server takes it first (EADDRINUSE), start again on a
 * new port, at most 3 times. Any other failure is thrown at once.
 */
export async function startOnFreePort<T>(start: (port: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      return await start(port);
    } catch (error) {
      const taken = /EADDRINUSE|address already in use/i.test(String((error as Error).message));
      if (!taken || attempt >= 3) throw error;
    }
  }
}

export interface RunningServer {
  url: string;
  logs(): string;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Every server started and not yet stopped, so a crashed test run can still clean up. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

export interface ProcessServerOptions {
  /** For error messages, e.g. "next start". */
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Where the server will answer once ready. */
  url: string;
  /** One readiness probe; polled (bounded by timeoutMs) until it answers true. */
  ready(url: string): Promise<boolean>;
  timeoutMs: number;
}

/**
 * Spawns a server in its own process group, collects its output, polls `ready` until it
 * answers true (or the process dies, or time runs out) and stops the whole group on stop().
 */
export async function startProcessServer(options: ProcessServerOptions): Promise<RunningServer> {
  const child = spawn(options.command, options.args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited = false;
  const exitPromise = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));

  const server: RunningServer = {
    url: options.url,
    logs: () => output,
    async stop() {
      if (!exited) {
        killGroup(child, 'SIGTERM');
        await Promise.race([exitPromise, sleep(5_000)]);
        killGroup(child, 'SIGKILL');
        await Promise.race([exitPromise, sleep(2_000)]);
      }
      running.delete(child);
    },
  };

  const deadline = Date.now() + options.timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${options.name} exited before it was ready:\n${output}`);
    try {
      if (await options.ready(options.url)) return server;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  await server.stop();
  throw new Error(`${options.name} was not ready within ${options.timeoutMs} ms:\n${output}`);
}

export async function startNext(
  projectDir: string,
  env: Record<string, string>,
  { readyPath = '/login', timeoutMs = 60_000 } = {},
): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  return startProcessServer({
    name: 'next start',
    command: process.execPath,
    args: [path.join(projectDir, 'node_modules/next/dist/bin/next'), 'start', '-H', '127.0.0.1', '-p', String(port)],
    cwd: projectDir,
    env: cleanEnv({ NODE_ENV: 'production', PORT: String(port), BETTER_AUTH_URL: url, ...env }),
    url,
    ready: async (base) => (await fetch(`${base}${readyPath}`, { signal: AbortSignal.timeout(5_000) })).status < 500,
    timeoutMs,
  });
}
