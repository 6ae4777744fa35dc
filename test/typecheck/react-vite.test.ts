// `--framework react-vite`: every storage (memory, local; cookie is rejected for this
// framework) × http × db (and the Express auth server's storage × http), with no providers and with all six, planned with the real features
// and written by the real writer, must pass the project's own strict `tsc --noEmit` — the
// SPA (src/, lib/ client code, vite.config.ts) and the Node auth server (server/, lib/auth.ts)
// in one program. Dependencies are the shared deps cache, linked in.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Database, HttpClient, Provider, Storage } from '../../src/options/choices.js';
import { writeReactViteProject } from '../helpers/react-vite-project.js';
import { typecheckSuite } from '../helpers/typecheck-suite.js';

const STORAGES: Storage[] = ['memory', 'local'];
const HTTPS: HttpClient[] = ['fetch', 'axios'];
const DBS: Database[] = ['sqlite', 'postgres', 'mysql'];
const ALL_PROVIDERS: Provider[] = ['apple', 'discord', 'github', 'gitlab', 'google', 'microsoft'];

const honoCases = STORAGES.flatMap((storage) =>
  HTTPS.flatMap((http) =>
    DBS.flatMap((db) =>
      [[], ALL_PROVIDERS].map((providers) => ({
        name: `react-vite storage=${storage} http=${http} db=${db} providers=${providers.length ? 'all' : 'none'}`,
        options: { storage, http, db, providers },
      })),
    ),
  ),
);
// The Express auth server: only server/index.ts differs from Hono, so its storage × http
// cases (which change the client code it is compiled with) suffice, one with every provider.
const expressCases = STORAGES.flatMap((storage) =>
  HTTPS.map((http) => ({
    name: `react-vite backend=express storage=${storage} http=${http}`,
    options: { backend: 'express' as const, storage, http, db: 'sqlite' as const, providers: storage === 'local' && http === 'axios' ? ALL_PROVIDERS : [] },
  })),
);
const cases = [...honoCases, ...expressCases];

/** Files every react-vite project must have; guards against a vacuous pass. */
const EXPECTED_FILES = [
  'tsconfig.json',
  'vite.config.ts',
  'index.html',
  'src/main.tsx',
  'src/App.tsx',
  'src/pages/DashboardPage.tsx',
  'lib/auth.ts',
  'lib/auth-client.ts',
  'lib/api-client.ts',
  'lib/token-manager.ts',
  'lib/verify-token.ts',
  'lib/db.ts',
  'server/index.ts',
  'scripts/migrate.ts',
];

typecheckSuite({
  title: 'react-vite projects typecheck (tsc --noEmit, strict)',
  tmpPrefix: 'cbaj-typecheck-rv-',
  cases,
  expectedCount: 28,
  countDescription: 'Hono: 2 storages × 2 http clients × 3 databases × 2 provider sets; Express: 2 storages × 2 http clients',
  // Written one at a time, as before: each project is planned and written in this process.
  concurrency: 1,
  write: (dir, c) => writeReactViteProject(dir, c.options),
  // The SPA, the client lib and the auth server: all three must be in the checked program.
  plantErrorIn: ['src/pages/DashboardPage.tsx', 'lib/api-client.ts', 'server/index.ts'],
  checkFiles(dir) {
    const missing = EXPECTED_FILES.filter((file) => !fs.existsSync(path.join(dir, file)));
    expect(missing, `expected files in ${dir}`).toEqual([]);
    // No Next.js file leaks in, and the browser bundle's only env names are VITE_ ones.
    expect(fs.existsSync(path.join(dir, 'proxy.ts')) || fs.existsSync(path.join(dir, 'app'))).toBe(false);
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe('>=20.19');
  },
});
