// The TemplateStore the CLI uses: `<packageRoot>/templates/<dir>/**`, read synchronously
// (plan() is synchronous and pure; this is the one place that reads template files).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI_NAME } from './version.js';
import type { TemplateStore } from './templates.js';

/**
 * The folder holding this package's package.json. Found by walking up from this module, so
 * it works from src/ (tests), from dist/ and dist/chunks/ (bundled), and once installed.
 */
export function packageRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      try {
        if ((JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name === CLI_NAME) return dir;
      } catch {
        // not ours; keep walking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the ${CLI_NAME} package root above ${from}`);
    dir = parent;
  }
}

function walk(root: string, prefix: string, out: string[]): void {
  for (const entry of readdirSync(join(root, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) walk(root, rel, out);
    else if (entry.isFile()) out.push(rel);
  }
}

/** Templates under `root` (default: `<packageRoot>/templates`). */
export function diskTemplateStore(root: string = join(packageRoot(), 'templates')): TemplateStore {
  return {
    has: (dir) => existsSync(join(root, dir)) && statSync(join(root, dir)).isDirectory(),
    list(dir) {
      const base = join(root, dir);
      if (!existsSync(base) || !statSync(base).isDirectory()) throw new Error(`template folder "${dir}" does not exist in ${root}`);
      const out: string[] = [];
      walk(base, '', out);
      return out.sort();
    },
    read(dir, file) {
      return readFileSync(join(root, dir, ...file.split('/')));
    },
  };
}
