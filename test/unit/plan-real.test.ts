// Snapshots of what the real features and templates plan for representative combinations:
// which files a user gets, which pinned packages, which variables. A template or feature
// change shows up here as a reviewable diff.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { plan, type Plan } from '../../src/plan/plan.js';
import type { ProjectOptions } from '../../src/options/choices.js';
import { defaultProjectOptions } from '../../src/options/schema.js';
import { realSource } from './plan-fixture.js';

const BASE: ProjectOptions = defaultProjectOptions('my-app');

function realPlan(overrides: Partial<ProjectOptions>): Plan {
  const { features, templates } = realSource();
  return plan({ ...BASE, ...overrides }, features, templates);
}

function content(p: Plan, path: string): string {
  const found = p.files.find((f) => f.path === path);
  if (!found) throw new Error(`${path} is not planned`);
  return found.content;
}

const COMBINATIONS: Record<string, Partial<ProjectOptions>> = {
  'default (memory, fetch, sqlite)': {},
  'cookie + axios + postgres + github,google': { storage: 'cookie', http: 'axios', db: 'postgres', providers: ['github', 'google'] },
  'local + mysql + pnpm': { storage: 'local', db: 'mysql', pm: 'pnpm' },
};

describe('plan() with the real features', () => {
  for (const [name, overrides] of Object.entries(COMBINATIONS)) {
    it(`snapshot: ${name}`, () => {
      const p = realPlan(overrides);
      expect({
        files: p.files.map((f) => f.path),
        packageJson: JSON.parse(content(p, 'package.json')),
        envExample: content(p, '.env.example'),
        env: p.env.map((v) => v.name),
        warnings: p.warnings,
        nextSteps: p.nextSteps,
      }).toMatchSnapshot();
    });
  }

  it('memory/local storage ship a token manager and no BFF; cookie storage the reverse', () => {
    for (const storage of ['memory', 'local'] as const) {
      const paths = realPlan({ storage }).files.map((f) => f.path);
      expect(paths).toContain('lib/token-manager.ts');
      expect(paths.some((p) => p.startsWith('app/api/bff/'))).toBe(false);
    }
    const cookie = realPlan({ storage: 'cookie' });
    expect(cookie.files.map((f) => f.path)).toContain('app/api/bff/[...path]/route.ts');
    expect(cookie.files.map((f) => f.path)).not.toContain('lib/token-manager.ts');
    // In cookie mode page scripts never ask for a token.
    expect(content(cookie, 'lib/auth-client.ts')).not.toContain('authClient.token()');
  });

  it('the JWT lifetime is passed as a duration string, never a bare number (an absolute exp)', () => {
    expect(content(realPlan({}), 'lib/auth.ts')).toContain('expirationTime: `${config.accessTokenSeconds}s`');
  });

  it('each chosen provider is configured from its own env variables and gets a sign-in button', () => {
    const p = realPlan({ providers: ['gitlab', 'microsoft'] });
    const auth = content(p, 'lib/auth.ts');
    expect(auth).toContain('clientId: process.env.GITLAB_CLIENT_ID');
    expect(auth).toContain('clientSecret: process.env.MICROSOFT_CLIENT_SECRET');
    expect(auth).not.toContain('GITHUB');
    const login = content(p, 'app/login/page.tsx');
    expect(login).toContain('data-testid="social-gitlab"');
    expect(login).toContain('data-testid="social-microsoft"');
    expect(content(p, 'README.md')).toContain('/api/auth/callback/gitlab');
  });

  it('local storage warns about XSS before writing', () => {
    expect(realPlan({ storage: 'local' }).warnings.join('\n')).toMatch(/localStorage.*XSS/s);
    expect(realPlan({}).warnings).toEqual([]);
  });
});

// The security-relevant files in full: the auth route and server config, the BFF, the token
// manager and API client, every verifier and the routes that call one. A change to any of them is
// a diff of a real file in review: test/unit/__snapshots__/files/<path>/<combination>.txt, one
// copy per distinct content, named after the first combination below that generates it (`.txt`
// so that tsc does not compile the copies).
const SECURITY_FILE = new RegExp(
  [
    String.raw`^app/api/(auth|bff)/`, // Next.js: Better Auth's handler, the BFF
    String.raw`^server/api/(auth|bff)/`, // Nuxt
    String.raw`^src/routes/api/bff/`, // SvelteKit
    String.raw`^src/hooks\.server\.ts$`,
    String.raw`^src/lib/server/auth\.ts$`,
    String.raw`^server/index\.ts$`, // React + Vite: the auth server
    String.raw`^lib/(auth|auth-config|sign-in-throttle|bff|token-manager|api-client|verify-token)\.ts$`,
    String.raw`^(app/api/users/me/route\.ts|server/api/users/me\.get\.ts|src/routes/api/users/me/\+server\.ts)$`, // the protected API
    String.raw`^backend/(src/(auth|require-auth)\.ts|auth\.py|main\.py)$`,
  ].join('|'),
);

