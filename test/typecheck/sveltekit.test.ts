// `--framework sveltekit`: every storage × http, with no providers and with all six (the
// database rotating), plus
// each separate backend, planned with the real features and written by the real writer, must
// pass the project's own `npm run typecheck`: `svelte-kit sync` then strict `svelte-check
// --fail-on-warnings`, which checks the .svelte components and, through tsconfig.json, every
// .ts file (src/, the shared lib/ and scripts/). Dependencies are the shared deps cache,
// linked in. svelte-check runs two at a time during set-up; each case then asserts its result.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Backend, Database, HttpClient, Provider, Storage } from '../../src/options/choices.js';
import { svelteCheck, svelteKitSync, writeSvelteKitProject, type SvelteCheckResult, type SvelteKitOptions } from '../helpers/sveltekit-project.js';
import { typecheckSuite } from '../helpers/typecheck-suite.js';

const STORAGES: Storage[] = ['memory', 'cookie', 'local'];
const HTTPS: HttpClient[] = ['fetch', 'axios'];
const DBS: Database[] = ['sqlite', 'postgres', 'mysql'];
const ALL_PROVIDERS: Provider[] = ['apple', 'discord', 'github', 'gitlab', 'google', 'microsoft'];

interface Case {
  name: string;
  options: SvelteKitOptions & { backend: Backend; storage: Storage };
}

// Storage × http, each with no providers and with all six. The database only changes lib/db.ts
// and scripts/migrate.ts, shared files the Next.js matrix compiles in all 36 combinations, so
// it rotates here: every storage meets every database once (12 projects instead of 36, which
// keeps this svelte-check suite to about a minute on CI's two cores).
const sameApp: Case[] = STORAGES.flatMap((storage, s) =>
  HTTPS.flatMap((http, h) => {
    const pair = s * HTTPS.length + h;
    return [[], ALL_PROVIDERS].map((providers, p) => {
      const db = DBS[(pair + p) % DBS.length] as Database;
      return {
        name: `sveltekit storage=${storage} http=${http} db=${db} providers=${providers.length ? 'all' : 'none'}`,
        options: { backend: 'sveltekit' as Backend, storage, http, db, providers },
      };
    });
  }),
);

// A separate API server: PUBLIC_API_URL through $env/dynamic/public (memory/local), or the BFF
// forwarding to API_URL (cookie). backend/ itself is typechecked by the backend suites.
const separate: Case[] = (
  [
    ['express', 'memory', 'fetch'],
    ['hono', 'local', 'axios'],
    ['fastify', 'cookie', 'fetch'],
    ['fastapi', 'cookie', 'axios'],
  ] as const
).map(([backend, storage, http]) => ({
  name: `sveltekit backend=${backend} storage=${storage} http=${http}`,
  options: { backend, storage, http, db: 'sqlite', providers: ['github'] },
}));

const CASES = [...sameApp, ...separate];

/** Files every sveltekit project must have; guards against a vacuous pass. */
const EXPECTED_FILES = [
  'svelte.config.js',
  'vite.config.ts',
  'tsconfig.json',
  'src/app.html',
  'src/hooks.server.ts',
  'src/lib/server/auth.ts',
  'src/routes/login/+page.svelte',
  'src/routes/signup/+page.svelte',
  'src/routes/dashboard/+page.svelte',
  'src/routes/dashboard/+page.server.ts',
  'lib/auth.ts',
  'lib/auth-config.ts',
  'lib/auth-client.ts',
  'lib/api-client.ts',
  'lib/db.ts',
  'scripts/migrate.ts',
  'scripts/start.js',
];

typecheckSuite<Case, SvelteCheckResult>({
  title: 'sveltekit projects typecheck (svelte-kit sync + svelte-check --fail-on-warnings)',
  tmpPrefix: 'cbaj-typecheck-sk-',
  cases: CASES,
  expectedCount: 16,
  countDescription: '3 storages × 2 http clients × 2 provider sets (every storage with every database), plus 4 separate backends',
  checkMatrix() {
    expect(sameApp).toHaveLength(12);
    // Every storage is compiled with every database.
    for (const storage of STORAGES) expect(new Set(sameApp.filter((c) => c.options.storage === storage).map((c) => c.options.db))).toEqual(new Set(DBS));
  },
  concurrency: 2,
  write: (dir, c) => writeSvelteKitProject(dir, c.options),
  checkFiles(dir, c) {
    const missing = EXPECTED_FILES.filter((file) => !fs.existsSync(path.join(dir, file)));
    expect(missing, `expected files in ${dir}`).toEqual([]);
    // The API route exists only when the API lives in the app; the BFF only for cookie storage.
    expect(fs.existsSync(path.join(dir, 'src/routes/api/users/me/+server.ts'))).toBe(c.options.backend === 'sveltekit');
    expect(fs.existsSync(path.join(dir, 'src/routes/api/bff/[...path]/+server.ts'))).toBe(c.options.storage === 'cookie');
    expect(fs.existsSync(path.join(dir, 'lib/token-manager.ts'))).toBe(c.options.storage !== 'cookie');
    expect(fs.existsSync(path.join(dir, 'app')) || fs.existsSync(path.join(dir, 'proxy.ts'))).toBe(false);
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { engines: { node: string }; type: string };
    expect(pkg.engines.node).toBe('>=20.19');
    expect(pkg.type).toBe('module');
  },
  check: {
    label: 'svelte-check',
    when: 'setup',
    async run(dir) {
      await svelteKitSync(dir);
      return svelteCheck(dir);
    },
    expectPassed(check) {
      expect({ errors: check.errors, warnings: check.warnings }).toEqual({ errors: 0, warnings: 0 });
      // The components, routes and the shared lib/ + scripts/ were all in the program.
      expect(check.files).toBeGreaterThan(15);
    },
    control: {
      title: 'svelte-check reports a type error in a component (the check is not vacuous)',
      write: (dir) => writeSvelteKitProject(dir, {}),
      plant(dir) {
        // A deliberate type error in a component: svelte-check must report it.
        const page = path.join(dir, 'src/routes/dashboard/+page.svelte');
        fs.writeFileSync(page, fs.readFileSync(page, 'utf8').replace('calls += 1;', "calls += 'one';"));
      },
      expect(control) {
        expect(control.ok).toBe(false);
        expect(control.errors).toBeGreaterThan(0);
        expect(control.output).toContain('dashboard/+page.svelte');
      },
    },
  },
});
