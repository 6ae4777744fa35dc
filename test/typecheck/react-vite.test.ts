// `--framework react-vite`: every storage (memory, local; cookie is rejected for this
// framework) × http × db, with no providers and with all six, planned with the real features
// and written by the real writer, must pass the project's own strict `tsc --noEmit` — the
// SPA (src/, lib/ client code, vite.config.ts) and the Node auth server (server/, lib/auth.ts)
// in one program. Dependencies are the shared deps cache, linked in.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database, HttpClient, Provider, Storage } from '../../src/options/choices.js';
import { ensureDepsCache, linkDeps } from '../helpers/deps-cache.js';
import { writeReactViteProject } from '../helpers/react-vite-project.js';
import { createTypechecker } from '../helpers/typecheck.js';

const STORAGES: Storage[] = ['memory', 'local'];
const HTTPS: HttpClient[] = ['fetch', 'axios'];
const DBS: Database[] = ['sqlite', 'postgres', 'mysql'];
const ALL_PROVIDERS: Provider[] = ['apple', 'discord', 'github', 'gitlab', 'google', 'microsoft'];

const cases = STORAGES.flatMap((storage) =>
  HTTPS.flatMap((http) =>
    DBS.flatMap((db) =>
      [[], ALL_PROVIDERS].map((providers) => ({
        name: `react-vite storage=${storage} http=${http} db=${db} providers=${providers.length ? 'all' : 'none'}`,
        options: { storage, http, db, providers },
      })),
    ),
  ),
);

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

let root = '';
let checker: ReturnType<typeof createTypechecker>;
const generated = new Map<string, { dir: string; error?: string }>();
let failures = 0;

beforeAll(async () => {
  const modules = await ensureDepsCache();
  checker = createTypechecker(modules);
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cbaj-typecheck-rv-'));
  for (const c of cases) {
    const dir = path.join(root, c.name.replace(/[= ]+/g, '-'));
    try {
      await writeReactViteProject(dir, c.options);
      await linkDeps(dir);
      generated.set(c.name, { dir });
    } catch (error) {
      generated.set(c.name, { dir, error: error instanceof Error ? error.message : String(error) });
    }
  }
}, 25 * 60_000);

afterAll(() => {
  if (root && failures === 0) fs.rmSync(root, { recursive: true, force: true });
  else if (root) console.log(`typecheck projects kept for inspection in ${root}`);
});

describe('react-vite projects typecheck (tsc --noEmit, strict)', () => {
  test('the matrix covers 2 storages × 2 http clients × 3 databases × 2 provider sets', () => {
    expect(cases).toHaveLength(24);
  });

  test('the real `tsc --noEmit` passes on the first combination too', async () => {
    const first = cases[0];
    const project = first && generated.get(first.name);
    if (!project || project.error) throw new Error(`not generated: ${project?.error ?? 'missing'}`);
    const tsc = await checker.runTsc(project.dir);
    expect(tsc.output).toBe('');
    expect(tsc.ok).toBe(true);
  }, 120_000);

  test.each(cases)('$name', async (c) => {
    failures++; // undone at the end when the case passes
    const project = generated.get(c.name);
    if (!project) throw new Error('the project was not generated');
    if (project.error) throw new Error(project.error);
    const { dir } = project;
    const missing = EXPECTED_FILES.filter((file) => !fs.existsSync(path.join(dir, file)));
    expect(missing, `expected files in ${dir}`).toEqual([]);
    // No Next.js file leaks in, and the browser bundle's only env names are VITE_ ones.
    expect(fs.existsSync(path.join(dir, 'proxy.ts')) || fs.existsSync(path.join(dir, 'app'))).toBe(false);
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe('>=20.19');

    const result = checker.check(dir);
    if (!result.ok) {
      const tsc = await checker.runTsc(dir);
      throw new Error(
        tsc.ok
          ? `in-process check failed but tsc passed (harness bug?) in ${dir}:\n${result.output}`
          : `tsc --noEmit -p ${dir} failed:\n${tsc.output}`,
      );
    }
    failures--;
  });
});
