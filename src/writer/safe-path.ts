// Every path the CLI reads, writes, renames or removes in a project goes through here. A
// project folder may come from anyone (a cloned repository): its manifest chooses a list of
// files, and it may hold symbolic links. So a manifest path must be a plain relative path,
// and no existing part of a path may be a symbolic link or lead out of the project. The
// project folder itself may be a link: that is the user's choice, resolved once by
// projectRoot().
import { lstatSync, readlinkSync, realpathSync, type Stats } from 'node:fs';
import path from 'node:path';
import { UnsafePathError } from '../errors.js';

/** Why `p` is not a plain relative posix path inside a project; undefined when it is one. */
export function manifestPathProblem(p: unknown): string | undefined {
  if (typeof p !== 'string') return 'it is not a string';
  if (p === '') return 'it is empty';
  if (p.includes('\0')) return 'it contains a NUL character';
  if (p.includes('\\')) return 'it contains a backslash';
  if (p.startsWith('/') || /^[A-Za-z]:/.test(p)) return 'it is an absolute path';
  for (const segment of p.split('/')) {
    if (segment === '') return 'it has an empty segment';
    if (segment === '.' || segment === '..') return `it has a "${segment}" segment`;
    // We never generate anything there; a manifest must not make us remove a repository's own files.
    if (segment.toLowerCase() === '.git') return 'it is inside .git';
  }
  return undefined;
}

/** `read()`, or `missing` when the path (or a folder on the way) does not exist. */
function unlessMissing<T, M>(read: () => T, missing: M): T | M {
  try {
    return read();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return missing;
    throw error;
  }
}

function lstatOrUndefined(p: string): Stats | undefined {
  return unlessMissing(() => lstatSync(p), undefined);
}

function linkTarget(p: string): string {
  try {
    return ` (to ${readlinkSync(p)})`;
  } catch {
    return '';
  }
}

/** The real path of a project folder (links resolved once), or the absolute path when it does not exist yet. */
export function projectRoot(dir: string): string {
  const absolute = path.resolve(dir);
  return unlessMissing(() => realpathSync(absolute), absolute);
}

/**
 * The absolute path of `rel` (posix, relative) in the project folder `root` (from
 * projectRoot()), after checking that it is a plain relative path, that no existing part of
 * it is a symbolic link (the file included: we never write through one), and that the real
 * path of its deepest existing part lies inside `root`. Throws UnsafePathError otherwise.
 */
export function assertInsideProject(root: string, rel: string): string {
  const problem = manifestPathProblem(rel);
  if (problem !== undefined) throw new UnsafePathError(`refusing ${JSON.stringify(rel)} in ${root}: ${problem}, so it is not a path inside the project`);
  const segments = rel.split('/');
  const absolute = path.join(root, ...segments);
  if (!lstatOrUndefined(root)) return absolute;

  let deepest = root;
  for (const [i, segment] of segments.entries()) {
    const current = path.join(deepest, segment);
    const stat = lstatOrUndefined(current);
    if (!stat) break;
    const shown = segments.slice(0, i + 1).join('/');
    const last = i === segments.length - 1;
    if (stat.isSymbolicLink()) {
      throw new UnsafePathError(
        `refusing ${rel} in ${root}: ${shown} is a symbolic link${linkTarget(current)}, and this CLI never follows links inside a project; replace it with the real ${last ? 'file' : 'folder'}`,
      );
    }
    if (!last && !stat.isDirectory()) throw new UnsafePathError(`refusing ${rel} in ${root}: ${shown} is not a folder`);
    deepest = current;
  }
  // Belt and braces: what exists of the path must really be inside the real project folder.
  const real = realpathSync(deepest);
  const inside = path.relative(realpathSync(root), real);
  if (inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) {
    throw new UnsafePathError(`refusing ${rel} in ${root}: it leads to ${real}, outside the project`);
  }
  return absolute;
}
