// What a generated project declares for the package manager it is installed with: the
// dependencies allowed to run install scripts (pnpm and bun skip them otherwise, npm 11 warns
// and will block them), and the pins that must hold for dependencies of dependencies too (yarn
// would otherwise pick kysely 0.29, which needs Node 22). The install suite (test/pm/install)
// proves each manager reads these; this file checks what is written, for every combination.
import { describe, expect, it } from 'vitest';
import type { Framework, PackageManager, ProjectOptions } from '../../src/options/choices.js';
import { FRAMEWORKS, PACKAGE_MANAGERS } from '../../src/options/choices.js';
import { defaultProjectOptions } from '../../src/options/schema.js';
import { diskTemplateStore } from '../../src/plan/disk-store.js';
import { FEATURES } from '../../src/plan/features.js';
import { plan } from '../../src/plan/plan.js';
import { PINNED_VERSIONS } from '../../src/versions.js';
import { mergePackageJson } from '../../src/writer/package-json.js';

const BACKEND: Record<Framework, ProjectOptions['backend']> = { next: 'next', 'react-vite': 'hono', sveltekit: 'sveltekit', nuxt: 'nuxt' };

function generated(pm: PackageManager, overrides: Partial<ProjectOptions> = {}) {
  const options: ProjectOptions = { ...defaultProjectOptions('app'), pm, ...overrides };
  const p = plan(options, FEATURES, diskTemplateStore());
  const file = (path: string) => p.files.find((f) => f.path === path)?.content;
  return { packageJson: JSON.parse(file('package.json') as string) as Record<string, unknown>, file };
}

/** The few lines of pnpm-workspace.yaml we write, read back: `key:` sections of `name: value` or `- name` lines. */
function yamlSections(text: string): Record<string, Record<string, string> | string[]> {
  const sections: Record<string, Record<string, string> | string[]> = {};
  let current: string | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '');
    if (/^\s*(#|$)/.test(line)) continue;
    const top = /^([\w-]+):\s*$/.exec(line);
    if (top) {
      current = top[1] as string;
      continue;
    }
    const item = /^\s+-\s+'?([^']+?)'?$/.exec(line);
    const entry = /^\s+'?([^':]+?)'?:\s+'?([^']+?)'?$/.exec(line);
    if (current && item) ((sections[current] ??= []) as string[]).push(item[1] as string);
    else if (current && entry) ((sections[current] ??= {}) as Record<string, string>)[entry[1] as string] = entry[2] as string;
    else throw new Error(`unexpected line in pnpm-workspace.yaml: ${raw}`);
  }
  return sections;
}

const MANAGER_FIELDS = ['allowScripts', 'overrides', 'resolutions', 'trustedDependencies', 'pnpm'];

describe('the default project (Next.js, SQLite) declares what its package manager needs', () => {
  it('npm: allowScripts approves better-sqlite3 and esbuild; overrides hold kysely at its Node 20 pin', () => {
    const { packageJson, file } = generated('npm');
    expect(packageJson.allowScripts).toEqual({ 'better-sqlite3': true, esbuild: true });
    expect(packageJson.overrides).toEqual({ kysely: PINNED_VERSIONS.kysely });
    expect(Object.keys(packageJson).filter((k) => MANAGER_FIELDS.includes(k)).sort()).toEqual(['allowScripts', 'overrides']);
    expect(file('pnpm-workspace.yaml')).toBeUndefined();
  });

  it('pnpm: pnpm-workspace.yaml allows the builds for pnpm 10 (onlyBuiltDependencies) and 11+ (allowBuilds) and overrides kysely', () => {
    const { packageJson, file } = generated('pnpm');
    const workspace = file('pnpm-workspace.yaml');
    expect(workspace).toBeDefined();
    const yaml = yamlSections(workspace as string);
    expect(yaml.allowBuilds).toEqual({ 'better-sqlite3': 'true', esbuild: 'true' });
    expect(yaml.onlyBuiltDependencies).toEqual(['better-sqlite3', 'esbuild']);
    expect(yaml.overrides).toEqual({ kysely: PINNED_VERSIONS.kysely });
    // pnpm 11+ no longer reads package.json's "pnpm" field, and refuses to run with overrides in it.
    expect(Object.keys(packageJson).filter((k) => MANAGER_FIELDS.includes(k))).toEqual([]);
  });

  it('yarn classic: resolutions hold kysely (yarn enforces engines and would pick 0.29)', () => {
    const { packageJson, file } = generated('yarn');
    expect(packageJson.resolutions).toEqual({ kysely: PINNED_VERSIONS.kysely });
    expect(Object.keys(packageJson).filter((k) => MANAGER_FIELDS.includes(k))).toEqual(['resolutions']);
    expect(file('pnpm-workspace.yaml')).toBeUndefined();
    // Engines stay enforced where every dependency has a Node 20 release.
    expect(file('.yarnrc')).toBeUndefined();
  });

  it('bun: trustedDependencies list better-sqlite3 and esbuild, overrides hold kysely, and node-gyp is one that runs on Node 20', () => {
    const { packageJson } = generated('bun');
    expect(packageJson.trustedDependencies).toEqual(['better-sqlite3', 'esbuild']);
    expect(packageJson.overrides).toEqual({ kysely: PINNED_VERSIONS.kysely });
    // Without it bun builds better-sqlite3 (when no prebuilt binary is reachable) with
    // node-gyp@latest, which needs a newer Node than the project declares.
    expect((packageJson.devDependencies as Record<string, string>)['node-gyp']).toBe((PINNED_VERSIONS as Record<string, string>)['node-gyp']);
  });
});

