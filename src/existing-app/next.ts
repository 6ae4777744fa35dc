// An existing Next.js app (App Router, or Pages Router that gets an app/ folder): its version,
// src/ layout, tsconfig alias, route-protection file (middleware or proxy) and package manager.
//
// Where the generated code goes: the app's code root (src/ or the project root), imported
// through its tsconfig alias ("@/" assumed when it has none); the route protection goes into
// the file name this Next.js version expects, or the app's own such file is left alone.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseJsonc } from '../detect/jsonc.js';
import type { ProjectLayout } from '../plan/layout.js';
import { majorOf } from '../writer/version-range.js';
import { lockedVersion } from './locked-version.js';
import { nextInstruction } from './next-instructions.js';
import { detectPackageManager } from './package-manager.js';
import { findAlias } from './tsconfig-alias.js';
import type { ExistingApp, ExistingAppSupport, PackageJson } from './types.js';

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

const MODULE = /^(middleware|proxy)\.(?:[cm]?[jt]sx?)$/;

function range(pkg: PackageJson): string | undefined {
  return pkg.dependencies?.next ?? pkg.devDependencies?.next;
}

function detect(dir: string, pkg: PackageJson): ExistingApp {
  const locked = lockedVersion(dir, 'next');
  const version = locked?.version ?? (range(pkg) as string);
  const major = majorOf(version) ?? 16;
  const appRouter = isDir(path.join(dir, 'src/app')) || isDir(path.join(dir, 'app'));
  const srcDir = isDir(path.join(dir, 'src/app')) || (!isDir(path.join(dir, 'app')) && isDir(path.join(dir, 'src/pages')));
  const codeRoot = path.join(dir, srcDir ? 'src' : '');
  let proxyFound: string | undefined;
  let proxyFile: ProjectLayout['proxyFile'] = major >= 16 ? 'proxy' : 'middleware';
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
  const layout = { srcDir, alias: alias ?? '@/', proxyFile };
  const warnings: string[] = [];
  if (major < 15) warnings.push(`Next.js ${version} is older than the 15 and 16 the generated code is written for`);
  if (alias === undefined) warnings.push(`tsconfig.json has no path alias for the app code; the generated imports use ${layout.alias} (see the tsconfig.json lines below)`);
  return {
    framework: 'next',
    version,
    major,
    versionSource: locked?.source ?? 'package.json',
    layout,
    aliasDescription: `${layout.alias}* (${alias === undefined ? 'not in tsconfig.json: assumed' : 'tsconfig.json'})`,
    language: 'TypeScript',
    ...(pm ? { pm, pmSource: source } : {}),
    ...(typeof pkg.name === 'string' ? { packageName: pkg.name } : {}),
    details: [
      appRouter ? 'App Router' : 'no app/ folder yet (Pages Router?)',
      srcDir ? 'code in src/' : 'code at the root',
      proxyFound ? `route protection in ${proxyFound} (yours)` : `route protection in ${srcDir ? 'src/' : ''}${proxyFile}.ts`,
    ],
    warnings,
  };
}

export const nextExistingApp: ExistingAppSupport = {
  framework: 'next',
  matches: (deps) => typeof deps.next === 'string',
  detect,
  frameworkPackages: ['next', 'react', 'react-dom', '@types/react', '@types/react-dom'],
  leaveOut: () => [],
  instructionFor: nextInstruction,
};
