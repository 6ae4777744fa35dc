// The bundle renders templates from specs precompiled by scripts/precompile-templates.mjs;
// tests and tsc render them by compiling at run time. Both paths must give the same bytes,
// or the shipped CLI would generate something no test has seen.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildTemplateContext } from '../../src/plan/context.js';
import { diskTemplateStore, packageRoot } from '../../src/plan/disk-store.js';
import { createRenderer } from '../../src/plan/handlebars.js';
import { templateKey } from '../../src/plan/precompiled.js';
import { templatePartials } from '../../src/plan/templates.js';
import type { ProjectOptions } from '../../src/options/choices.js';
import { defaultProjectOptions } from '../../src/options/schema.js';
// @ts-expect-error: a plain .mjs build helper without type declarations
import { precompiledModuleSource } from '../../scripts/precompile-templates.mjs';

const TEMPLATES = join(packageRoot(), 'templates');

function hbsSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return hbsSources(path);
    return entry.name.endsWith('.hbs') ? [readFileSync(path, 'utf8')] : [];
  });
}

async function loadPrecompiled(): Promise<Record<string, unknown>> {
  const file = join(mkdtempSync(join(tmpdir(), 'cbaj-precompiled-')), 'precompiled.mjs');
  writeFileSync(file, (precompiledModuleSource as (root: string) => string)(TEMPLATES));
  return ((await import(pathToFileURL(file).href)) as { PRECOMPILED_TEMPLATES: Record<string, unknown> }).PRECOMPILED_TEMPLATES;
}

const BASE: ProjectOptions = defaultProjectOptions('my-app');

const CONTEXTS: Partial<ProjectOptions>[] = [
  {},
  { storage: 'cookie', http: 'axios', db: 'postgres', providers: ['apple', 'github'], backend: 'express' },
  { storage: 'local', db: 'mysql', pm: 'pnpm', backend: 'fastapi', providers: ['google'] },
];

describe('precompiled templates', () => {
  it('cover every .hbs template', async () => {
    const precompiled = await loadPrecompiled();
    const sources = hbsSources(TEMPLATES);
    expect(sources.length).toBeGreaterThan(5);
    for (const source of sources) expect(precompiled[templateKey(source)]).toBeDefined();
  });

  it('render exactly what compiling at run time renders', async () => {
    const precompiled = await loadPrecompiled();
    // The partials the templates include (templates/_partials), taken the same two ways.
    const partials = templatePartials(diskTemplateStore(TEMPLATES));
    const ahead = createRenderer(precompiled, partials);
    const atRunTime = createRenderer({}, partials);
    for (const overrides of CONTEXTS) {
      const context = buildTemplateContext({ ...BASE, ...overrides });
      for (const source of hbsSources(TEMPLATES)) expect(ahead(source, context)).toBe(atRunTime(source, context));
    }
  });

  it('a template edited after the build falls back to compiling it', async () => {
    const render = createRenderer(await loadPrecompiled());
    expect(render('hello {{name}} (edited)', buildTemplateContext(BASE))).toBe('hello my-app (edited)');
  });
});
