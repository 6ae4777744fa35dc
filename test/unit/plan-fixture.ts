// A small feature list + templates folder for plan/writer tests: it exercises every plan
// rule (helpers, binary files, duplicates, env merging) independently of the real templates.
// realSource() gives the real FEATURES + templates/ for invariant checks over combinations.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { EnvVar } from '../../src/env/types.js';
import type { Feature } from '../../src/features/types.js';
import type { ProjectOptions } from '../../src/options/choices.js';
import { defaultProjectOptions } from '../../src/options/schema.js';
import { diskTemplateStore } from '../../src/plan/disk-store.js';
import { FEATURES } from '../../src/plan/features.js';
import { plan, type Plan } from '../../src/plan/plan.js';
import type { TemplateStore } from '../../src/plan/templates.js';

export const FAVICON = Uint8Array.from([0, 0, 1, 0, 0xff, 0xfe, 0x80, 0x81]);

export const TEMPLATE_TREE: Record<string, Record<string, string | Uint8Array>> = {
  base: {
    'README.md.hbs': '# {{name}}\n\nRun `{{installCommand}}` then `{{run}} dev`.\n\n<!-- env-table:start -->\n<!-- env-table:end -->\n\nMore text kept as is.\n',
    _gitignore: 'node_modules\n.next\n.env*\n',
    'public/favicon.ico': FAVICON,
    'src/auth.ts.hbs': [
      "import { betterAuth } from 'better-auth';",
      'export const auth = betterAuth({',
      '  socialProviders: {',
      '{{#each providerList}}    {{id}}: { clientId: process.env.{{envPrefix}}_CLIENT_ID!, clientSecret: process.env.{{envPrefix}}_CLIENT_SECRET! }, // {{label}}',
      '{{/each}}  },',
      "  // db: {{db}}{{#if (eq db 'sqlite')}} (file){{/if}}{{#if (and hasProviders (includes providers 'github'))}} github!{{/if}}{{#if (or (eq storage 'local') (ne http 'fetch'))}} extra{{/if}}{{#if (not hasProviders)}} none{{/if}}",
      '  // "<quotes> & stay" raw',
      '});',
      '',
    ].join('\n'),
  },
  'http-fetch': { 'src/api.ts.hbs': '// fetch client for {{name}}\nexport const api = fetch;\n' },
  'http-axios': { 'src/api.ts.hbs': "// axios client\nimport axios from 'axios';\nexport const api = axios.create();\n" },
  'storage-local': { 'src/storage.ts.hbs': "{{#if (eq storage 'local')}}export const storage = localStorage;\n{{/if}}" },
};

const SECRET_VAR: EnvVar = {
  name: 'BETTER_AUTH_SECRET',
  group: 'Better Auth',
  description: 'Signs sessions and encrypts the JWKS private keys',
  required: true,
  kind: 'secret',
  example: '',
  usedBy: ['backend'],
  secret: true,
  generate: 'secret',
};

const URL_VAR: EnvVar = {
  name: 'BETTER_AUTH_URL',
  group: 'Better Auth',
  description: 'Public origin of the app',
  required: true,
  kind: 'http-url',
  example: 'http://localhost:3000',
  localDefault: 'http://localhost:3000',
  usedBy: ['frontend', 'backend'],
  secret: false,
};

export const TEST_FEATURES: Feature[] = [
  {
    id: 'base',
    applies: () => true,
    templateDirs: () => ['base'],
    dependencies: () => ['react-dom', 'next', 'better-auth', 'react'],
    devDependencies: () => ['typescript', '@types/node', 'react'],
    scripts: () => ({ dev: 'next dev', build: 'next build' }),
    env: () => [SECRET_VAR, URL_VAR],
    nextSteps: (_o, ctx) => [`${ctx.run} db:migrate`, `${ctx.run} dev`],
  },
  {
    id: 'db',
    applies: () => true,
    templateDirs: () => [],
    dependencies: (o) => (o.db === 'sqlite' ? ['better-sqlite3', 'kysely'] : o.db === 'postgres' ? ['pg', 'kysely'] : ['mysql2', 'kysely']),
    devDependencies: (o) => (o.db === 'sqlite' ? ['@types/better-sqlite3'] : o.db === 'postgres' ? ['@types/pg'] : []),
    scripts: () => ({ 'db:migrate': 'tsx scripts/migrate.ts' }),
    env: (o) => [
      {
        name: 'DATABASE_URL',
        group: 'Database',
        description: 'Database connection',
        required: true,
        kind: 'string',
        example: o.db === 'sqlite' ? 'file:./dev.db' : `${o.db}://user:pass@localhost/app`,
        localDefault: o.db === 'sqlite' ? 'file:./dev.db' : '',
        usedBy: ['backend'],
        secret: false,
      },
      { ...URL_VAR, description: 'duplicate: first declaration wins' },
    ],
  },
  {
    id: 'http',
    applies: () => true,
    templateDirs: (o) => [`http-${o.http}`],
    dependencies: (o) => (o.http === 'axios' ? ['axios'] : []),
  },
  {
    id: 'storage-local',
    applies: () => true,
    templateDirs: () => ['storage-local'],
    warnings: (o) => (o.storage === 'local' ? ['localStorage is readable by any XSS'] : []),
  },
  {
    id: 'providers',
    applies: (o) => o.providers.length > 0,
    templateDirs: () => [],
    env: (o) =>
      o.providers.flatMap((p): EnvVar[] => [
        { name: `${p.toUpperCase()}_CLIENT_ID`, group: 'OAuth', description: `${p} client id`, required: true, kind: 'string', example: 'your-client-id', usedBy: ['backend'], secret: false, note: `Callback: http://localhost:3000/api/auth/callback/${p}` },
        { name: `${p.toUpperCase()}_CLIENT_SECRET`, group: 'OAuth', description: `${p} client secret`, required: true, kind: 'string', example: '', usedBy: ['backend'], secret: true },
      ]),
  },
];

export const DEFAULT_OPTIONS: ProjectOptions = defaultProjectOptions('my-app');

/** Write TEMPLATE_TREE (or another tree) to a temp folder. */
export function writeTemplates(tree = TEMPLATE_TREE): string {
  const root = mkdtempSync(join(tmpdir(), 'cbaj-templates-'));
  for (const [dir, files] of Object.entries(tree)) {
    for (const [file, content] of Object.entries(files)) {
      const path = join(root, dir, ...file.split('/'));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
  }
  return root;
}

let cached: { features: Feature[]; templates: TemplateStore } | undefined;

/** The features + templates the plan/writer tests run against. */
export function planSource(): { features: Feature[]; templates: TemplateStore } {
  cached ??= { features: TEST_FEATURES, templates: diskTemplateStore(writeTemplates()) };
  return cached;
}

export function testPlan(options: Partial<ProjectOptions> = {}): Plan {
  const { features, templates } = planSource();
  return plan({ ...DEFAULT_OPTIONS, ...options }, features, templates);
}

/** The features and templates the CLI really uses. */
export function realSource(): { features: readonly Feature[]; templates: TemplateStore } {
  return { features: FEATURES, templates: diskTemplateStore() };
}
