// The generated lib/safe-redirect.ts: where sign-in and sign-up send the browser afterwards
// (`?next=`, the social `callbackURL`). Rendered from the real plan, transpiled and imported.
// The rule under test is the class, not a list of strings: whatever comes in, what goes out
// resolves to this app's own origin wherever a browser resolves it, and is stable.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Framework } from '../../src/options/choices.js';
import type { Plan } from '../../src/plan/plan.js';
import { importGeneratedModule } from '../helpers/load-generated.js';
import { projectPlan } from '../helpers/project.js';

interface SafeRedirectModule {
  safeRedirectPath(next: unknown, origin: string, fallback?: string): string;
  hrefWithNext(path: string, next: unknown, origin: string): string;
}

const ORIGIN = 'http://localhost:3000';
const HELPER = 'lib/safe-redirect.ts';

/** The sign-in and sign-up pages (and server actions) of each framework. */
const AUTH_PAGES: Record<Framework, string[]> = {
  next: ['app/login/page.tsx', 'app/signup/page.tsx'],
  sveltekit: ['src/routes/login/+page.svelte', 'src/routes/login/+page.server.ts', 'src/routes/signup/+page.svelte', 'src/routes/signup/+page.server.ts'],
  nuxt: ['app/pages/login.vue', 'app/pages/signup.vue'],
  'react-vite': ['src/pages/LoginPage.tsx', 'src/pages/SignupPage.tsx'],
};
const FRAMEWORKS = Object.keys(AUTH_PAGES) as Framework[];

/** With an OAuth provider, so the social sign-in's callbackURL is in the pages too. */
const plans = Object.fromEntries(FRAMEWORKS.map((framework) => [framework, projectPlan('redirect-app', framework, { providers: ['github'] })])) as Record<Framework, Plan>;

function planned(p: Plan, file: string): string {
  const found = p.files.find((f) => f.path === file);
  if (!found) throw new Error(`${file} is not planned`);
  return found.content;
}

describe('every framework routes post-auth redirects through the one helper', () => {
  test.each(FRAMEWORKS)('%s: the project ships lib/safe-redirect.ts, the same file as every other framework', (framework) => {
    expect(planned(plans[framework], HELPER)).toBe(planned(plans.next, HELPER));
  });

  test.each(FRAMEWORKS)('%s: each sign-in and sign-up page and server action imports the helper and calls it', (framework) => {
    for (const page of AUTH_PAGES[framework]) {
      const source = planned(plans[framework], page);
      expect(source, page).toMatch(/from '[^']*lib\/safe-redirect'/);
      expect(source, page).toContain('safeRedirectPath(');
    }
  });

  test.each(FRAMEWORKS)('%s: no planned file tells its own paths from other hosts by a `//` prefix check', (framework) => {
    const offenders = plans[framework].files.filter((f) => f.content.includes("startsWith('//')")).map((f) => f.path);
    expect(offenders).toEqual([]);
  });
});

