// Shared set-up for the E2E files: a project prepared and served (by `next start`, or by each
// framework's own servers), one Chromium, recorded browser contexts, failure screenshots and
// logs, and bounded teardown.
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { launchChromium, recordApiCalls, saveFailureArtifacts } from '../helpers/browser.js';
import { prepareProject, type PrepareOptions, type ProjectDir } from '../helpers/e2e-project.js';
import { startNext, type RunningServer } from '../helpers/server.js';

/** Access-token lifetime the server runs with: short, so tests can wait for expiry. */
export const ACCESS_TOKEN_SECONDS = 4;

export interface Session {
  context: BrowserContext;
  page: Page;
  traffic: ReturnType<typeof recordApiCalls>;
}

export interface AppSession extends Session {
  /** The browser's calls to the separate API server (the auth server's origin when there is none). */
  apiTraffic: ReturnType<typeof recordApiCalls>;
}

/**
 * What a served app runs. `auth`: the server of Better Auth (the JWT issuer) and the app's own
 * /api routes. `web`: serves the pages when that is another server (vite preview); otherwise
 * `auth` does. `api`: a separate API server (backend/).
 */
export type ServerRole = 'auth' | 'web' | 'api';

export interface ServedAppOptions {
  /** Prefix of failure artifact names. */
  name: string;
  /** Prepares the project and starts its servers, handing each to `app.addServer` once it runs. */
  setup(app: ServedApp): Promise<void>;
  setupTimeoutMs?: number;
}

export type ServedApp = ReturnType<typeof useServedApp>;

/** Registers the hooks that prepare, serve and tear down one app for the tests beside them. */
export function useServedApp({ name, setup, setupTimeoutMs = 15 * 60_000 }: ServedAppOptions) {
  const servers: { role: ServerRole; label: string; server: RunningServer }[] = [];
  const server = (role: ServerRole) => servers.find((s) => s.role === role)?.server;
  const state = {
    project: undefined as ProjectDir | undefined,
    browser: undefined as Browser | undefined,
    sessions: [] as AppSession[],
    failed: false,
    /** Started servers are stopped in reverse order, also when set-up fails half way. */
    addServer(role: ServerRole, label: string, running: RunningServer) {
      servers.push({ role, label, server: running });
    },
    server,
    get dir(): string {
      if (!state.project) throw new Error('project not prepared');
      return state.project.dir;
    },
    /** The auth server: Better Auth, the JWT issuer and the app's own /api routes. */
    get authUrl(): string {
      const auth = server('auth');
      if (!auth) throw new Error('server not started');
      return auth.url;
    },
    /** Where the pages are served. */
    get url(): string {
      return server('web')?.url ?? state.authUrl;
    },
    /** The separate API server, when there is one; else the auth server. */
    get apiUrl(): string {
      return server('api')?.url ?? state.authUrl;
    },
    /** A new browser context (its own cookies and storage) whose API calls are recorded. */
    async newSession(): Promise<AppSession> {
      if (!state.browser) throw new Error('browser not started');
      const context = await state.browser.newContext();
      context.setDefaultTimeout(15_000);
      context.setDefaultNavigationTimeout(30_000);
      const traffic = recordApiCalls(context, state.authUrl);
      const apiTraffic = recordApiCalls(context, state.apiUrl);
      const page = await context.newPage();
      const session = { context, page, traffic, apiTraffic };
      state.sessions.push(session);
      return session;
    },
  };

  beforeAll(async () => {
    try {
      await setup(state);
      state.browser = await launchChromium();
    } catch (error) {
      state.failed = true;
      throw error;
    }
  }, setupTimeoutMs);

  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      state.failed = true;
      const logs = [(state.project?.log ?? []).join('\n'), ...servers.map((s) => `--- ${s.label} ---\n${s.server.logs()}`)].join('\n');
      const files = await saveFailureArtifacts(`${name}-${task.name}`, state.sessions.map((s) => s.page), logs);
      if (files.length) console.error(`E2E artifacts:\n  ${files.join('\n  ')}`);
    });
  });

  afterAll(async () => {
    await Promise.race([state.browser?.close(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    for (const { server: running } of [...servers].reverse()) await running.stop();
    if (state.project) {
      if (state.failed) console.error(`E2E project kept for inspection: ${state.project.dir}`);
      else fs.rmSync(state.project.root, { recursive: true, force: true });
    }
  }, 60_000);

  return state;
}

/** A generated Next.js project, built and served by `next start`. */
export function useServedProject(prepare: PrepareOptions) {
  return useServedApp({
    name: prepare.name,
    setupTimeoutMs: 25 * 60_000,
    async setup(app) {
      app.project = await prepareProject(prepare);
      app.addServer('auth', 'next start', await startNext(app.project.dir, { JWT_ACCESS_TOKEN_EXPIRES: String(ACCESS_TOKEN_SECONDS) }));
    },
  });
}

export function uniqueUser(label: string) {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return { name: `E2E ${label}`, email: `e2e-${label}-${id}@example.com`, password: `correct-horse-${id}` };
}
