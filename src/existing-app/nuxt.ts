// An existing Nuxt 4 app (the minimal starter and the like): its version, source folder (app/),
// language and package manager. The generated code goes where it goes in a new project: pages,
// components and middleware in app/ (Nuxt 4's srcDir, alias ~/), the server routes in server/,
// the shared modules in lib/ imported as ~~/lib/... (Nuxt's own alias of the project root), so
// the layout is the default and no alias needs adding.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { detectPackageManager } from './package-manager.js';
import { DEFAULT_LAYOUT } from '../plan/layout.js';
import { majorOf } from '../writer/version-range.js';
import { lockedVersion } from './locked-version.js';
import { nuxtInstruction } from './nuxt-instructions.js';
import type { ExistingApp, ExistingAppSupport, PackageJson } from './types.js';

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function detect(dir: string, pkg: PackageJson): ExistingApp {
  const deps = { ...pkg.dependencies, ...pkg.devDependencies };
  const locked = lockedVersion(dir, 'nuxt');
  const version = locked?.version ?? deps.nuxt ?? '';
  const major = majorOf(version);
  const appDir = isDir(path.join(dir, 'app'));
  const { pm, source } = detectPackageManager(dir, pkg);
  const config = ['nuxt.config.ts', 'nuxt.config.js', 'nuxt.config.mjs'].find((f) => existsSync(path.join(dir, f)));
  const warnings: string[] = [];
  if (major !== undefined && major < 4) warnings.push(`Nuxt ${version} is older than the 4.x the generated code is written for`);
  if (!appDir) warnings.push("the app has no app/ folder (Nuxt 3's layout?): the generated pages go to app/, Nuxt 4's source folder");
  return {
    framework: 'nuxt',
    version,
    major,
    versionSource: locked?.source ?? 'package.json',
    layout: { ...DEFAULT_LAYOUT },
    aliasDescription: "Nuxt's ~/ (app/) and ~~/ (lib/ at the project root)",
    language: 'TypeScript',
    ...(pm ? { pm, pmSource: source } : {}),
    ...(typeof pkg.name === 'string' ? { packageName: pkg.name } : {}),
    details: [appDir ? 'source in app/' : 'no app/ folder', `config in ${config ?? 'no nuxt.config'}`],
    warnings,
  };
}

export const nuxtExistingApp: ExistingAppSupport = {
  framework: 'nuxt',
  matches: (deps) => typeof deps.nuxt === 'string',
  detect,
  leaveOut: () => [],
  instructionFor: nuxtInstruction,
};
