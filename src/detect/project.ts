// What is already in the target directory: nothing, a project of ours (it has the
// manifest), an existing app of a framework we support (its version, layout, import alias
// and package manager; src/existing-app), or something we do not support yet.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { detectExistingApp, type ExistingApp } from '../existing-app/index.js';
import { lockedVersion } from '../existing-app/locked-version.js';
import type { PackageManager } from '../options/choices.js';
import type { ProjectLayout } from '../plan/context.js';
import { MANIFEST_FILE, readManifest, type ProjectManifest } from '../plan/manifest.js';
import { majorOf } from '../writer/package-json.js';
import { parseJsonc } from './jsonc.js';

export interface NextApp {
  /** The version found ("16.0.1"), or the package.json range when nothing is installed or locked. */
  nextVersion: string;
  nextMajor: number;
  /** Where the version came from. */
  versionSource: 'node_modules' | string;
  layout: ProjectLayout;
  /** The alias was found in tsconfig.json (else "@/" is assumed and must be added there). */
  aliasFound: boolean;
  /** From the lockfile (or package.json "packageManager"). */
  pm?: PackageManager;
  pmSource?: string;
  /** package.json "name", if any. */
  packageName?: string;
  /** `app/` (App Router) exists; a Pages Router app gets an `app/` folder next to `pages/`. */
  appRouter: boolean;
  /** An existing middleware/proxy file (relative path), which we will not touch. */
  proxyFound?: string;
}

export type Target =
  | { kind: 'absent' }
  | { kind: 'empty' }
  | { kind: 'ours'; manifest: ProjectManifest }
  | { kind: 'next'; app: NextApp }
  /** An existing app of another framework supported by src/existing-app. */
  | { kind: 'app'; app: ExistingApp }
  /** A package.json without `next`: `found` names what it looks like. */
  | { kind: 'unsupported'; found: string }
  /** Files but no package.json. */
  | { kind: 'other' };

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

type PackageJson = { name?: unknown; dependencies?: Record<string, string>; devDependencies?: Record<string, string>; packageManager?: unknown };

const LOCKFILES: [string, PackageManager][] = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
  ['package-lock.json', 'npm'],
];

/** The package manager a lockfile (or package.json "packageManager") says the app uses. */
export function detectPackageManager(dir: string, pkg: PackageJson): { pm?: PackageManager; source?: string } {
  for (const [file, pm] of LOCKFILES) if (existsSync(path.join(dir, file))) return { pm, source: file };
  const declared = typeof pkg.packageManager === 'string' ? /^(npm|pnpm|yarn|bun)@/.exec(pkg.packageManager)?.[1] : undefined;
  return declared ? { pm: declared as PackageManager, source: 'package.json "packageManager"' } : {};
}

/** The exact `next` version from node_modules or a lockfile, with where it was found. */
function lockedNextVersion(dir: string): { version: string; source: string } | undefined {
  return lockedVersion(dir, 'next');
}

const LOOKALIKES: [string, string][] = [
  ['nuxt', 'a Nuxt app'],
  ['@sveltejs/kit', 'a SvelteKit app'],
  ['astro', 'an Astro site'],
  ['@remix-run/react', 'a Remix app'],
  ['@react-router/dev', 'a React Router app'],
  ['@angular/core', 'an Angular app'],
  ['gatsby', 'a Gatsby site'],
  ['react-scripts', 'a Create React App app'],
  ['vite', 'a Vite app'],
  ['express', 'an Express server'],
  ['hono', 'a Hono server'],
  ['fastify', 'a Fastify server'],
];

function lookalike(pkg: PackageJson): string {
  const deps = { ...pkg.dependencies, ...pkg.devDependencies };
  const hit = LOOKALIKES.find(([name]) => name in deps);
  return hit ? `${hit[1]} (package.json has ${hit[0]})` : 'a package.json without next';
}

/** The tsconfig alias whose target is the app code root ("./*" or "./src/*"), e.g. "~/". */
export function findAlias(tsconfig: unknown, srcDir: boolean): string | undefined {
  const options = (tsconfig as { compilerOptions?: { baseUrl?: unknown; paths?: unknown } } | undefined)?.compilerOptions;
  const paths = options?.paths;
  if (typeof paths !== 'object' || paths === null) return undefined;
  const baseUrl = typeof options?.baseUrl === 'string' ? options.baseUrl : '.';
  const want = srcDir ? 'src/*' : '*';
  const hits: string[] = [];
  for (const [key, targets] of Object.entries(paths as Record<string, unknown>)) {
    if (!key.endsWith('/*') || !Array.isArray(targets)) continue;
    if (targets.some((t) => typeof t === 'string' && path.posix.normalize(path.posix.join(baseUrl, t)) === want)) hits.push(key.slice(0, -1));
  }
  return hits.includes('@/') ? '@/' : hits.sort()[0];
}

