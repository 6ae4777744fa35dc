// Every package a package manager installed, and which of them need a newer Node than the
// project declares. Reads node_modules as npm, yarn and bun lay it out (nested folders) and
// as pnpm does (node_modules/.pnpm/<id>/node_modules/<name>); symlinks are not followed, so
// each real package folder is read once.
import fs from 'node:fs';
import path from 'node:path';
import { rangeAdmits } from './node-range.js';

export interface InstalledPackage {
  name: string;
  version: string;
  engines?: string;
}

function readPackage(dir: string): InstalledPackage | undefined {
  try {
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown; engines?: { node?: unknown } };
    if (typeof json.name !== 'string' || typeof json.version !== 'string') return undefined;
    return { name: json.name, version: json.version, ...(typeof json.engines?.node === 'string' ? { engines: json.engines.node } : {}) };
  } catch {
    return undefined;
  }
}

function realDirs(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.filter((e) => e.isDirectory() && !e.isSymbolicLink()).map((e) => e.name);
}

/** Every package under `modules` (a node_modules folder), one entry per name@version. */
export function installedPackages(modules: string): InstalledPackage[] {
  const found = new Map<string, InstalledPackage>();
  const walk = (nodeModules: string) => {
    for (const name of realDirs(nodeModules)) {
      if (name === '.pnpm') {
        for (const id of realDirs(path.join(nodeModules, name))) walk(path.join(nodeModules, name, id, 'node_modules'));
        continue;
      }
      if (name.startsWith('.')) continue;
      const dirs = name.startsWith('@') ? realDirs(path.join(nodeModules, name)).map((n) => path.join(nodeModules, name, n)) : [path.join(nodeModules, name)];
      for (const dir of dirs) {
        const pkg = readPackage(dir);
        if (pkg) found.set(`${pkg.name}@${pkg.version}`, pkg);
        walk(path.join(dir, 'node_modules'));
      }
    }
  };
  walk(modules);
  return [...found.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** "kysely@0.29.9 needs Node >=22.0.0" for each package whose engines.node rejects `nodeVersion`. */
export function nodeRequirementViolations(packages: readonly InstalledPackage[], nodeVersion: string): string[] {
  return packages.filter((p) => p.engines !== undefined && !rangeAdmits(p.engines, nodeVersion)).map((p) => `${p.name}@${p.version} needs Node ${p.engines}`);
}
