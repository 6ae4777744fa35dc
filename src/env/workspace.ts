// The JavaScript workspace a directory belongs to (npm/yarn `workspaces`, pnpm-workspace.yaml):
// its packages, by name, and which of them each one depends on. A variable read in a package
// belongs to the apps that depend on it.
//
// Never reads outside the workspace root: globs are matched by listing directories under the
// root (symbolic links are not followed, `..` segments match nothing), and the root is searched
// for upwards only until a `.git` directory, the top of a repository.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { readTextFile } from './files.js';
import { SKIP_DIRS } from './scan.js';

export interface WorkspacePackage {
  name: string;
  /** Relative to the workspace root, posix; '' for the root package. */
  dir: string;
  /** Every name in dependencies, devDependencies, peerDependencies and optionalDependencies. */
  dependencies: Set<string>;
}

export interface Workspace {
  /** Absolute path of the workspace root. */
  root: string;
  packages: WorkspacePackage[];
}

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;
/** Deep enough for `packages/**` in any real repository, bounded for a pathological one. */
const MAX_GLOB_DEPTH = 8;

function readJson(file: string): Record<string, unknown> | undefined {
  const read = readTextFile(file);
  if (read.status !== 'ok') return undefined;
  try {
    const json: unknown = JSON.parse(read.text.replace(/^\uFEFF/, ''));
    return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The names a package.json depends on. */
export function packageDependencies(json: Record<string, unknown> | undefined): Set<string> {
  const names = new Set<string>();
  for (const field of DEPENDENCY_FIELDS) {
    const deps = json?.[field];
    if (typeof deps === 'object' && deps !== null) for (const name of Object.keys(deps)) names.add(name);
  }
  return names;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

const unquote = (s: string) => s.trim().replace(/^(['"])(.*)\1$/, '$2');

/**
 * The `packages:` list of a pnpm-workspace.yaml: block items (`  - "apps/*"`) or a flow list
 * (`packages: [apps/*, "packages/*"]`). A line reader, not YAML: that is all pnpm puts there.
 */
export function pnpmWorkspaceGlobs(text: string): string[] {
  const globs: string[] = [];
  let inPackages = false;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, '');
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const top = /^packages\s*:\s*(.*)$/.exec(line);
    if (top) {
      const rest = (top[1] ?? '').trim();
      if (rest.startsWith('[')) return rest.replace(/^\[|\]$/g, '').split(',').map(unquote).filter(Boolean);
      inPackages = true;
      continue;
    }
    if (!inPackages) continue;
    const item = /^\s+-\s*(.+)$/.exec(line);
    if (item) globs.push(unquote(item[1] as string));
    else if (!/^\s/.test(line)) inPackages = false; // the next top-level key
  }
  return globs;
}

/** The workspace globs declared in `dir`, or undefined when it is no workspace root. */
function workspaceGlobs(dir: string): string[] | undefined {
  const pnpm = readTextFile(path.join(dir, 'pnpm-workspace.yaml'));
  if (pnpm.status === 'ok') return pnpmWorkspaceGlobs(pnpm.text);
  const workspaces = readJson(path.join(dir, 'package.json'))?.workspaces;
  if (Array.isArray(workspaces)) return stringList(workspaces);
  if (typeof workspaces === 'object' && workspaces !== null) return stringList((workspaces as Record<string, unknown>).packages);
  return undefined;
}

function globRegExp(glob: string): RegExp {
  const parts = glob.split('/').filter((p) => p !== '' && p !== '.');
  let source = '';
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    if (part === '**') {
      source += last ? '.*' : '(?:[^/]+/)*';
      continue;
    }
    source += part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
    if (!last) source += '/';
  }
  return new RegExp(`^${source}$`);
}

/** Directories under `root` (relative, posix) holding a package.json, skipping build output and dependencies. */
function packageDirs(root: string, maxDepth: number): string[] {
  const found: string[] = [];
  const stack: Array<{ dir: string; depth: number }> = [{ dir: '', depth: 0 }];
  while (stack.length > 0) {
    const { dir, depth } = stack.pop() as { dir: string; depth: number };
    let entries;
    try {
      entries = readdirSync(path.join(root, dir), { withFileTypes: true });
    } catch {
      continue;
    }
    if (dir !== '' && entries.some((e) => e.name === 'package.json' && e.isFile())) found.push(dir);
    if (depth >= maxDepth) continue;
    for (const e of entries) {
      // isDirectory() is false for a symbolic link: never followed out of the root.
      if (e.isDirectory() && !SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) stack.push({ dir: dir ? `${dir}/${e.name}` : e.name, depth: depth + 1 });
    }
  }
  return found.sort();
}

/** The packages the globs select, `!glob` excluding; globs that leave the root match nothing. */
function expandGlobs(root: string, globs: readonly string[]): string[] {
  const inside = (g: string) => !g.split('/').includes('..') && !path.isAbsolute(g);
  const include = globs.filter((g) => !g.startsWith('!') && inside(g)).map(globRegExp);
  const exclude = globs.filter((g) => g.startsWith('!')).map((g) => globRegExp(g.slice(1)));
  if (include.length === 0) return [];
  const depth = Math.min(MAX_GLOB_DEPTH, Math.max(...globs.map((g) => (g.includes('**') ? MAX_GLOB_DEPTH : g.split('/').length))));
  return packageDirs(root, depth).filter((d) => include.some((r) => r.test(d)) && !exclude.some((r) => r.test(d)));
}

function readWorkspace(root: string, globs: readonly string[]): Workspace {
  const packages: WorkspacePackage[] = [];
  for (const dir of ['', ...expandGlobs(root, globs)]) {
    const json = readJson(path.join(root, dir, 'package.json'));
    if (!json && dir !== '') continue;
    const name = typeof json?.name === 'string' ? json.name : '';
    packages.push({ name, dir, dependencies: packageDependencies(json) });
  }
  return { root, packages };
}

/**
 * The workspace `dir` is the root or a member of: the nearest directory at or above it that
 * declares workspaces, searched no higher than the top of its git repository.
 */
export function findWorkspace(dir: string): Workspace | undefined {
  const start = path.resolve(dir);
  for (let current = start; ; current = path.dirname(current)) {
    const globs = workspaceGlobs(current);
    if (globs !== undefined) {
      const workspace = readWorkspace(current, globs);
      const rel = path.relative(current, start).split(path.sep).join('/');
      // A workspace that does not list `dir` is someone else's (dir is a project of its own).
      return workspace.packages.some((p) => p.dir === rel) ? workspace : undefined;
    }
    if (existsSync(path.join(current, '.git')) || path.dirname(current) === current) return undefined;
  }
}

/** The package whose directory holds `file` (relative to the workspace root) most closely. */
export function packageOf(workspace: Workspace, file: string): WorkspacePackage | undefined {
  let best: WorkspacePackage | undefined;
  for (const p of workspace.packages) {
    if ((p.dir === '' || file.startsWith(`${p.dir}/`)) && (best === undefined || p.dir.length > best.dir.length)) best = p;
  }
  return best;
}

/** The workspace packages `pkg` depends on, directly or through one another (not itself). */
export function workspaceDependencies(workspace: Workspace, pkg: WorkspacePackage): WorkspacePackage[] {
  const byName = new Map(workspace.packages.filter((p) => p.name !== '').map((p) => [p.name, p]));
  const seen = new Set<WorkspacePackage>([pkg]);
  const queue = [pkg];
  while (queue.length > 0) {
    const current = queue.shift() as WorkspacePackage;
    for (const name of current.dependencies) {
      const dep = byName.get(name);
      if (dep && !seen.has(dep)) {
        seen.add(dep);
        queue.push(dep);
      }
    }
  }
  seen.delete(pkg);
  return [...seen].sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
}

/** The workspace packages that depend on `pkg`, directly or through one another (not itself). */
export function workspaceDependents(workspace: Workspace, pkg: WorkspacePackage): WorkspacePackage[] {
  // Walk the dependency edges backwards from pkg: one pass over the packages per step.
  const found = new Set<WorkspacePackage>([pkg]);
  for (let added = true; added; ) {
    added = false;
    const names = new Set([...found].map((p) => p.name).filter((n) => n !== ''));
    for (const p of workspace.packages) {
      if (found.has(p) || ![...p.dependencies].some((d) => names.has(d))) continue;
      found.add(p);
      added = true;
    }
  }
  found.delete(pkg);
  return workspace.packages.filter((p) => found.has(p));
}
