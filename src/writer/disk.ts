// What the writer reads from a project folder: stats that say "absent" instead of throwing,
// bytes as text when they are UTF-8, and an app's module under another extension.
import type { Stats } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { assertInsideProject } from './safe-path.js';

/** lstat (a link is never followed), or undefined when nothing is there. */
export async function statOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes as text, or undefined when they are not UTF-8 (a binary file cannot be merged or diffed). */
export function text(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

const MODULE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** An existing app's module that plays the role of a planned one: `middleware.js` for `middleware.ts`. */
export async function sameModule(root: string, path: string): Promise<string | undefined> {
  const m = /^(.*)(\.[cm]?[jt]sx?)$/.exec(path);
  if (!m) return undefined;
  for (const ext of MODULE_EXTENSIONS) {
    if (ext === m[2]) continue;
    const candidate = `${m[1]}${ext}`;
    if ((await statOrUndefined(assertInsideProject(root, candidate)))?.isFile()) return candidate;
  }
  return undefined;
}
