// --framework sveltekit on the command line: its defaults (the API in the app's own server
// routes, --backend sveltekit), the combinations it refuses with a reason, the reproduce round
// trip, what the plan contains per storage/backend, and the CLI writing a project that passes
// `check env --strict` and `gen env --check` (re-running it changes nothing).
import { execa } from 'execa';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reproduceArgs } from '../../src/options/reproduce.js';
import { validateProjectOptions } from '../../src/options/validate.js';
import { PINNED_VERSIONS } from '../../src/versions.js';
import { BIN } from '../helpers/generate.js';
import { svelteKitPlan } from '../helpers/sveltekit-project.js';
import { parseCreateArgs as parse, usageError } from '../helpers/parse-args.js';
import { fileTree } from '../helpers/tree.js';

const cli = (args: string[]) =>
  execa('node', [BIN, ...args], { reject: false, all: true, env: { CI: '1', NO_COLOR: '1' }, stdin: 'ignore', timeout: 60_000 });

describe('--framework sveltekit options', () => {
  it('--yes puts the API in the app (--backend sveltekit) with memory storage; the reproduce command round-trips', async () => {
    const r = await parse(['app', '--framework', 'sveltekit', '--yes']);
    expect(r.options).toMatchObject({ framework: 'sveltekit', backend: 'sveltekit', storage: 'memory', http: 'fetch', db: 'sqlite', providers: [] });
    const args = reproduceArgs(r.dir, r.answers);
    expect(args.join(' ')).toContain('--framework sveltekit --backend sveltekit');
    expect((await parse(args)).options).toEqual(r.options);
  });

  it('accepts every storage and every separate backend', async () => {
    for (const storage of ['memory', 'cookie', 'local']) {
      for (const backend of ['sveltekit', 'express', 'hono', 'fastify', 'fastapi']) {
        const r = await parse(['app', '--framework', 'sveltekit', '--backend', backend, '--storage', storage, '--yes']);
        expect(r.options).toMatchObject({ framework: 'sveltekit', backend, storage });
      }
    }
  });

  it("refuses another framework's same-app backend, saying why", async () => {
    for (const backend of ['next', 'nuxt']) {
      expect(await usageError(parse(['app', '--framework', 'sveltekit', '--backend', backend, '--yes']))).toBe(
        `--backend "${backend}" cannot be combined with --framework sveltekit (allowed: sveltekit, express, hono, fastify, fastapi): the app's own server routes are --backend sveltekit`,
      );
    }
    expect(() =>
      validateProjectOptions({ name: 'a', framework: 'sveltekit', backend: 'next', storage: 'memory', providers: [], db: 'sqlite', http: 'fetch', pm: 'npm' }),
    ).toThrow(/--backend "next" cannot be combined with --framework sveltekit/);
    // And the other way round: a SvelteKit backend needs the SvelteKit app.
    expect(await usageError(parse(['app', '--framework', 'next', '--backend', 'sveltekit', '--yes']))).toMatch(/^--backend "sveltekit" cannot be combined with --framework next/);
  });

  it('the CLI exits 2 with one line for a refused combination and writes nothing', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cbaj-sk-refused-'));
    const r = await cli([path.join(root, 'app'), '--framework', 'sveltekit', '--backend', 'next', '--yes', '--no-install', '--no-git']);
    expect(r.exitCode, r.all).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('cannot be combined with --framework sveltekit');
    expect(fs.existsSync(path.join(root, 'app'))).toBe(false);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('plans the SvelteKit files per storage and backend, with pinned SvelteKit packages', () => {
    const paths = (p: ReturnType<typeof svelteKitPlan>) => p.files.map((f) => f.path);
    const memory = svelteKitPlan('app');
    expect(paths(memory)).toEqual(expect.arrayContaining(['src/hooks.server.ts', 'src/routes/api/users/me/+server.ts', 'lib/verify-token.ts', 'lib/token-manager.ts', 'scripts/start.js']));
    expect(paths(memory)).not.toContain('src/routes/api/bff/[...path]/+server.ts');
    expect(paths(memory).some((f) => f.startsWith('app/') || f.startsWith('backend/'))).toBe(false);
    expect(memory.devDependencies).toMatchObject({
      '@sveltejs/kit': PINNED_VERSIONS['@sveltejs/kit'],
      '@sveltejs/adapter-node': PINNED_VERSIONS['@sveltejs/adapter-node'],
      svelte: PINNED_VERSIONS.svelte,
      'svelte-check': PINNED_VERSIONS['svelte-check'],
    });
    expect(memory.dependencies).toMatchObject({ 'better-auth': PINNED_VERSIONS['better-auth'], 'better-sqlite3': PINNED_VERSIONS['better-sqlite3'] });
    const hooks = memory.files.find((f) => f.path === 'src/hooks.server.ts')?.content ?? '';
    expect(hooks).toContain('svelteKitHandler');

    const cookie = svelteKitPlan('app', { storage: 'cookie' });
    expect(paths(cookie)).toContain('src/routes/api/bff/[...path]/+server.ts');
    expect(paths(cookie)).not.toContain('lib/token-manager.ts');
    // Cookie mode: no script in the page can mint a JWT.
    expect(cookie.files.find((f) => f.path === 'lib/auth.ts')?.content).toContain("disabledPaths: ['/token']");
    expect(memory.files.find((f) => f.path === 'lib/auth.ts')?.content).not.toContain('disabledPaths');

    const express = svelteKitPlan('app', { backend: 'express' });
    expect(paths(express)).toEqual(expect.arrayContaining(['backend/src/server.ts', 'scripts/dev.mjs']));
    expect(paths(express)).not.toContain('src/routes/api/users/me/+server.ts');
    expect(express.files.find((f) => f.path === 'lib/api-client.ts')?.content).toContain("from '$env/dynamic/public'");
    expect(express.files.find((f) => f.path === 'scripts/dev.mjs')?.content).toContain("'vite dev --port 3000 --strictPort'");
    const expressBff = svelteKitPlan('app', { backend: 'express', storage: 'cookie' });
    expect(expressBff.files.find((f) => f.path === 'src/routes/api/bff/[...path]/+server.ts')?.content).toContain("from '$env/dynamic/private'");
  });

  it('the CLI writes a project that passes check env --strict and gen env --check; a re-run changes nothing', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cbaj-sk-cli-'));
    const dir = path.join(root, 'sk-cli');
    const first = await cli([dir, '--framework', 'sveltekit', '--yes', '--no-install', '--no-git', '--pm', 'npm']);
    expect(first.exitCode, first.all).toBe(0);
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { engines: { node: string }; type: string; scripts: Record<string, string> };
    expect(pkg.engines.node).toBe('>=20.19');
    expect(pkg.type).toBe('module');
    expect(pkg.scripts).toMatchObject({ dev: 'vite dev', build: 'vite build', start: 'node scripts/start.js', 'db:migrate': 'tsx scripts/migrate.ts' });
    expect(pkg.scripts.typecheck).toContain('svelte-check');
    expect(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8')).toMatch(/^\.svelte-kit\/$[\s\S]*^build\/$/m);
    expect(fs.readFileSync(path.join(dir, '.env'), 'utf8')).toMatch(/^ORIGIN=http:\/\/localhost:3000$/m);

    const check = await execa('node', [BIN, 'check', 'env', '--strict'], { cwd: dir, reject: false, all: true, env: { CI: '1', NO_COLOR: '1' }, timeout: 60_000 });
    expect(check.exitCode, check.all).toBe(0);
    const gen = await execa('node', [BIN, 'gen', 'env', '--check'], { cwd: dir, reject: false, all: true, env: { CI: '1', NO_COLOR: '1' }, timeout: 60_000 });
    expect(gen.exitCode, gen.all).toBe(0);

    const snapshot = () => fileTree(dir);
    const before = snapshot();
    const again = await cli(['--cwd', dir, '--yes', '--no-install', '--no-git']);
    expect(again.exitCode, again.all).toBe(0);
    expect(snapshot()).toEqual(before);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
