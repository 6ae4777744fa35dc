// Shared set-up for the E2E files: a built project served by `next start`, one Chromium,
// a recorded browser context, failure screenshots and server logs, and bounded teardown.
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { launchChromium, recordApiCalls, saveFailureArtifacts } from '../helpers/browser.js';
import { prepareProject, type PrepareOptions, type PreparedProject } from '../helpers/e2e-project.js';
import { startNext, type RunningServer } from '../helpers/server.js';

/** Access-token lifetime the server runs with: short, so tests can wait for expiry. */
export const ACCESS_TOKEN_SECONDS = 4;

export interface Session {
  context: BrowserContext;
  page: Page;
  traffic: ReturnType<typeof recordApiCalls>;
}

export function useServedProject(prepare: PrepareOptions) {
  const state = {
    project: undefined as PreparedProject | undefined,
    server: undefined as RunningServer | undefined,
    browser: undefined as Browser | undefined,
    sessions: [] as Session[],
    failed: false,
    get url(): string {
      if (!state.server) throw new Error('server not started');
      return state.server.url;
    },
    /** A new browser context (its own cookies and storage) whose API calls are recorded. */
    async newSession(): Promise<Session> {
      if (!state.browser) throw new Error('browser not started');
      const context = await state.browser.newContext();
      context.setDefaultTimeout(15_000);
      context.setDefaultNavigationTimeout(30_000);
      const traffic = recordApiCalls(context, state.url);
      const page = await context.newPage();
      const session = { context, page, traffic };
      state.sessions.push(session);
      return session;
    },
  };

  beforeAll(async () => {
    try {
      state.project = await prepareProject(prepare);
      state.server = await startNext(state.project.dir, { JWT_ACCESS_TOKEN_EXPIRES: String(ACCESS_TOKEN_SECONDS) });
      state.browser = await launchChromium();
    } catch (error) {
      state.failed = true;
      throw error;
    }
  }, 25 * 60_000);

  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      state.failed = true;
      const files = await saveFailureArtifacts(
        `${prepare.name}-${task.name}`,
        state.sessions.map((s) => s.page),
        state.server?.logs(),
      );
      if (files.length) console.error(`E2E artifacts:\n  ${files.join('\n  ')}`);
    });
  });

  afterAll(async () => {
    await Promise.race([state.browser?.close(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    await state.server?.stop();
    if (state.project) {
      if (state.failed) console.error(`E2E project kept for inspection: ${state.project.dir}`);
      else fs.rmSync(state.project.root, { recursive: true, force: true });
    }
  }, 60_000);

  return state;
}

export function uniqueUser(label: string) {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return { name: `E2E ${label}`, email: `e2e-${label}-${id}@example.com`, password: `correct-horse-${id}` };
}
