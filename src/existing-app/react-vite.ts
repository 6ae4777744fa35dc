// An existing React + Vite app (create-vite's react-ts and the like, with or without
// react-router): its Vite and React versions, language, router and package manager.
//
// Where the generated code goes: lib/ and the auth server in server/ as in a new project; the
// sign-in UI (pages, router, our App.tsx as AuthRoutes.tsx, the stylesheet) in auth-ui/ rather
// than src/, so the app's own `tsc -b` passes until it imports them (react-vite-layout.ts says
// why). All of it imports itself by relative paths, so no alias is needed.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { detectPackageManager } from './package-manager.js';
import { DEFAULT_LAYOUT } from '../plan/layout.js';
import { majorOf } from '../writer/version-range.js';
import { lockedVersion } from './locked-version.js';
import { reactViteInstruction } from './react-vite-instructions.js';
import { REACT_VITE_MOVES } from './react-vite-layout.js';
import type { ExistingApp, ExistingAppSupport, PackageJson } from './types.js';

const ROUTERS = ['react-router', 'react-router-dom'];

function detect(dir: string, pkg: PackageJson): ExistingApp {
  const deps = { ...pkg.dependencies, ...pkg.devDependencies };
  const locked = lockedVersion(dir, 'vite');
  const version = locked?.version ?? deps.vite ?? '';
  const react = lockedVersion(dir, 'react')?.version ?? deps.react;
  const router = ROUTERS.find((r) => typeof deps[r] === 'string');
  const routerVersion = router ? (lockedVersion(dir, router)?.version ?? deps[router]) : undefined;
  const typescript = existsSync(path.join(dir, 'tsconfig.json'));
  const { pm, source } = detectPackageManager(dir, pkg);
  const major = majorOf(version);
  const warnings: string[] = [];
  if (!typescript) warnings.push('the app has no tsconfig.json; the generated code is TypeScript (Vite compiles it, tsx runs the auth server)');
  if (major !== undefined && major < 6) warnings.push(`Vite ${version} is older than the 8 the generated code is written for`);
  return {
    framework: 'react-vite',
    version,
    major,
    versionSource: locked?.source ?? 'package.json',
    layout: { ...DEFAULT_LAYOUT },
    aliasDescription: 'relative paths (lib/, server/ and the sign-in UI in auth-ui/ at the project root)',
    language: typescript ? 'TypeScript' : 'JavaScript',
    ...(pm ? { pm, pmSource: source } : {}),
    ...(typeof pkg.name === 'string' ? { packageName: pkg.name } : {}),
    details: [`React ${react ?? '(not in package.json)'}`, router ? `${router} ${routerVersion} (yours)` : 'no router'],
    warnings,
  };
}

export const reactViteExistingApp: ExistingAppSupport = {
  framework: 'react-vite',
  matches: (deps) => typeof deps.vite === 'string' && typeof deps.react === 'string',
  fallback: true,
  frameworkPackages: ['react', 'react-dom', '@types/react', '@types/react-dom'],
  detect,
  leaveOut: () => [],
  moves: REACT_VITE_MOVES,
  // create-vite's tsconfig.json lists no files (only references), so `tsc --noEmit` would check
  // nothing: ours checks what we added, strictly, whatever the app's settings.
  templateDirs: ['react-vite-existing'],
  scripts: { typecheck: 'tsc -p tsconfig.auth.json --noEmit' },
  instructionFor: reactViteInstruction,
};