describe('declarations follow the project', () => {
  it('without SQLite nothing native is allowed: only esbuild (tsx) runs its install script', () => {
    const { packageJson } = generated('npm', { db: 'postgres' });
    expect(packageJson.allowScripts).toEqual({ esbuild: true });
    expect(generated('bun', { db: 'postgres' }).packageJson.devDependencies).not.toHaveProperty('node-gyp');
  });

  it('Nuxt with yarn: a .yarnrc stops enforcing engines, naming the dependency with no Node 20 release and why; no other manager gets one', () => {
    const yarnrc = generated('yarn', { framework: 'nuxt', backend: 'nuxt' }).file('.yarnrc') ?? '';
    expect(yarnrc.split('\n').filter((line) => line && !line.startsWith('#'))).toEqual(['ignore-engines true']);
    expect(yarnrc).toContain('rollup-plugin-visualizer: needs Node 22');
    for (const pm of PACKAGE_MANAGERS.filter((m) => m !== 'yarn')) expect(generated(pm, { framework: 'nuxt', backend: 'nuxt' }).file('.yarnrc'), pm).toBeUndefined();
  });

  for (const framework of FRAMEWORKS) {
    it(`${framework}: every manager pins kysely transitively and allows every install script its tree has`, () => {
      for (const pm of PACKAGE_MANAGERS) {
        const { packageJson, file } = generated(pm, { framework, backend: BACKEND[framework] });
        const pins =
          pm === 'pnpm'
            ? (yamlSections(file('pnpm-workspace.yaml') as string).overrides as Record<string, string>)
            : ((pm === 'yarn' ? packageJson.resolutions : packageJson.overrides) as Record<string, string>);
        expect(pins, pm).toMatchObject({ kysely: PINNED_VERSIONS.kysely });
        if (pm === 'yarn') continue; // yarn classic runs every install script
        const allowed =
          pm === 'npm'
            ? Object.keys(packageJson.allowScripts as object)
            : pm === 'bun'
              ? (packageJson.trustedDependencies as string[])
              : Object.keys(yamlSections(file('pnpm-workspace.yaml') as string).allowBuilds ?? {});
        expect(allowed, pm).toEqual(['better-sqlite3', 'esbuild']);
      }
    });
  }
});

describe('an existing app (package.json merged, not replaced)', () => {
  const ours = (pm: PackageManager) => generated(pm).file('package.json') as string;

  it('gets our install-script approvals and transitive pins added next to its own', () => {
    const theirs = JSON.stringify({ name: 'shop', dependencies: { next: '16.4.6' }, trustedDependencies: ['sharp'], overrides: { lodash: '4.17.21' } }, null, 2);
    const merged = mergePackageJson(theirs, ours('bun'));
    const json = JSON.parse(merged?.content as string) as Record<string, unknown>;
    expect(json.trustedDependencies).toEqual(['sharp', 'better-sqlite3', 'esbuild']);
    expect(json.overrides).toEqual({ lodash: '4.17.21', kysely: PINNED_VERSIONS.kysely });
    expect(merged?.notes).toContain('package.json: added trustedDependencies better-sqlite3, esbuild');
    const npm = JSON.parse(mergePackageJson(theirs, ours('npm'))?.content as string) as Record<string, unknown>;
    expect(npm.allowScripts).toEqual({ 'better-sqlite3': true, esbuild: true });
  });

  it('keeps its own entries, and adds no override that would conflict with its direct dependency', () => {
    const theirs = JSON.stringify({ name: 'shop', dependencies: { next: '16.4.6', kysely: '^0.29.0' }, allowScripts: { esbuild: false } }, null, 2);
    const merged = mergePackageJson(theirs, ours('npm'));
    const json = JSON.parse(merged?.content as string) as Record<string, unknown>;
    expect(json.allowScripts).toEqual({ esbuild: false, 'better-sqlite3': true });
    expect(json.overrides).toBeUndefined();
    expect(merged?.warnings.join('\n')).toMatch(/kept your allowScripts "esbuild"/);
    expect(merged?.warnings.join('\n')).toMatch(/kysely \^0\.29\.0, so no overrides entry/);
  });
});

describe('a separate Node API in backend/ (installed on its own)', () => {
  it('declares its own install scripts: esbuild (tsx) for npm and bun in backend/package.json, for pnpm in backend/pnpm-workspace.yaml', () => {
    const backend = (pm: PackageManager) => generated(pm, { backend: 'express' });
    const npm = JSON.parse(backend('npm').file('backend/package.json') as string) as Record<string, unknown>;
    expect(npm.allowScripts).toEqual({ esbuild: true });
    const bun = JSON.parse(backend('bun').file('backend/package.json') as string) as Record<string, unknown>;
    expect(bun.trustedDependencies).toEqual(['esbuild']);
    expect(bun.devDependencies).not.toHaveProperty('node-gyp');
    const pnpm = backend('pnpm');
    expect(yamlSections(pnpm.file('backend/pnpm-workspace.yaml') as string).allowBuilds).toEqual({ esbuild: 'true' });
    expect(backend('yarn').file('backend/package.json')).not.toMatch(/allowScripts|trustedDependencies/);
  });
});
