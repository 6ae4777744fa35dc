// `--framework nuxt`: generated projects pass their own `npm run typecheck` (`nuxt prepare` +
// strict `vue-tsc -b --noEmit` over the app, server and node tsconfigs Nuxt writes: pages and
// components, server routes, lib/ and scripts/migrate.ts). Dependencies: the shared deps
// cache, symlinked in.
//
// Reduced matrix: one Nuxt check is a `nuxt prepare` plus a vue-tsc build over four projects
// (~10 s, against ~0.3 s for the in-process tsc the Next matrix uses), so the 36-case product
// would add minutes to CI. What varies is independent: storage × http decide the client files
// (all 6 pairs are checked), the database only lib/db.ts and providers only lib/auth.ts and the
// login page, so the 6 pairs also walk through all 3 databases × {no, all} providers once each.
// The separate backends add the public API URL read from runtimeConfig (memory/local) or the
// BFF forwarding to API_URL (cookie).
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Db, Http, Provider, Storage } from '../helpers/generate.js';
import { generateNuxtProject, nuxtTypecheck, type NuxtOptions } from '../helpers/nuxt-project.js';
import { typecheckSuite } from '../helpers/typecheck-suite.js';

const ALL_PROVIDERS: Provider[] = ['apple', 'discord', 'github', 'gitlab', 'google', 'microsoft'];
const PAIRS: [Storage, Http][] = [
  ['memory', 'fetch'],
  ['memory', 'axios'],
  ['cookie', 'fetch'],
  ['cookie', 'axios'],
  ['local', 'fetch'],
  ['local', 'axios'],
];
const DB_PROVIDERS: [Db, Provider[]][] = [
  ['sqlite', []],
  ['postgres', ALL_PROVIDERS],
  ['mysql', []],
  ['sqlite', ALL_PROVIDERS],
  ['postgres', []],
  ['mysql', ALL_PROVIDERS],
];

interface Case {
  name: string;
  options: NuxtOptions;
}

const cases: Case[] = [
  ...PAIRS.map(([storage, http], i) => {
    const [db, providers] = DB_PROVIDERS[i] as [Db, Provider[]];
    return { name: `nuxt storage=${storage} http=${http} db=${db} providers=${providers.length ? 'all' : 'none'}`, options: { storage, http, db, providers } };
  }),
  { name: 'nuxt backend=express storage=memory http=fetch', options: { backend: 'express', storage: 'memory', http: 'fetch', db: 'sqlite', providers: [] } },
  { name: 'nuxt backend=fastapi storage=local http=axios', options: { backend: 'fastapi', storage: 'local', http: 'axios', db: 'sqlite', providers: ['github'] } },
  { name: 'nuxt backend=hono storage=cookie http=fetch', options: { backend: 'hono', storage: 'cookie', http: 'fetch', db: 'postgres', providers: [] } },
];

const covered = new Set(cases.slice(0, 6).map((c) => `${c.options.db}/${c.options.providers?.length ? 'all' : 'none'}`));

const EXPECTED_FILES = ['nuxt.config.ts', 'app/pages/login.vue', 'app/pages/dashboard.vue', 'app/middleware/auth.ts', 'server/api/auth/[...all].ts', 'lib/auth.ts', 'lib/api-client.ts', 'scripts/migrate.ts'];

typecheckSuite({
  title: 'nuxt projects typecheck (nuxt prepare + vue-tsc -b --noEmit, strict)',
  tmpPrefix: 'cbaj-typecheck-nuxt-',
  cases,
  expectedCount: 9,
  countDescription: 'every storage × http pair and every database × {no, all} providers',
  checkMatrix() {
    expect(covered.size).toBe(6);
  },
  concurrency: 4,
  write: (dir, c) => generateNuxtProject(dir, c.options),
  checkFiles(dir, c) {
    for (const file of EXPECTED_FILES) {
      expect(fs.existsSync(path.join(dir, file)), `${file} in ${dir}`).toBe(true);
    }
    const separate = (c.options.backend ?? 'nuxt') !== 'nuxt';
    expect(fs.existsSync(path.join(dir, 'server/api/users/me.get.ts'))).toBe(!separate);
    expect(fs.existsSync(path.join(dir, 'server/api/bff/[...path].ts'))).toBe(c.options.storage === 'cookie');
    expect(fs.existsSync(path.join(dir, 'lib/token-manager.ts'))).toBe(c.options.storage !== 'cookie');
    expect(fs.existsSync(path.join(dir, 'backend'))).toBe(separate);
  },
  check: {
    label: 'npm run typecheck',
    when: 'test',
    timeout: 240_000,
    run: (dir) => nuxtTypecheck(dir),
    // Guards against a vacuous pass: a type error in a page, a server route, lib/ (through the
    // server and the app) and scripts/ each fail the check. Planted in a copy of the first case.
    control: {
      title: 'a type error anywhere in the project fails the check',
      plant(copy) {
        const bad = "\nconst broken: number = 'not a number';\n";
        fs.appendFileSync(path.join(copy, 'server/api/users/me.get.ts'), bad);
        fs.appendFileSync(path.join(copy, 'scripts/migrate.ts'), bad);
        fs.appendFileSync(path.join(copy, 'lib/token-manager.ts'), bad);
        const page = path.join(copy, 'app/pages/dashboard.vue');
        fs.writeFileSync(page, fs.readFileSync(page, 'utf8').replace('</script>', `${bad}</script>`));
      },
      expect(result) {
        expect(result.ok).toBe(false);
        for (const file of ['server/api/users/me.get.ts', 'scripts/migrate.ts', 'lib/token-manager.ts', 'app/pages/dashboard.vue']) {
          expect(result.output).toContain(`${file}(`);
        }
      },
    },
  },
});
