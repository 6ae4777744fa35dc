// --framework nuxt on the command line: its defaults (the API in Nuxt's own server routes),
// the combinations it refuses with a reason, the separate backends and cookie mode it accepts,
// the reproduce round trip, and the CLI writing a project that passes `check env --strict`
// and `gen env --check` (a re-run with the same options changes nothing).
import { execa } from 'execa';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reproduceArgs } from '../../src/options/reproduce.js';
import { diskTemplateStore } from '../../src/plan/disk-store.js';
import { FEATURES } from '../../src/plan/features.js';
import { plan } from '../../src/plan/plan.js';
import { PINNED_VERSIONS } from '../../src/versions.js';
import { BIN } from '../helpers/generate.js';
import { parseCreateArgs as parse, usageError } from '../helpers/parse-args.js';
import { fileTree } from '../helpers/tree.js';

const CLI_ENV = { CI: '1', NO_COLOR: '1' };

describe('--framework nuxt options', () => {
  it('--yes puts the API in the Nuxt app (backend nuxt) with memory storage, and round-trips', async () => {
    const r = await parse(['app', '--framework', 'nuxt', '--yes']);
    expect(r.options).toMatchObject({ framework: 'nuxt', backend: 'nuxt', storage: 'memory', http: 'fetch', db: 'sqlite' });
    const again = await parse(reproduceArgs(r.dir, r.answers));
    expect(again.options).toEqual(r.options);
  });

  it('refuses another framework\'s server routes as the backend, saying why', async () => {
    for (const backend of ['next', 'sveltekit']) {
      expect(await usageError(parse(['app', '--framework', 'nuxt', '--backend', backend, '--yes']))).toBe(
        `--backend "${backend}" cannot be combined with --framework nuxt (allowed: nuxt, express, hono, fastify, fastapi): the app's own server routes are --backend nuxt`,
      );
    }
  });

  it('--backend nuxt belongs to --framework nuxt', async () => {
    expect(await usageError(parse(['app', '--framework', 'next', '--backend', 'nuxt', '--yes']))).toMatch(/^--backend "nuxt" cannot be combined with --framework next/);
  });

  it('plans the Nuxt app: pinned Nuxt deps, Node >=20.19, ESM, the protected route in server/api', async () => {
    const r = await parse(['app', '--framework', 'nuxt', '--yes']);
    const p = plan(r.options, FEATURES, diskTemplateStore());
    const paths = p.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['nuxt.config.ts', 'app/pages/login.vue', 'app/middleware/auth.ts', 'server/api/auth/[...all].ts', 'server/api/users/me.get.ts', 'lib/verify-token.ts', 'lib/token-manager.ts']));
    expect(paths.some((f) => f.startsWith('backend/') || f.startsWith('server/api/bff/') || f === 'proxy.ts')).toBe(false);
    expect(p.dependencies).toMatchObject({ nuxt: PINNED_VERSIONS.nuxt, vue: PINNED_VERSIONS.vue, 'vue-router': PINNED_VERSIONS['vue-router'], 'better-auth': PINNED_VERSIONS['better-auth'] });
    expect(p.devDependencies).toMatchObject({ 'vue-tsc': PINNED_VERSIONS['vue-tsc'], typescript: PINNED_VERSIONS.typescript });
    const pkg = JSON.parse(p.files.find((f) => f.path === 'package.json')?.content ?? '{}') as Record<string, unknown>;
    expect(pkg).toMatchObject({ type: 'module', engines: { node: '>=20.19' } });
    expect(p.scripts).toMatchObject({ dev: 'nuxt dev --port 3000', build: 'nuxt build', start: 'node scripts/start.mjs' });
    // No public API URL: the browser calls this app's own routes.
    expect(p.env.map((v) => v.name)).not.toContain('NUXT_PUBLIC_API_URL');
    expect(p.files.find((f) => f.path === 'nuxt.config.ts')?.content).not.toContain('runtimeConfig');
  });

  it('cookie storage adds the BFF route and closes /api/auth/token; no token manager', async () => {
    const r = await parse(['app', '--framework', 'nuxt', '--storage', 'cookie', '--http', 'axios', '--yes']);
    const p = plan(r.options, FEATURES, diskTemplateStore());
    const file = (name: string) => p.files.find((f) => f.path === name)?.content ?? '';
    expect(file('server/api/bff/[...path].ts')).toContain('auth.api.getToken');
    expect(file('lib/auth.ts')).toContain("disabledPaths: ['/token']");
    expect(p.files.some((f) => f.path === 'lib/token-manager.ts')).toBe(false);
  });

  it('a separate backend: backend/, the dev runner starting nuxt dev on :3000, NUXT_PUBLIC_API_URL from runtimeConfig', async () => {
    const r = await parse(['app', '--framework', 'nuxt', '--backend', 'express', '--yes']);
    expect(r.options).toMatchObject({ framework: 'nuxt', backend: 'express' });
    const p = plan(r.options, FEATURES, diskTemplateStore());
    const file = (name: string) => p.files.find((f) => f.path === name)?.content ?? '';
    expect(file('backend/src/server.ts')).toContain("from 'express'");
    expect(p.files.some((f) => f.path === 'server/api/users/me.get.ts')).toBe(false);
    expect(p.scripts).toMatchObject({ dev: 'node scripts/dev.mjs', 'dev:web': 'nuxt dev --port 3000' });
    expect(file('scripts/dev.mjs')).toContain("'nuxt dev --port 3000'");
    expect(file('nuxt.config.ts')).toContain("public: { apiUrl: '' }");
    expect(file('lib/api-client.ts')).toContain('useRuntimeConfig().public.apiUrl');
    expect(p.env.find((v) => v.name === 'NUXT_PUBLIC_API_URL')).toMatchObject({ usedBy: ['frontend'], secret: false });
  });

  it('the CLI writes a project that passes check env --strict and gen env --check; a re-run changes nothing', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cbaj-nuxt-cli-'));
    try {
      for (const extra of [[], ['--backend', 'fastify', '--storage', 'cookie'], ['--backend', 'hono', '--storage', 'local', '--http', 'axios']]) {
        const dir = path.join(root, `nuxt-${extra.join('-') || 'default'}`);
        const first = await execa('node', [BIN, dir, '--framework', 'nuxt', ...extra, '--yes', '--no-install', '--no-git', '--pm', 'npm'], { reject: false, all: true, env: CLI_ENV, stdin: 'ignore', timeout: 60_000 });
        expect(first.exitCode, first.all).toBe(0);
        for (const file of ['nuxt.config.ts', 'app/pages/dashboard.vue', 'lib/auth.ts', '.env', '.env.example', '.gitignore', 'README.md']) {
          expect(fs.existsSync(path.join(dir, file)), file).toBe(true);
        }
        expect(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8')).toMatch(/^\.nuxt\/$[\s\S]*^\.output\/$/m);
        expect(fs.readFileSync(path.join(dir, 'README.md'), 'utf8')).toMatch(/<!-- env-table:start -->\n\|[\s\S]*BETTER_AUTH_SECRET[\s\S]*<!-- env-table:end -->/);

        const check = await execa('node', [BIN, 'check', 'env', '--strict'], { cwd: dir, reject: false, all: true, env: CLI_ENV, stdin: 'ignore', timeout: 60_000 });
        expect(check.exitCode, check.all).toBe(0);
        const gen = await execa('node', [BIN, 'gen', 'env', '--check'], { cwd: dir, reject: false, all: true, env: CLI_ENV, stdin: 'ignore', timeout: 60_000 });
        expect(gen.exitCode, gen.all).toBe(0);

        const snapshot = () => fileTree(dir);
        const before = snapshot();
        const again = await execa('node', [BIN, '--cwd', dir, '--yes', '--no-install', '--no-git'], { reject: false, all: true, env: CLI_ENV, stdin: 'ignore', timeout: 60_000 });
        expect(again.exitCode, again.all).toBe(0);
        expect(snapshot()).toEqual(before);
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