describe('the generated helper', () => {
  let root = '';
  let mod: SafeRedirectModule;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cbaj-safe-redirect-'));
    const file = path.join(root, 'safe-redirect.ts');
    fs.writeFileSync(file, planned(plans.next, HELPER));
    mod = await importGeneratedModule<SafeRedirectModule>(file, root);
  });

  afterAll(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  describe('safeRedirectPath', () => {
    // Each of these resolves, in a browser, to another origin (or to a script): they fall back.
    const LEAVE_THE_ORIGIN = [
      '/\\evil.example',
      '/\\/evil.example',
      '\\\\evil.example',
      '\\/evil.example',
      '/\t/evil.example',
      '\t//evil.example',
      '/\n/evil.example',
      '/\r\n/evil.example',
      '\r\n//evil.example',
      '/\r/evil.example',
      '//evil.example',
      '///evil.example',
      '//evil.example/dashboard',
      'https://evil.example',
      'HTTPS://evil.example/dashboard',
      'http://localhost:3000@evil.example',
      'http://localhost:3000.evil.example/dashboard',
      'http://localhost:3001/dashboard',
      'https://localhost:3000/dashboard',
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      // Same origin when first resolved, but the path comes out as `//evil.example`, which a
      // browser then reads as another host.
      '/..//evil.example',
      './/evil.example',
      '/./\\evil.example',
      '/.%2e//evil.example',
    ];

    test.each(LEAVE_THE_ORIGIN.map((next) => [JSON.stringify(next), next]))('%s falls back to /dashboard', (_label, next) => {
      expect(mod.safeRedirectPath(next, ORIGIN)).toBe('/dashboard');
    });

    test('nothing usable (missing, empty, not a string) falls back to /dashboard', () => {
      for (const next of [null, undefined, '', ['/dashboard'], 42, {}]) expect(mod.safeRedirectPath(next, ORIGIN)).toBe('/dashboard');
    });

    test('the fallback can be chosen', () => {
      expect(mod.safeRedirectPath('//evil.example', ORIGIN, '/home')).toBe('/home');
      expect(mod.safeRedirectPath(null, ORIGIN, '/home')).toBe('/home');
    });

    test('a path of this app is kept with its query and fragment', () => {
      expect(mod.safeRedirectPath('/dashboard?x=1#h', ORIGIN)).toBe('/dashboard?x=1#h');
      expect(mod.safeRedirectPath('/a/b', ORIGIN)).toBe('/a/b');
      expect(mod.safeRedirectPath(`${ORIGIN}/settings?tab=2`, ORIGIN)).toBe('/settings?tab=2');
    });

    test('odd but same-origin targets come back as the normalised path the URL parser makes of them', () => {
      expect(mod.safeRedirectPath('/ /evil', ORIGIN)).toBe('/%20/evil');
      expect(mod.safeRedirectPath('/%09/evil.example', ORIGIN)).toBe('/%09/evil.example');
      expect(mod.safeRedirectPath('/%2F%2Fevil.example', ORIGIN)).toBe('/%2F%2Fevil.example');
      expect(mod.safeRedirectPath('\t/dashboard', ORIGIN)).toBe('/dashboard');
      expect(mod.safeRedirectPath('/a/../dashboard', ORIGIN)).toBe('/dashboard');
    });

    test('whatever the input, the result stays on this origin wherever a browser resolves it, and is stable', () => {
      // Every string of up to four of these pieces: the characters URL parsers treat specially.
      const PIECES = ['/', '\\', '\t', '\n', '\r', ' ', '.', '..', '%2F', '%5C', '@', ':', 'http:', 'evil.example', 'localhost:3000'];
      let inputs = [''];
      const all: string[] = [];
      for (let length = 1; length <= 4; length++) {
        inputs = inputs.flatMap((prefix) => PIECES.map((piece) => prefix + piece));
        all.push(...inputs);
      }
      const broken: string[] = [];
      for (const next of all) {
        const result = mod.safeRedirectPath(next, ORIGIN);
        const fromLoginPage = new URL(result, `${ORIGIN}/login?next=x`);
        const fromNestedPage = new URL(result, `${ORIGIN}/a/b/c`);
        const stable = mod.safeRedirectPath(result, ORIGIN) === result;
        if (fromLoginPage.origin !== ORIGIN || fromNestedPage.origin !== ORIGIN || !result.startsWith('/') || !stable) broken.push(`${JSON.stringify(next)} → ${JSON.stringify(result)}`);
      }
      expect(broken).toEqual([]);
    });
  });

  describe('hrefWithNext', () => {
    test('carries a safe target along to another auth page', () => {
      expect(mod.hrefWithNext('/signup', '/dashboard?x=1', ORIGIN)).toBe('/signup?next=%2Fdashboard%3Fx%3D1');
    });

    test('drops a target that is missing or would leave the origin', () => {
      for (const next of [null, undefined, '', '/\\evil.example', '//evil.example', 'https://evil.example']) expect(mod.hrefWithNext('/signup', next, ORIGIN)).toBe('/signup');
    });
  });
});
