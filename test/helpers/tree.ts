// A directory's files as one comparable value: re-run and refusal tests assert that a run
// changed nothing (or exactly what it should) by comparing two snapshots.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export interface TreeOptions {
  /** Also record each file's permission bits (e.g. `.env` must stay 0600). */
  mode?: boolean;
  /** Directory names not descended into, e.g. `.git`, `node_modules`. */
  skip?: readonly string[];
}

/** Relative posix path → base64 content (prefixed by the octal mode with `mode: true`). */
export function fileTree(dir: string, options: TreeOptions = {}): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (options.skip?.includes(entry.name)) continue;
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else {
        const content = readFileSync(p, 'base64');
        out[path.relative(dir, p).split(path.sep).join('/')] = options.mode ? `${(statSync(p).mode & 0o777).toString(8)} ${content}` : content;
      }
    }
  };
  walk(dir);
  return out;
}
