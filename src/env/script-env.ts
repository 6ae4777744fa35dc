// Variables a project's own package.json scripts set (`cross-env MOCKS=true vite`,
// `E2E=1 playwright test`): the project provides them, so they need no documentation.
import path from 'node:path';
import { readTextFile } from './files.js';

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;
/** Commands whose leading NAME=value arguments set the environment of the command after them. */
const ENV_SETTERS = new Set(['cross-env', 'cross-env-shell', 'env']);

/** The names one shell command line assigns before its command runs. */
export function namesSetByCommand(command: string): string[] {
  const names: string[] = [];
  for (const segment of command.split(/&&|\|\||[;|]/)) {
    const tokens = segment.trim().split(/\s+/);
    let i = 0;
    if (ENV_SETTERS.has(tokens[0] ?? '')) i = 1;
    for (; i < tokens.length; i++) {
      const m = ASSIGNMENT.exec(tokens[i] as string);
      if (!m) break;
      names.push(m[1] as string);
    }
  }
  return names;
}

/** The names the `scripts` of the package.json in `dir` (absolute) set. */
export function namesSetByScripts(dir: string): Set<string> {
  const read = readTextFile(path.join(dir, 'package.json'));
  if (read.status !== 'ok') return new Set();
  let scripts: unknown;
  try {
    scripts = (JSON.parse(read.text.replace(/^\uFEFF/, '')) as { scripts?: unknown }).scripts;
  } catch {
    return new Set();
  }
  const names = new Set<string>();
  if (typeof scripts === 'object' && scripts !== null) {
    for (const command of Object.values(scripts)) if (typeof command === 'string') for (const n of namesSetByCommand(command)) names.add(n);
  }
  return names;
}
