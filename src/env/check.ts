// `check env`: code ↔ .env.example ↔ .env (or the real environment) ↔ the registry, once per
// env file of the project (`.env`, and `backend/.env` when there is a separate API server),
// then the settings those files must share. Each kind of check lives in its own check-*.ts.
import path from 'node:path';
import { MANIFEST_FILE, readManifest } from '../plan/manifest.js';
import { finding, type Finding } from './findings.js';
import { envFileUnits, registryFor, type EnvFileUnit, type EnvVarsFor } from './registry.js';
import { summarise, type Summary } from './report.js';
import { scanProject } from './scan.js';
import type { EnvRead } from './scan-types.js';
import type { EnvVar } from './types.js';
import { crossFileFindings } from './check-cross-file.js';
import { committedEnvDocuments, committedEnvFiles } from './committed-env.js';
import { loadExample, type LoadedExample, type UnitContext } from './check-facts.js';
import { gitFindings } from './check-local-files.js';
import { compareFindings, dedupe } from './check-order.js';
import { scanFindings, unitOf } from './check-scan.js';
import { checkUnit } from './check-unit.js';
import { dependencyScan } from './check-workspace.js';
import { libraryReads } from './library-reads.js';
import { dependenciesOf } from './project-dependencies.js';
import { namesSetByScripts } from './script-env.js';
import { findWorkspace } from './workspace.js';

export interface CheckEnvOptions {
  /** Project directory (absolute or relative to process.cwd()). */
  cwd: string;
  /** Check the real environment instead of the env files. */
  fromProcess?: boolean;
  strict?: boolean;
  /** The environment `--from-process` reads (default: process.env). */
  processEnv?: Readonly<Record<string, string | undefined>>;
  /** The project's variables for its options; default: src/features envVarsFor. */
  envVarsFor?: EnvVarsFor;
}

export interface CheckEnvResult {
  findings: Finding[];
  summary: Summary;
  /** Facts for reports and benchmarks. */
  stats: { filesListed: number; filesParsed: number; reads: number; via: 'git' | 'walk'; manifest: boolean; envFiles: string[] };
}

/** The registry when the project has a usable manifest; a finding when it has an unusable one. */
function projectRegistry(root: string, envVarsFor: EnvVarsFor, findings: Finding[]): EnvVar[] | undefined {
  const manifestResult = readManifest(root);
  if (manifestResult.status === 'invalid') {
    findings.push(finding('manifest-invalid', `${MANIFEST_FILE} ${manifestResult.problem}; checking without it`, { file: MANIFEST_FILE }));
  } else if (manifestResult.status === 'ok') {
    try {
      return registryFor(manifestResult.manifest, envVarsFor);
    } catch (error) {
      findings.push(finding('manifest-invalid', `${MANIFEST_FILE} has options this CLI cannot use (${(error as Error).message}); checking without it`, { file: MANIFEST_FILE }));
    }
  }
  return undefined;
}

export async function checkEnv(options: CheckEnvOptions): Promise<CheckEnvResult> {
  const root = path.resolve(options.cwd);
  const findings: Finding[] = [];
  const envVarsFor = options.envVarsFor ?? (await (await import('./wiring.js')).loadEnvVarsFor());

  // 1. The registry, when the project has a manifest; one unit per env file it names.
  const registry = projectRegistry(root, envVarsFor, findings);
  const units = envFileUnits(registry ?? []);

  // 2. The code. A directory of one of this project's env files (backend/) is part of it,
  // even with its own .env.example; any other directory with one is a project of its own.
  const scan = await scanProject(root, { ownDirs: units.map((u) => u.dir).filter((d) => d !== '') });
  // In a monorepo app, the workspace packages it depends on are read too (check-workspace.ts).
  const around = findWorkspace(root);
  const workspace = await dependencyScan(root, around);
  findings.push(...scanFindings([...scan.problems, ...(workspace?.problems ?? [])]));
  const readsOf = new Map<EnvFileUnit, EnvRead[]>(units.map((u) => [u, []]));
  for (const r of scan.reads) readsOf.get(unitOf(units, r.file))?.push(r);
  // A dependency's reads (files outside root, ../packages/…) are the root env file's.
  readsOf.get(units[0] as EnvFileUnit)?.push(...(workspace?.reads ?? []));

  // 3. Each env file against its own variables and the code that reads it.
  const examples = new Map(units.map((u) => [u, loadExample(root, u)]));
  let committed: Map<string, Set<string>> | undefined; // listed only when a unit has no example
  const documentedIn = (name: string) => units.filter((u) => examples.get(u)?.entries?.some((e) => e.name === name)).map((u) => u.example);
  const ctx: UnitContext = {
    root,
    registry,
    fromProcess: options.fromProcess ?? false,
    processEnv: options.processEnv ?? process.env,
    envVarsFor,
    documentedIn,
    workspace: workspace?.view,
    // The libraries of the code an env file belongs to (its directory's manifests; the root's
    // include the workspace packages it uses) read some variables by themselves.
    readByLibraries: (dir) => libraryReads(dependenciesOf(path.join(root, dir), dir === '' ? around : undefined)),
    setByScripts: (dir) => namesSetByScripts(path.join(root, dir)),
    committedEnvDocuments: (file, name) => committedEnvDocuments((committed ??= committedEnvFiles(root)), file, name),
  };
  const checked = units.map((u) => checkUnit(u, examples.get(u) as LoadedExample, readsOf.get(u) ?? [], ctx, findings));

  // 4. What the app and an API server must agree on.
  findings.push(...crossFileFindings(checked));

  // 5. Local env files and git.
  findings.push(...gitFindings(root, units.map((u) => u.dir)));

  const unique = dedupe(findings).sort(compareFindings);
  return {
    findings: unique,
    summary: summarise(unique, options.strict ?? false),
    stats: {
      // In a monorepo app, the workspace packages it depends on were read too.
      filesListed: scan.filesListed + (workspace?.filesListed ?? 0),
      filesParsed: scan.filesParsed + (workspace?.filesParsed ?? 0),
      reads: scan.reads.length + (workspace?.reads.length ?? 0),
      via: scan.via,
      manifest: registry !== undefined,
      envFiles: units.map((u) => u.file),
    },
  };
}
