// The exact version of a package an app runs: from node_modules, else from its lockfile.
import { readFileSync } from 'node:fs';
import path from 'node:path';

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** `name`'s installed or locked version, with where it was found. */
export function lockedVersion(dir: string, name: string): { version: string; source: string } | undefined {
  const installed = readText(path.join(dir, 'node_modules', name, 'package.json'));
  if (installed) {
    try {
      const version = (JSON.parse(installed) as { version?: string }).version;
      if (version) return { version, source: 'node_modules' };
    } catch {
      // fall through to the lockfiles
    }
  }
  const npmLock = readText(path.join(dir, 'package-lock.json'));
  if (npmLock) {
    try {
      const lock = JSON.parse(npmLock) as { packages?: Record<string, { version?: string }>; dependencies?: Record<string, { version?: string }> };
      const version = lock.packages?.[`node_modules/${name}`]?.version ?? lock.dependencies?.[name]?.version;
      if (version) return { version, source: 'package-lock.json' };
    } catch {
      // fall through to the other lockfiles
    }
  }
  const n = escape(name);
  const patterns: [string, RegExp][] = [
    ['pnpm-lock.yaml', new RegExp(`(?:^|\\s|['"/])${n}[@/](\\d+\\.\\d+\\.\\d+[\\w.-]*)`, 'm')],
    ['yarn.lock', new RegExp(`^"?${n}@[^\\n]*:\\r?\\n\\s+version:? "?(\\d+\\.\\d+\\.\\d+[\\w.-]*)`, 'm')],
    ['bun.lock', new RegExp(`"${n}@(\\d+\\.\\d+\\.\\d+[\\w.-]*)"`)],
  ];
  for (const [file, re] of patterns) {
    const match = re.exec(readText(path.join(dir, file)) ?? '');
    if (match?.[1]) return { version: match[1], source: file };
  }
  return undefined;
}
