// The dependencies of the code an env file belongs to: package.json (every dependency field, and
// the packages its scripts run with npx / pnpm dlx / bunx / yarn dlx), requirements*.txt and pyproject.toml in its directory, and, in a workspace, those of the
// workspace packages it uses. Libraries among them read variables by themselves
// (library-reads.ts), so a documented variable one of them reads is not `unused`.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { readTextFile } from './files.js';
import { scriptRunPackages } from './script-packages.js';
import { packageDependencies, workspaceDependencies, type Workspace } from './workspace.js';

/** PEP 503: case and runs of -_. do not matter. */
const pythonName = (raw: string) => raw.toLowerCase().replace(/[-_.]+/g, '-');
/** The distribution name at the start of a requirement (`fastapi[standard]>=0.110; python_version…`). */
const requirementName = (line: string) => /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(line)?.[1];

export function requirementsNames(text: string): string[] {
  const names: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const t = line.replace(/#.*/, '').trim();
    if (t === '' || t.startsWith('-')) continue; // -r other.txt, -e ., --index-url
    const name = requirementName(t);
    if (name) names.push(pythonName(name));
  }
  return names;
}

/**
 * Names in pyproject.toml: PEP 621 `dependencies = [...]`, optional dependencies and
 * dependency groups (every quoted requirement inside their arrays), and Poetry's
 * `[tool.poetry.*dependencies]` tables (their keys). Not a TOML parser: only these shapes.
 */
export function pyprojectNames(text: string): string[] {
  const names: string[] = [];
  let table = '';
  let inArray = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s#.*$/, '').trim();
    let body: string;
    if (inArray) {
      body = line;
    } else {
      const header = /^\[+([^\]]+)\]+$/.exec(line);
      if (header) {
        table = (header[1] as string).trim();
        continue;
      }
      const array = /^([\w.-]+)\s*=\s*\[(.*)$/.exec(line);
      const listTable = table === 'project.optional-dependencies' || table === 'dependency-groups';
      if (array && ((table === 'project' && array[1] === 'dependencies') || listTable)) {
        inArray = true;
        body = array[2] as string;
      } else {
        const key = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*=/.exec(line)?.[1];
        if (key && key !== 'python' && /^tool\.poetry\.(?:[\w-]+\.)*dependencies$/.test(table)) names.push(pythonName(key));
        continue;
      }
    }
    for (const m of body.matchAll(/["']([^"']+)["']/g)) {
      const name = requirementName(m[1] as string);
      if (name) names.push(pythonName(name));
    }
    // The array ends at a ] outside the quoted requirements (which may hold [extras]).
    if (body.replace(/["'][^"']*["']/g, '').includes(']')) inArray = false;
  }
  return names;
}

function pythonDependencies(dir: string): string[] {
  const names: string[] = [];
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => /^requirements[\w.-]*\.txt$/.test(f));
  } catch {
    return names;
  }
  for (const f of files) {
    const read = readTextFile(path.join(dir, f));
    if (read.status === 'ok') names.push(...requirementsNames(read.text));
  }
  const pyproject = readTextFile(path.join(dir, 'pyproject.toml'));
  if (pyproject.status === 'ok') names.push(...pyprojectNames(pyproject.text));
  return names;
}

function readPackageJson(dir: string): Record<string, unknown> | undefined {
  const read = readTextFile(path.join(dir, 'package.json'));
  if (read.status !== 'ok') return undefined;
  try {
    return JSON.parse(read.text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** Every dependency field, and the packages the scripts run without installing them. */
function packageJsonDependencies(dir: string): Set<string> {
  const json = readPackageJson(dir);
  return new Set([...packageDependencies(json), ...scriptRunPackages(json?.scripts)]);
}

/**
 * The dependencies of the project in `dir` (absolute). In a workspace: inside a package, with
 * those of the workspace packages it uses; at the root, with those of every package that is
 * part of the root project (not a project of its own with its own .env.example).
 */
export function dependenciesOf(dir: string, workspace?: Workspace): Set<string> {
  const names = new Set([...packageJsonDependencies(dir), ...pythonDependencies(dir)]);
  if (!workspace) return names;
  const rel = path.relative(workspace.root, dir).split(path.sep).join('/');
  const self = workspace.packages.find((p) => p.dir === rel);
  const others = rel === ''
    ? workspace.packages.filter((p) => p.dir !== '' && !existsSync(path.join(workspace.root, p.dir, '.env.example')))
    : self
      ? workspaceDependencies(workspace, self)
      : [];
  for (const p of others) {
    for (const name of p.dependencies) names.add(name);
    for (const name of scriptRunPackages(readPackageJson(path.join(workspace.root, p.dir))?.scripts)) names.add(name);
  }
  return names;
}