const MODULE = /^(middleware|proxy)\.(?:[cm]?[jt]sx?)$/;

function detectNext(dir: string, pkg: PackageJson, range: string): NextApp {
  const locked = lockedNextVersion(dir);
  const nextVersion = locked?.version ?? range;
  const nextMajor = majorOf(nextVersion) ?? 16;
  const appRouter = isDir(path.join(dir, 'src/app')) || isDir(path.join(dir, 'app'));
  const srcDir = isDir(path.join(dir, 'src/app')) || (!isDir(path.join(dir, 'app')) && isDir(path.join(dir, 'src/pages')));
  const codeRoot = path.join(dir, srcDir ? 'src' : '');
  let proxyFound: string | undefined;
  let proxyFile: ProjectLayout['proxyFile'] = nextMajor >= 16 ? 'proxy' : 'middleware';
  try {
    // Prefer the name this Next.js version expects when both exist.
    const found = readdirSync(codeRoot).filter((n) => MODULE.test(n)).sort((a, b) => (a.startsWith(proxyFile) ? -1 : b.startsWith(proxyFile) ? 1 : 0));
    if (found[0]) {
      proxyFound = `${srcDir ? 'src/' : ''}${found[0]}`;
      proxyFile = MODULE.exec(found[0])?.[1] as ProjectLayout['proxyFile'];
    }
  } catch {
    // no code root yet
  }
  const tsconfigText = readText(path.join(dir, 'tsconfig.json'));
  const alias = tsconfigText === undefined ? undefined : findAlias(parseJsonc(tsconfigText), srcDir);
  const { pm, source } = detectPackageManager(dir, pkg);
  return {
    nextVersion,
    nextMajor,
    versionSource: locked?.source ?? 'package.json',
    layout: { srcDir, alias: alias ?? '@/', proxyFile },
    aliasFound: alias !== undefined,
    ...(pm ? { pm, pmSource: source } : {}),
    ...(typeof pkg.name === 'string' ? { packageName: pkg.name } : {}),
    appRouter,
    ...(proxyFound ? { proxyFound } : {}),
  };
}

export function inspectTarget(dir: string): Target {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) return { kind: 'other' };
    entries = readdirSync(dir);
  } catch {
    return { kind: 'absent' };
  }
  if (entries.length === 0) return { kind: 'empty' };
  if (entries.includes(MANIFEST_FILE)) {
    const manifest = readManifest(dir);
    if (manifest.status === 'ok') return { kind: 'ours', manifest: manifest.manifest };
    // An invalid manifest is reported by the writer with its problem.
    return { kind: 'other' };
  }
  const text = entries.includes('package.json') ? readText(path.join(dir, 'package.json')) : undefined;
  if (text === undefined) return { kind: 'other' };
  let pkg: PackageJson;
  try {
    pkg = JSON.parse(text.replace(/^\uFEFF/, '')) as PackageJson;
  } catch (error) {
    return { kind: 'unsupported', found: `a package.json that is not valid JSON (${(error as Error).message})` };
  }
  const range = pkg.dependencies?.next ?? pkg.devDependencies?.next;
  if (typeof range !== 'string') {
    const app = detectExistingApp(dir, pkg);
    return app ? { kind: 'app', app } : { kind: 'unsupported', found: lookalike(pkg) };
  }
  return { kind: 'next', app: detectNext(dir, pkg, range) };
}

/** One line for the user: what was found. */
export function describeNextApp(app: NextApp): string {
  const parts = [
    `Next.js ${app.nextVersion}${app.versionSource === 'package.json' ? ' (from package.json; not installed)' : ` (${app.versionSource})`}`,
    app.appRouter ? 'App Router' : 'no app/ folder yet (Pages Router?)',
    app.layout.srcDir ? 'code in src/' : 'code at the root',
    `alias ${app.layout.alias}*${app.aliasFound ? '' : ' (not in tsconfig.json: assumed)'}`,
    `route protection in ${app.proxyFound ?? `${app.layout.srcDir ? 'src/' : ''}${app.layout.proxyFile}.ts`}${app.proxyFound ? ' (yours)' : ''}`,
    app.pm ? `${app.pm} (${app.pmSource})` : 'no lockfile',
  ];
  return parts.join(', ');
}
