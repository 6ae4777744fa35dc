// What a workspace (monorepo) changes in `check env`:
// - inside an app, the reads of the workspace packages it depends on are the app's reads
//   (a package with its own .env.example is a project of its own: its reads only keep the
//   app's documentation of them from being `unused`);
// - at the workspace root, a read inside a package is documented by the example of any app
//   that depends on it (apps with their own .env.example are projects of their own).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readTextFile } from './files.js';
import { parseExample } from './registry.js';
import { scanProject } from './scan.js';
import type { EnvRead, ScanProblem } from './scan-types.js';
import { packageOf, workspaceDependencies, workspaceDependents, type Workspace, type WorkspacePackage } from './workspace.js';

const EXAMPLE = '.env.example';

/** An example of an app that depends on the package a read is in. */
export interface DependentExample {
  /** Path relative to the checked directory. */
  example: string;
  documents: (name: string) => boolean;
}

/** What the documentation rules need to know about the workspace. */
export interface WorkspaceView {
  /** For a read's file: the examples of the apps depending on its package (empty: none, or not in a package). */
  examplesFor: (file: string) => DependentExample[];
  /** Where a read's file is, said when it is in a workspace package rather than the project's own code. */
  packageOf: (file: string) => string | undefined;
  /** Names read by workspace dependencies that are projects of their own. */
  readByDependencies: ReadonlySet<string>;
}

export interface DependencyScan {
  view: WorkspaceView;
  /** Reads of the workspace dependencies, files relative to the checked directory. */
  reads: EnvRead[];
  problems: ScanProblem[];
  /** Source files of the dependencies listed and parsed (for the stats). */
  filesListed: number;
  filesParsed: number;
}

const posix = (p: string) => p.split(path.sep).join('/');
const hasOwnExample = (workspace: Workspace, pkg: WorkspacePackage) => existsSync(path.join(workspace.root, pkg.dir, EXAMPLE));
const label = (pkg: WorkspacePackage) => pkg.name || pkg.dir;

/** At the workspace root: each package's dependents with their own example, read once. */
function rootView(workspace: Workspace): WorkspaceView {
  const loaded = new Map<string, ReadonlySet<string>>();
  const documented = (dir: string): ReadonlySet<string> => {
    let names = loaded.get(dir);
    if (!names) {
      const read = readTextFile(path.join(workspace.root, dir, EXAMPLE));
      names = new Set(read.status === 'ok' ? parseExample(read.text).map((e) => e.name) : []);
      loaded.set(dir, names);
    }
    return names;
  };
  const byPackage = new Map<WorkspacePackage, DependentExample[]>();
  const examplesFor = (file: string): DependentExample[] => {
    const pkg = packageOf(workspace, file);
    if (!pkg || pkg.dir === '') return [];
    let examples = byPackage.get(pkg);
    if (!examples) {
      examples = workspaceDependents(workspace, pkg)
        .filter((d) => d.dir !== '' && hasOwnExample(workspace, d))
        .map((d) => ({ example: `${d.dir}/${EXAMPLE}`, documents: (name: string) => documented(d.dir).has(name) }));
      byPackage.set(pkg, examples);
    }
    return examples;
  };
  return {
    examplesFor,
    packageOf(file) {
      const pkg = packageOf(workspace, file);
      return pkg && examplesFor(file).length > 0 ? `in the workspace package ${label(pkg)}` : undefined;
    },
    readByDependencies: new Set(),
  };
}

/** Inside an app: scans the workspace packages it depends on (each one once). */
async function appScan(root: string, workspace: Workspace, self: WorkspacePackage): Promise<DependencyScan> {
  const reads: EnvRead[] = [];
  const problems: ScanProblem[] = [];
  const readByDependencies = new Set<string>();
  const owners: Array<{ prefix: string; name: string }> = [];
  let filesListed = 0;
  let filesParsed = 0;
  for (const dep of workspaceDependencies(workspace, self)) {
    // A package inside the app is scanned with it; one above it (the root) would be the app again.
    if (dep.dir === '' || self.dir === '' || dep.dir.startsWith(`${self.dir}/`) || self.dir.startsWith(`${dep.dir}/`)) continue;
    const abs = path.join(workspace.root, dep.dir);
    const prefix = posix(path.relative(root, abs));
    const scan = await scanProject(abs);
    filesListed += scan.filesListed;
    filesParsed += scan.filesParsed;
    if (hasOwnExample(workspace, dep)) {
      for (const r of scan.reads) readByDependencies.add(r.name);
      continue;
    }
    owners.push({ prefix: `${prefix}/`, name: label(dep) });
    for (const r of scan.reads) reads.push({ ...r, file: `${prefix}/${r.file}` });
    for (const p of scan.problems) if (p.kind !== 'nested') problems.push({ ...p, file: `${prefix}/${p.file}` });
  }
  return {
    view: {
      examplesFor: () => [],
      packageOf: (file) => {
        const owner = owners.find((o) => file.startsWith(o.prefix));
        return owner ? `in the workspace package ${owner.name}, which this app depends on` : undefined;
      },
      readByDependencies,
    },
    reads,
    problems,
    filesListed,
    filesParsed,
  };
}

/** The workspace's part in checking `root`: undefined when root is in no workspace. */
export async function dependencyScan(root: string, workspace: Workspace | undefined): Promise<DependencyScan | undefined> {
  if (!workspace) return undefined;
  const rel = posix(path.relative(workspace.root, root));
  if (rel === '') return { view: rootView(workspace), reads: [], problems: [], filesListed: 0, filesParsed: 0 };
  const self = workspace.packages.find((p) => p.dir === rel);
  return self ? appScan(root, workspace, self) : undefined;
}