/** One combination per variant of those files: storage and client flavour, each backend, each framework. */
const SECURITY_COMBINATIONS: Record<string, Partial<ProjectOptions>> = {
  'next-memory-fetch': {},
  'next-cookie-axios-github': { storage: 'cookie', http: 'axios', providers: ['github'] },
  'next-local-fetch': { storage: 'local' },
  'next-express-memory': { backend: 'express' },
  'next-hono-cookie': { backend: 'hono', storage: 'cookie' },
  'next-fastify-memory-axios': { backend: 'fastify', http: 'axios' },
  'next-fastapi-memory': { backend: 'fastapi' },
  'sveltekit-memory': { framework: 'sveltekit', backend: 'sveltekit' },
  'sveltekit-cookie': { framework: 'sveltekit', backend: 'sveltekit', storage: 'cookie' },
  'nuxt-memory': { framework: 'nuxt', backend: 'nuxt' },
  'nuxt-cookie': { framework: 'nuxt', backend: 'nuxt', storage: 'cookie' },
  'react-vite-hono-memory': { framework: 'react-vite', backend: 'hono' },
  'react-vite-express-local': { framework: 'react-vite', backend: 'express', storage: 'local' },
};

const FILE_SNAPSHOTS = path.join(import.meta.dirname, '__snapshots__/files');

function securityFiles(overrides: Partial<ProjectOptions>) {
  return realPlan(overrides).files.filter((f) => SECURITY_FILE.test(f.path));
}

/** Snapshot file → content: each distinct content of each path once. */
function securitySnapshots(): Map<string, string> {
  const snapshots = new Map<string, string>();
  const seen = new Set<string>();
  for (const [combination, overrides] of Object.entries(SECURITY_COMBINATIONS)) {
    for (const f of securityFiles(overrides)) {
      if (seen.has(`${f.path}\0${f.content}`)) continue;
      seen.add(`${f.path}\0${f.content}`);
      snapshots.set(path.join(FILE_SNAPSHOTS, f.path, `${combination}.txt`), f.content);
    }
  }
  return snapshots;
}

describe('the security-relevant generated files, in full', () => {
  it('match their reviewed copies', async () => {
    for (const [file, content] of securitySnapshots()) await expect.soft(content, path.relative(FILE_SNAPSHOTS, file)).toMatchFileSnapshot(file);
  });

  it('every combination has its auth server, its verifier and a way to send the token', () => {
    for (const [combination, overrides] of Object.entries(SECURITY_COMBINATIONS)) {
      const paths = securityFiles(overrides).map((f) => f.path);
      expect(paths, combination).toContain('lib/auth.ts');
      expect(paths.some((p) => /^(lib\/verify-token\.ts|backend\/src\/require-auth\.ts|backend\/auth\.py)$/.test(p)), `${combination}: a verifier`).toBe(true);
      expect(paths.some((p) => /^lib\/token-manager\.ts$|\/bff\//.test(p)), `${combination}: a token manager or a BFF`).toBe(true);
    }
  });

  // vitest does not report orphaned file snapshots: a file no longer generated (or a variant that
  // went away) would keep its stale copy forever. `vitest -u` removes them; otherwise they fail.
  it('no reviewed copy is left over from a file or variant no longer generated', () => {
    const expected = new Set(securitySnapshots().keys());
    const present = existsSync(FILE_SNAPSHOTS)
      ? readdirSync(FILE_SNAPSHOTS, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => path.join(e.parentPath, e.name))
      : [];
    const leftOver = present.filter((file) => !expected.has(file));
    if (expect.getState().snapshotState.snapshotUpdateState === 'all') {
      for (const file of leftOver) rmSync(file);
      return;
    }
    expect(leftOver.map((file) => path.relative(FILE_SNAPSHOTS, file)), 'left-over copies (vitest -u removes them)').toEqual([]);
  });
});
