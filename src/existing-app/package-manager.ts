// The package manager an existing app uses: its lockfile, else package.json "packageManager".
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { PackageManager } from '../options/choices.js';
import type { PackageJson } from './types.js';

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
