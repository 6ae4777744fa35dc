// --framework react-vite on the command line: its defaults (the Hono auth server hosts the
// API; --backend express swaps in Express), the combinations it refuses with a reason, the reproduce round trip, and the CLI
// writing the project (re-running it with the same options changes nothing).
import { execa } from 'execa';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reproduceArgs } from '../../src/options/reproduce.js';
import { validateProjectOptions } from '../../src/options/validate.js';
import { diskTemplateStore } from '../../src/plan/disk-store.js';
import { FEATURES } from '../../src/plan/features.js';
import { plan } from '../../src/plan/plan.js';
import { PINNED_VERSIONS } from '../../src/versions.js';
import { BIN } from '../helpers/generate.js';
import { parseCreateArgs as parse, usageError } from '../helpers/parse-args.js';
import { fileTree } from '../helpers/tree.js';

describe('--framework react-vite options', () => {
  it('--yes takes the Hono auth server as the backend and memory storage', async () => {
    const r = await parse(['app', '--framework', 'react-vite', '--yes']);
    expect(r.options).toMatchObject({ framework: 'react-vite', backend: 'hono', storage: 'memory', http: 'fetch', db: 'sqlite' });
    const again = await parse(reproduceArgs(r.dir, r.answers));
    expect(again.options).toEqual(r.options);
  });

  it('local storage and axios are accepted', async () => {
    const r = await parse(['app', '--framework', 'react-vite', '--storage', 'local', '--http', 'axios', '--db', 'postgres', '--yes']);
    expect(r.options).toMatchObject({ framework: 'react-vite', backend: 'hono', storage: 'local', http: 'axios', db: 'postgres' });
  });

  it('--backend express makes Express the auth server, with no backend/ of its own', async () => {
    const r = await parse(['app', '--framework', 'react-vite', '--backend', 'express', '--yes']);
    expect(r.options).toMatchObject({ framework: 'react-vite', backend: 'express' });
    const p = plan(r.options, FEATURES, diskTemplateStore());
    const paths = p.files.map((f) => f.path);
    expect(paths).toContain('server/index.ts');
    expect(paths.some((f) => f.startsWith('backend/'))).toBe(false);
    const server = p.files.find((f) => f.path === 'server/index.ts')?.content ?? '';
    expect(server).toContain("from 'express'");
    expect(server).toContain('toNodeHandler(auth)');
    expect(p.dependencies).toMatchObject({ express: PINNED_VERSIONS.express, cors: PINNED_VERSIONS.cors });
    expect(p.dependencies).not.toHaveProperty('hono');
    expect(p.devDependencies).toMatchObject({ '@types/express': PINNED_VERSIONS['@types/express'] });
  });

  it('refuses cookie storage and separate backends, saying why', async () => {
    expect(await usageError(parse(['app', '--framework', 'react-vite', '--storage', 'cookie', '--yes']))).toBe(
      '--storage "cookie" cannot be combined with --framework react-vite (allowed: memory, local): cookie storage needs server-side code that mints the JWT (a backend-for-frontend); a Vite SPA keeps the token in the page',
    );
    for (const backend of ['next', 'fastify', 'fastapi', 'sveltekit']) {
      expect(await usageError(parse(['app', '--framework', 'react-vite', '--backend', backend, '--yes']))).toMatch(
        new RegExp(`^--backend "${backend}" cannot be combined with --framework react-vite \\(allowed: hono, express\\): the API lives in the auth server that hosts Better Auth \\(Hono or Express\\)$`),
      );
    }
    expect(() =>
      validateProjectOptions({ name: 'a', framework: 'react-vite', backend: 'hono', storage: 'cookie', providers: [], db: 'sqlite', http: 'fetch', pm: 'npm' }),
    ).toThrow(/--storage "cookie" cannot be combined with --framework react-vite/);
  });

  it('the CLI writes the project; a re-run with the same options changes nothing', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cbaj-rv-cli-'));
    const dir = path.join(root, 'rv-cli');
    const args = [BIN, dir, '--framework', 'react-vite', '--yes', '--no-install', '--no-git', '--pm', 'npm'];
    const env = { CI: '1', NO_COLOR: '1' };
    const first = await execa('node', args, { reject: false, all: true, env, stdin: 'ignore', timeout: 60_000 });
    expect(first.exitCode, first.all).toBe(0);
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { engines: { node: string }; scripts: Record<string, string> };
    expect(pkg.engines.node).toBe('>=20.19');
    expect(pkg.scripts).toMatchObject({ build: 'vite build', start: 'tsx server/index.ts', 'db:migrate': 'tsx scripts/migrate.ts' });
    for (const file of ['server/index.ts', 'src/App.tsx', 'lib/auth.ts', 'lib/verify-token.ts', 'vite.config.ts', '.env', '.env.example']) {
      expect(fs.existsSync(path.join(dir, file)), file).toBe(true);
    }
    expect(fs.existsSync(path.join(dir, 'backend'))).toBe(false);
    const snapshot = () => fileTree(dir);
    const before = snapshot();
    const again = await execa('node', [BIN, '--cwd', dir, '--yes', '--no-install', '--no-git'], { reject: false, all: true, env, stdin: 'ignore', timeout: 60_000 });
    expect(again.exitCode, again.all).toBe(0);
    expect(snapshot()).toEqual(before);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('refuses to put a react-vite project into an existing Next.js app (exit 2, nothing written)', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cbaj-rv-existing-'));
    const dir = path.join(root, 'app');
    fs.cpSync(path.join(path.dirname(BIN), '../test/fixtures/existing/next16'), dir, { recursive: true });
    const before = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
    const r = await execa('node', [BIN, '--cwd', dir, '--framework', 'react-vite', '--yes', '--no-install', '--no-git', '--force'], {
      reject: false,
      all: true,
      env: { CI: '1', NO_COLOR: '1' },
      stdin: 'ignore',
      timeout: 60_000,
    });
    expect(r.exitCode, r.all).toBe(2);
    expect(r.stderr).toContain('is a Next.js app: Better Auth + JWT is added to it with --framework next; --framework react-vite makes a new project');
    expect(fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()).toEqual(before);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
