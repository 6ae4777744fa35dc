// Snapshots of what the real features and templates plan for representative combinations:
// which files a user gets, which pinned packages, which variables. A template or feature
// change shows up here as a reviewable diff.
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
