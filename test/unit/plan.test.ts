import { describe, expect, it } from 'vitest';
import { ENV_TABLE_END, ENV_TABLE_START, renderEnvTable } from '../../src/env/render.js';
import type { Feature } from '../../src/features/types.js';
import { buildTemplateContext } from '../../src/plan/context.js';
import { diskTemplateStore } from '../../src/plan/disk-store.js';
import { MANIFEST_FILE, hashContent, type Manifest } from '../../src/plan/manifest.js';
import { fileBytes, outputPath, plan, type Plan } from '../../src/plan/plan.js';
import { memoryTemplateStore } from '../../src/plan/templates.js';
import { PINNED_VERSIONS } from '../../src/versions.js';
import { DATABASES, HTTP_CLIENTS, PROVIDERS, STORAGES, type ProjectOptions } from '../../src/options/choices.js';
import { DEFAULT_OPTIONS, FAVICON, TEMPLATE_TREE, planSource, realSource, testPlan, writeTemplates } from './plan-fixture.js';

/**
 * What .env.example must say, read from its text (not re-rendered): each root variable assigned
 * once under a comment ending in (required)/(optional), generated secrets left empty, and
 * nothing else assigned.
 */
function expectEnvExampleDocuments(text: string, env: Plan['env']) {
  const lines = text.split('\n');
  const assigned = lines.filter((line) => /^[A-Z][A-Z0-9_]*=/.test(line));
  const root = env.filter((v) => (v.file ?? '.env') === '.env');
  expect(assigned.map((line) => line.slice(0, line.indexOf('='))).sort()).toEqual(root.map((v) => v.name).sort());
  for (const v of root) {
    const at = lines.findIndex((line) => line.startsWith(`${v.name}=`));
    let top = at;
    while (top > 0 && lines[top - 1]!.startsWith('# ') && !lines[top - 1]!.startsWith('# --- ')) top--;
    const description = top < at ? lines[top] : '(no comment)';
    expect(description, v.name).toMatch(v.required ? / \(required\)$/ : / \(optional\)$/);
    if (v.secret && v.generate) expect(lines[at], v.name).toBe(`${v.name}=`);
  }
}

function file(p: Plan, path: string): string {
  const f = p.files.find((x) => x.path === path);
  if (!f) throw new Error(`${path} not in plan (has ${p.files.map((x) => x.path).join(', ')})`);
  return f.content;
}

/** A compact, stable view for snapshots: every path with its hash, plus the key files. */
function snapshotView(p: Plan) {
  return {
    // The manifest embeds the CLI version; its content is checked in its own test.
    files: Object.fromEntries(p.files.map((f) => [f.path, f.path === MANIFEST_FILE ? '(manifest)' : hashContent(fileBytes(f)).slice(0, 19)])),
    packageJson: JSON.parse(file(p, 'package.json')),
    envExample: file(p, '.env.example'),
    auth: file(p, 'src/auth.ts'),
    env: p.env.map((v) => v.name),
    warnings: p.warnings,
    nextSteps: p.nextSteps,
  };
}

