// An existing SvelteKit 2 app (`sv create`, older apps with svelte.config.js): its version,
// config file, adapter, alias, TypeScript or JSDoc, hooks file and package manager.
//
// Where the generated code goes: SvelteKit resolves only its own aliases (`$lib` → src/lib,
// plus kit.alias), never tsconfig paths, and its config is the app's, so we cannot add one.
// An app whose kit.alias maps a name to the project root or to src/ gets imports through that
// name; any other app gets the shared modules in src/lib/, imported as `$lib/...` (layout
// alias "$": templates write `{{alias}}lib/auth` → `$lib/auth`).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { detectPackageManager } from './package-manager.js';
import { majorOf } from '../writer/version-range.js';
import { lockedVersion } from './locked-version.js';
import { svelteKitInstruction } from './sveltekit-instructions.js';
import type { ExistingApp, ExistingAppSupport, PackageJson } from './types.js';

const CONFIG_FILES = ['svelte.config.js', 'svelte.config.ts', 'svelte.config.mjs', 'vite.config.ts', 'vite.config.js', 'vite.config.mts', 'vite.config.mjs'];
const HOOKS_FILES = ['src/hooks.server.ts', 'src/hooks.server.js'];

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** A kit.alias entry (in svelte.config.* or vite.config.*) whose target is the project root or src/. */
export function findKitAlias(configText: string): { name: string; srcDir: boolean } | undefined {
  const block = /\balias\s*:\s*\{([^}]*)\}/.exec(configText)?.[1];
  if (!block) return undefined;
  const hits: { name: string; srcDir: boolean }[] = [];
  for (const m of block.matchAll(/(['"]?)([\w@$~#-]+)\1\s*:\s*(['"])([^'"]*)\3/g)) {
    const target = path.posix.normalize(m[4] as string).replace(/\/$/, '');
    if (target === '.' || target === 'src') hits.push({ name: m[2] as string, srcDir: target === 'src' });
  }
  return hits.find((h) => h.name === '@') ?? hits[0];
}

/** The files, in the order SvelteKit reads them, that configure the app. */
function configFiles(dir: string): string[] {
  return CONFIG_FILES.filter((f) => existsSync(path.join(dir, f)));
}

function detect(dir: string, pkg: PackageJson): ExistingApp {
  const deps = { ...pkg.dependencies, ...pkg.devDependencies };
  const locked = lockedVersion(dir, '@sveltejs/kit');
  const version = locked?.version ?? deps['@sveltejs/kit'] ?? '';
  const major = majorOf(version);
  const configs = configFiles(dir);
  let alias: { name: string; srcDir: boolean } | undefined;
  for (const file of configs) alias ??= findKitAlias(readText(path.join(dir, file)) ?? '');
  const layout = alias ? { srcDir: alias.srcDir, alias: `${alias.name}/`, proxyFile: 'proxy' as const } : { srcDir: true, alias: '$', proxyFile: 'proxy' as const };
  const aliasDescription = alias ? `kit.alias ${alias.name} (${alias.srcDir ? 'src/' : 'the project root'})` : '$lib (shared modules in src/lib/)';
  const jsdoc = !existsSync(path.join(dir, 'tsconfig.json')) && existsSync(path.join(dir, 'jsconfig.json'));
  const adapter = Object.keys(deps).find((d) => d.startsWith('@sveltejs/adapter-'));
  const hooks = HOOKS_FILES.find((f) => existsSync(path.join(dir, f)));
  const { pm, source } = detectPackageManager(dir, pkg);
  const warnings: string[] = [];
  if (major !== undefined && major < 2) warnings.push(`SvelteKit ${version} is older than the 2.x the generated code is written for`);
  if (jsdoc) warnings.push('the app uses JSDoc (jsconfig.json); the generated code is TypeScript, so a tsconfig.json is added for it (SvelteKit compiles both)');
  return {
    framework: 'sveltekit',
    version,
    major,
    versionSource: locked?.source ?? 'package.json',
    layout,
    aliasDescription,
    language: jsdoc ? 'JSDoc' : 'TypeScript',
    ...(pm ? { pm, pmSource: source } : {}),
    ...(typeof pkg.name === 'string' ? { packageName: pkg.name } : {}),
    details: [
      `config in ${configs.find((f) => f.startsWith('svelte.config')) ?? configs[0] ?? 'no config file'}`,
      adapter ? adapter.replace('@sveltejs/', '') : 'no adapter',
      hooks ? `hooks in ${hooks} (yours)` : 'no hooks file',
    ],
    warnings,
  };
}

export const svelteKitExistingApp: ExistingAppSupport = {
  framework: 'sveltekit',
  matches: (deps) => typeof deps['@sveltejs/kit'] === 'string',
  detect,
  // The app's config stays the only one: our svelte.config.js (adapter-node, alias "@")
  // would compete with it (sv 0.17 apps configure kit in vite.config.ts). Its favicon stays its own.
  leaveOut: () => ['svelte.config.js', 'static/favicon.svg'],
  instructionFor: svelteKitInstruction,
};
