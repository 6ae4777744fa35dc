// `--framework sveltekit`: every storage × http, with no providers and with all six (the
// database rotating), plus
// each separate backend, planned with the real features and written by the real writer, must
// pass the project's own `npm run typecheck`: `svelte-kit sync` then strict `svelte-check
// --fail-on-warnings`, which checks the .svelte components and, through tsconfig.json, every
// .ts file (src/, the shared lib/ and scripts/). Dependencies are the shared deps cache,
// linked in. svelte-check runs two at a time during set-up; each case then asserts its result.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Backend, Database, HttpClient, Provider, Storage } from '../../src/options/choices.js';
import { ensureDepsCache, linkDeps } from '../helpers/deps-cache.js';
import { mapPool } from '../helpers/pool.js';
import { svelteCheck, svelteKitSync, writeSvelteKitProject, type SvelteCheckResult, type SvelteKitOptions } from '../helpers/sveltekit-project.js';

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

let root = '';
let failures = 0;
const results = new Map<string, { dir: string; check?: SvelteCheckResult; error?: string }>();
let control: SvelteCheckResult | undefined;

beforeAll(async () => {
  await ensureDepsCache();
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cbaj-typecheck-sk-'));
  const jobs = [...CASES.map((c) => ({ name: c.name, options: c.options as SvelteKitOptions, control: false })), { name: 'control', options: {}, control: true }];
  await mapPool(jobs, 2, async (job) => {
    const dir = path.join(root, job.name.replace(/[= ]+/g, '-'));
    try {
      await writeSvelteKitProject(dir, job.options);
      await linkDeps(dir);
      if (job.control) {
        // A deliberate type error in a component: svelte-check must report it.
        const page = path.join(dir, 'src/routes/dashboard/+page.svelte');
        fs.writeFileSync(page, fs.readFileSync(page, 'utf8').replace('calls += 1;', "calls += 'one';"));
      }
      await svelteKitSync(dir);
      const check = await svelteCheck(dir);
      if (job.control) control = check;
      else results.set(job.name, { dir, check });
    } catch (error) {
      results.set(job.name, { dir, error: error instanceof Error ? error.message : String(error) });
    }
  });
}, 25 * 60_000);

afterAll(() => {
  if (root && failures === 0) fs.rmSync(root, { recursive: true, force: true });
  else if (root) console.log(`typecheck projects kept for inspection in ${root}`);
});

describe('sveltekit projects typecheck (svelte-kit sync + svelte-check --fail-on-warnings)', () => {
  test('the matrix covers 3 storages × 2 http clients × 2 provider sets (every storage with every database), plus 4 separate backends', () => {
    expect(sameApp).toHaveLength(12);
    expect(CASES).toHaveLength(16);
    // Every storage is compiled with every database.
    for (const storage of STORAGES) expect(new Set(sameApp.filter((c) => c.options.storage === storage).map((c) => c.options.db))).toEqual(new Set(DBS));
  });

  test('svelte-check reports a type error in a component (the check is not vacuous)', () => {
    failures++;
    expect(control?.ok).toBe(false);
    expect(control?.errors).toBeGreaterThan(0);
    expect(control?.output).toContain('dashboard/+page.svelte');
    failures--;
  });

  test.each(CASES)('$name', (c) => {
    failures++; // undone at the end when the case passes
    const result = results.get(c.name);
    if (!result) throw new Error('the project was not generated');
    if (result.error) throw new Error(result.error);
    const missing = EXPECTED_FILES.filter((file) => !fs.existsSync(path.join(result.dir, file)));
    expect(missing, `expected files in ${result.dir}`).toEqual([]);
    // The API route exists only when the API lives in the app; the BFF only for cookie storage.
    expect(fs.existsSync(path.join(result.dir, 'src/routes/api/users/me/+server.ts'))).toBe(c.options.backend === 'sveltekit');
    expect(fs.existsSync(path.join(result.dir, 'src/routes/api/bff/[...path]/+server.ts'))).toBe(c.options.storage === 'cookie');
    expect(fs.existsSync(path.join(result.dir, 'lib/token-manager.ts'))).toBe(c.options.storage !== 'cookie');
    expect(fs.existsSync(path.join(result.dir, 'app')) || fs.existsSync(path.join(result.dir, 'proxy.ts'))).toBe(false);
    const pkg = JSON.parse(fs.readFileSync(path.join(result.dir, 'package.json'), 'utf8')) as { engines: { node: string }; type: string };
    expect(pkg.engines.node).toBe('>=20.19');
    expect(pkg.type).toBe('module');

    const check = result.check;
    if (!check?.ok) throw new Error(`svelte-check failed in ${result.dir}:\n${check?.output ?? ''}`);
    expect({ errors: check.errors, warnings: check.warnings }).toEqual({ errors: 0, warnings: 0 });
    // The components, routes and the shared lib/ + scripts/ were all in the program.
    expect(check.files).toBeGreaterThan(15);
    failures--;
  });
});
