// No dependency of a generated project may need a newer Node than the project declares:
// yarn refuses to install it, and npm, pnpm and bun install it and fail later. Each project's
// package.json (as planned) is resolved by npm (`--package-lock-only`: no download, no
// scripts; npm honours the project's overrides) and every package's engines.node in the
// lockfile is checked against the project's own. The install suite (test/pm/install) checks
// pnpm's, yarn's and bun's resolution of the default project the same way.
import { execa } from 'execa';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProjectOptions } from '../../src/options/choices.js';
import { defaultProjectOptions } from '../../src/options/schema.js';
import { diskTemplateStore } from '../../src/plan/disk-store.js';
import { engineExceptions } from '../../src/plan/package-managers.js';
import { FEATURES } from '../../src/plan/features.js';
import { plan } from '../../src/plan/plan.js';
import { nodeRequirementViolations, type InstalledPackage } from './engines.js';
import { declaredMinimum } from './node-range.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

/** Every package npm resolves for the planned `<dir>/package.json`, with its engines.node. */
async function resolvedByNpm(options: Partial<ProjectOptions>, dir: string): Promise<{ engines: string; packages: InstalledPackage[] }> {
  const p = plan({ ...defaultProjectOptions('app'), pm: 'npm', ...options }, FEATURES, diskTemplateStore());
  const file = p.files.find((f) => f.path === (dir === '.' ? 'package.json' : `${dir}/package.json`));
  if (!file) throw new Error(`no ${dir}/package.json planned`);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cbaj-engines-'));
  roots.push(root);
  fs.writeFileSync(path.join(root, 'package.json'), file.content);
  await execa('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: root,
    timeout: 5 * 60_000,
    env: { npm_config_update_notifier: 'false' },
  });
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { name?: string; version?: string; engines?: unknown }> };
  const packages = Object.entries(lock.packages)
    .filter(([key]) => key !== '')
    .map(([key, entry]) => {
      const engines = entry.engines as { node?: unknown } | undefined;
      return { name: entry.name ?? key.split('node_modules/').at(-1) ?? key, version: entry.version ?? '?', ...(typeof engines?.node === 'string' ? { engines: engines.node } : {}) };
    });
  return { engines: (JSON.parse(file.content) as { engines: { node: string } }).engines.node, packages };
}

const PROJECTS: { label: string; options: Partial<ProjectOptions>; dir: string; known?: string[] }[] = [
  { label: 'the default project (Next.js, SQLite)', options: {}, dir: '.' },
  { label: 'React + Vite (Hono auth server)', options: { framework: 'react-vite', backend: 'hono' }, dir: '.' },
  { label: 'SvelteKit', options: { framework: 'sveltekit', backend: 'sveltekit' }, dir: '.' },
  // The declared exceptions (ENGINE_EXCEPTIONS: no release runs on Node 20) are allowed; any other drift fails.
  { label: 'Nuxt', options: { framework: 'nuxt', backend: 'nuxt' }, dir: '.', known: Object.keys(engineExceptions(['nuxt'])) },
  // fastify 5.12 → light-my-request 6.8 asks for cookie ^2, which declares Node >=22.
  { label: 'the Fastify API in backend/', options: { backend: 'fastify' }, dir: 'backend' },
];

describe('engines of the resolved dependency tree', () => {
  for (const project of PROJECTS) {
    it(`${project.label}: no package in its tree needs a newer Node than its engines.node`, async () => {
      const { engines, packages } = await resolvedByNpm(project.options, project.dir);
      expect(packages.length).toBeGreaterThan(20);
      const violations = nodeRequirementViolations(packages, declaredMinimum(engines)).filter((v) => !project.known?.some((k) => v.startsWith(`${k}@`)));
      expect(violations.join('\n'), `engines.node ${engines}`).toBe('');
    }, 6 * 60_000);
  }
});