describe('plan()', () => {
  it('is deterministic: same options, same plan, files sorted', () => {
    const a = testPlan({ providers: ['github', 'google'], http: 'axios' });
    const b = testPlan({ providers: ['github', 'google'], http: 'axios' });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const paths = a.files.map((f) => f.path);
    expect(paths).toEqual([...paths].sort());
    // A second store over a fresh copy of the templates gives the same bytes too.
    const again = plan({ ...DEFAULT_OPTIONS, providers: ['github', 'google'], http: 'axios' }, planSource().features, diskTemplateStore(writeTemplates()));
    expect(JSON.stringify(again)).toBe(JSON.stringify(a));
  });

  const combos = {
    defaults: {},
    'cookie+axios+postgres+github,google': { storage: 'cookie', http: 'axios', db: 'postgres', providers: ['github', 'google'] },
    'local+mysql+pnpm+all providers': { storage: 'local', db: 'mysql', pm: 'pnpm', providers: ['apple', 'discord', 'github', 'gitlab', 'google', 'microsoft'] },
  } as const;
  for (const [name, options] of Object.entries(combos)) {
    it(`snapshot: ${name}`, () => {
      expect(snapshotView(testPlan(options as never))).toMatchSnapshot();
    });
  }

  it('renders .hbs (suffix dropped), copies other files verbatim, renames _gitignore', () => {
    const p = testPlan();
    const paths = p.files.map((f) => f.path);
    expect(paths).toContain('src/auth.ts');
    expect(paths).toContain('.gitignore');
    expect(paths.some((x) => x.endsWith('.hbs') || x.endsWith('_gitignore'))).toBe(false);
    const favicon = p.files.find((f) => f.path === 'public/favicon.ico');
    expect(favicon?.encoding).toBe('base64');
    expect(Buffer.from(fileBytes(favicon!)).equals(Buffer.from(FAVICON))).toBe(true);
    expect(outputPath('a/_gitignore.hbs')).toBe('a/.gitignore');
    expect(outputPath('x_gitignore')).toBe('x_gitignore');
  });

  it('a {{variable}} in a template path may name a file in a subfolder, never one outside the project', () => {
    expect(outputPath('{{sheet}}', { sheet: 'app/assets/main.css' })).toBe('app/assets/main.css');
    expect(outputPath('x/{{proxyFile}}.ts.hbs', { proxyFile: 'proxy' })).toBe('x/proxy.ts');
    for (const bad of ['../escape.css', 'a/../../b.css', '/etc/passwd', 'a//b.css', './a.css', 'a\\b.css', '']) {
      expect(() => outputPath('{{sheet}}', { sheet: bad }), bad).toThrow(/not a relative file path/);
    }
  });

  it('every framework gets the one shared stylesheet where its layout imports it', () => {
    const { features, templates } = realSource();
    const sheets = new Set<string>();
    for (const [framework, path, importer, importLine] of [
      ['next', 'app/globals.css', 'app/layout.tsx', "import './globals.css';"],
      ['react-vite', 'src/styles.css', 'src/main.tsx', "import './styles.css';"],
      ['sveltekit', 'src/app.css', 'src/routes/+layout.svelte', "import '../app.css';"],
      ['nuxt', 'app/assets/main.css', 'nuxt.config.ts', "css: ['~/assets/main.css'],"],
    ] as const) {
      const options = { ...DEFAULT_OPTIONS, framework, backend: framework === 'react-vite' ? 'hono' : framework } as ProjectOptions;
      const p = plan(options, features, templates);
      sheets.add(file(p, path));
      expect(file(p, importer), `${framework}: ${importer}`).toContain(importLine);
    }
    expect(sheets.size).toBe(1);
  });

  it('does not HTML-escape, and the helpers eq/ne/includes/and/or/not work', () => {
    expect(file(testPlan(), 'src/auth.ts')).toContain('// "<quotes> & stay" raw');
    expect(file(testPlan(), 'src/auth.ts')).toContain('// db: sqlite (file) none\n');
    expect(file(testPlan({ providers: ['github'], db: 'postgres' }), 'src/auth.ts')).toContain('// db: postgres github!\n');
    expect(file(testPlan({ providers: ['google'], http: 'axios' }), 'src/auth.ts')).toContain('// db: sqlite (file) extra\n');
    expect(file(testPlan({ storage: 'local' }), 'src/auth.ts')).toContain(' extra none');
  });

  it('a template that renders to nothing is left out', () => {
    expect(testPlan().files.some((f) => f.path === 'src/storage.ts')).toBe(false);
    expect(file(testPlan({ storage: 'local' }), 'src/storage.ts')).toContain('localStorage');
  });

  it('builds the template context: labels, env prefixes, pm commands', () => {
    const ctx = buildTemplateContext({ ...DEFAULT_OPTIONS, pm: 'bun', providers: ['apple', 'github', 'gitlab', 'microsoft'] });
    expect(ctx.providerList).toEqual([
      { id: 'apple', label: 'Apple', envPrefix: 'APPLE' },
      { id: 'github', label: 'GitHub', envPrefix: 'GITHUB' },
      { id: 'gitlab', label: 'GitLab', envPrefix: 'GITLAB' },
      { id: 'microsoft', label: 'Microsoft', envPrefix: 'MICROSOFT' },
    ]);
    expect(ctx.hasProviders).toBe(true);
    expect([ctx.run, ctx.installCommand]).toEqual(['bun run', 'bun install']);
    expect(buildTemplateContext({ ...DEFAULT_OPTIONS, pm: 'npm' }).run).toBe('npm run');
    expect(buildTemplateContext({ ...DEFAULT_OPTIONS, pm: 'pnpm' }).run).toBe('pnpm');
    expect(buildTemplateContext({ ...DEFAULT_OPTIONS, pm: 'yarn' }).installCommand).toBe('yarn install');
    expect(buildTemplateContext(DEFAULT_OPTIONS).hasProviders).toBe(false);
  });

  it('generates package.json with pinned, sorted dependencies, merged scripts and engines', () => {
    const pkg = JSON.parse(file(testPlan({ http: 'axios' }), 'package.json')) as Record<string, unknown> & {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(pkg.name).toBe('my-app');
    expect(pkg.version).toBe('0.1.0');
    expect(pkg.private).toBe(true);
    expect(pkg.engines).toEqual({ node: '>=20.19' });
    expect(pkg.scripts).toEqual({ dev: 'next dev', build: 'next build', 'db:migrate': 'tsx scripts/migrate.ts' });
    expect(Object.keys(pkg.dependencies)).toEqual(['axios', 'better-auth', 'better-sqlite3', 'kysely', 'next', 'react', 'react-dom']);
    for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      expect(version).toBe(PINNED_VERSIONS[name as keyof typeof PINNED_VERSIONS]);
    }
    // react is asked for as both: it stays a dependency only.
    expect(Object.keys(pkg.devDependencies)).toEqual(['@types/better-sqlite3', '@types/node', 'typescript']);
  });

  it('refuses an unpinned dependency', () => {
    const bad: Feature = { id: 'bad', applies: () => true, templateDirs: () => [], dependencies: () => ['left-pad' as never] };
    expect(() => plan(DEFAULT_OPTIONS, [bad], memoryTemplateStore({}))).toThrow(/left-pad.*no pinned version/);
  });

  it('a path written by two features is a bug', () => {
    const store = memoryTemplateStore({ one: { 'a.ts': 'x' }, two: { 'a.ts.hbs': 'y' } });
    const f = (id: string, dir: string): Feature => ({ id, applies: () => true, templateDirs: () => [dir] });
    expect(() => plan(DEFAULT_OPTIONS, [f('one', 'one'), f('two', 'two')], store)).toThrow(/a\.ts is written twice: by one .* and by two/);
    const gen = memoryTemplateStore({ one: { 'package.json': '{}' } });
    expect(() => plan(DEFAULT_OPTIONS, [f('one', 'one')], gen)).toThrow(/generates itself/);
    const env = memoryTemplateStore({ one: { '.env.hbs': 'X=1' } });
    expect(() => plan(DEFAULT_OPTIONS, [f('one', 'one')], env)).toThrow(/generates itself/);
  });

  it('conflicting scripts are a bug', () => {
    const f = (id: string, cmd: string): Feature => ({ id, applies: () => true, templateDirs: () => [], scripts: () => ({ dev: cmd }) });
    expect(() => plan(DEFAULT_OPTIONS, [f('a', 'next dev'), f('b', 'vite')], memoryTemplateStore({}))).toThrow(/script "dev"/);
  });

  it('strict templates: a misspelt variable fails, naming the template', () => {
    const store = memoryTemplateStore({ t: { 'x.ts.hbs': 'const a = {{nmae}};' } });
    expect(() => plan(DEFAULT_OPTIONS, [{ id: 'typo', applies: () => true, templateDirs: () => ['t'] }], store)).toThrow(/typo \(templates\/t\/x\.ts\.hbs\).*nmae/);
  });

  it('merges env variables (first declaration wins) into .env.example and the README table', () => {
    const p = testPlan({ providers: ['github'] });
    expect(p.env.map((v) => v.name)).toEqual(['BETTER_AUTH_SECRET', 'BETTER_AUTH_URL', 'DATABASE_URL', 'GITHUB_CLIENT_ID', 'GITHUB_CLIENT_SECRET']);
    expect(p.env.find((v) => v.name === 'BETTER_AUTH_URL')?.description).toBe('Public origin of the app');
    // The text itself, not renderEnvExample(p.env) again: that would only check the wiring.
    expect(file(p, '.env.example')).toBe(
      [
        '# Environment variables for this project.',
        '# Copy to .env and fill in. Regenerate this file with: npx create-better-auth-jwt gen env',
        '',
        '# --- Better Auth ---',
        '# Signs sessions and encrypts the JWKS private keys (required)',
        'BETTER_AUTH_SECRET=',
        '# Public origin of the app (required)',
        'BETTER_AUTH_URL=http://localhost:3000',
        '',
        '# --- Database ---',
        '# Database connection (required)',
        'DATABASE_URL=file:./dev.db',
        '',
        '# --- OAuth ---',
        '# github client id (required)',
        '# Callback: http://localhost:3000/api/auth/callback/github',
        'GITHUB_CLIENT_ID=your-client-id',
        '# github client secret (required)',
        'GITHUB_CLIENT_SECRET=',
        '',
      ].join('\n'),
    );
    const readme = file(p, 'README.md');
    expect(readme).toContain(renderEnvTable(p.env));
    expect(readme).toMatch(/^\| `GITHUB_CLIENT_SECRET` \| yes \|/m);
    expect(readme.split(ENV_TABLE_START)).toHaveLength(2);
    expect(readme.split(ENV_TABLE_END)).toHaveLength(2);
    expect(readme).toContain('Run `npm install` then `npm run dev`.');
    expect(readme.endsWith('More text kept as is.\n')).toBe(true);
  });

  it('without a README template, one is generated with the table', () => {
    const p = plan(DEFAULT_OPTIONS, [], memoryTemplateStore({}));
    expect(file(p, 'README.md')).toContain('# my-app');
    expect(file(p, 'README.md')).toContain(ENV_TABLE_START);
  });

  it('keeps .env out of git and .env.example in', () => {
    // The fixture's _gitignore has `.env*`, which would also hide .env.example.
    expect(file(testPlan(), '.gitignore')).toMatch(/\.env\*\n[\s\S]*!\.env\.example\n$/);
    const none = plan(DEFAULT_OPTIONS, [], memoryTemplateStore({}));
    expect(file(none, '.gitignore').split('\n')).toContain('.env');
    const lax = plan(DEFAULT_OPTIONS, [{ id: 'g', applies: () => true, templateDirs: () => ['g'] }], memoryTemplateStore({ g: { _gitignore: 'dist' } }));
    expect(file(lax, '.gitignore')).toMatch(/^dist\n\n# added by .*\n\.env\n$/);
  });

  it('never contains .env, and the manifest hashes every other generated file', () => {
    const p = testPlan({ providers: ['discord'] });
    expect(p.files.some((f) => f.path === '.env')).toBe(false);
    const manifest = JSON.parse(file(p, MANIFEST_FILE)) as Manifest;
    expect(manifest.version).toBe(1);
    expect(manifest.generator).toMatch(/^create-better-auth-jwt@\d+\.\d+\.\d+/);
    expect(manifest.options).toEqual(p.options);
    expect(manifest.env).toEqual({ declared: [] });
    const others = p.files.filter((f) => f.path !== MANIFEST_FILE);
    expect(Object.keys(manifest.files)).toEqual(others.map((f) => f.path));
    for (const f of others) expect(manifest.files[f.path]).toBe(hashContent(fileBytes(f)));
    expect(manifest.files[MANIFEST_FILE]).toBeUndefined();
  });

  it('collects warnings and next steps from the features that apply', () => {
    expect(testPlan({ storage: 'local' }).warnings).toEqual(['localStorage is readable by any XSS']);
    expect(testPlan().warnings).toEqual([]);
    expect(testPlan({ pm: 'pnpm' }).nextSteps).toEqual(['pnpm db:migrate', 'pnpm dev']);
  });

  it('the disk store lists template files sorted, with posix paths', () => {
    const store = diskTemplateStore(writeTemplates());
    expect(store.list('base')).toEqual(Object.keys(TEMPLATE_TREE.base!).sort());
    expect(() => store.list('nope')).toThrow(/does not exist/);
  });
});

describe('plan() with the real features and templates', () => {
  const combos: ProjectOptions[] = STORAGES.flatMap((storage) =>
    DATABASES.flatMap((db) =>
      HTTP_CLIENTS.flatMap((http) =>
        [[], [...PROVIDERS].sort()].map((providers) => ({ ...DEFAULT_OPTIONS, storage, db, http, providers: providers as ProjectOptions['providers'] })),
      ),
    ),
  );
  it(`plans all ${combos.length} storage × db × http × providers combinations deterministically, with the invariants`, () => {
    const { features, templates } = realSource();
    expect(features.length).toBeGreaterThan(0);
    for (const options of combos) {
      const p = plan(options, features, templates);
      expect(JSON.stringify(plan(options, features, templates))).toBe(JSON.stringify(p));
      const paths = p.files.map((f) => f.path);
      expect(paths).toEqual([...paths].sort());
      expect(paths).not.toContain('.env');
      expect(paths.filter((x) => x.endsWith('.hbs') || x.includes('_gitignore'))).toEqual([]);
      expectEnvExampleDocuments(file(p, '.env.example'), p.env);
      expect(file(p, 'README.md')).toContain(renderEnvTable(p.env));
      for (const v of p.env) expect(file(p, 'README.md')).toContain(`| \`${v.name}\` | ${v.required ? 'yes' : 'no'} |`);
      expect(file(p, '.gitignore').split('\n')).toContain('.env');
      expect(p.env.some((v) => v.name === 'BETTER_AUTH_SECRET' && v.secret && v.generate === 'secret')).toBe(true);
      const manifest = JSON.parse(file(p, MANIFEST_FILE)) as Manifest;
      expect(manifest.options).toEqual(options);
    }
  });
});
