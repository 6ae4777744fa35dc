// What one env file's checks work from: its example, the env file itself, the code that reads
// it and what each variable is. Reading the two files also lints them.
import path from 'node:path';
import { FRAMEWORKS, BACKENDS, STORAGES, PROVIDERS, HTTP_CLIENTS, PACKAGE_MANAGERS, type ProjectOptions } from '../options/choices.js';
import { lintDotenv } from './dotenv-lint.js';
import type { ParsedDotenv } from './dotenv.js';
import { readTextFile, type TextFile } from './files.js';
import { finding, type Finding } from './findings.js';
import { loaderExpands, type Expansion } from './loader.js';
import { looksSecret } from './names.js';
import { parseExample, type EnvFileUnit, type EnvVarsFor, type ExampleEntry } from './registry.js';
import { DEFAULT_ENV_FILE, envFileOf } from './render.js';
import type { EnvRead } from './scan-types.js';
import type { EnvVar } from './types.js';
import { permissionFinding } from './check-local-files.js';
import type { WorkspaceView } from './check-workspace.js';

/** What every env file's check shares. */
export interface UnitContext {
  root: string;
  /** The whole project's registry; undefined without a usable manifest. */
  registry: EnvVar[] | undefined;
  fromProcess: boolean;
  processEnv: Readonly<Record<string, string | undefined>>;
  envVarsFor: EnvVarsFor;
  /** The `.env.example` files (of this project's env files) that document a name. */
  documentedIn: (name: string) => string[];
  /** The workspace (monorepo) around the project, when there is one. */
  workspace?: WorkspaceView | undefined;
  /** Whether a library the code in `dir` (an env file's directory) depends on reads a name by itself. */
  readByLibraries?: (dir: string) => (name: string) => boolean;
  /** Names the package.json scripts of the code in `dir` set (they need no documentation). */
  setByScripts?: (dir: string) => ReadonlySet<string>;
  /** Without a .env.example: whether a committed `.env` beside or above a read's file lists the name. */
  committedEnvDocuments?: (file: string, name: string) => boolean;
}

/** The `<file>.example` of an env file, read once. */
export interface LoadedExample {
  read: TextFile;
  entries: ExampleEntry[] | undefined;
}

export function loadExample(root: string, unit: EnvFileUnit): LoadedExample {
  const read = readTextFile(path.join(root, unit.example));
  return { read, entries: read.status === 'ok' ? parseExample(read.text) : undefined };
}

export interface UnitFacts {
  unit: EnvFileUnit;
  /** The root `.env` (not an API server's `backend/.env`). */
  isRoot: boolean;
  /** The whole project's registry; undefined without a usable manifest. */
  registry: EnvVar[] | undefined;
  /** The registry's variables of this env file; undefined without a manifest. */
  unitRegistry: EnvVar[] | undefined;
  registryByName: Map<string, EnvVar>;
  /** undefined: no readable example. */
  example: ExampleEntry[] | undefined;
  exampleStatus: TextFile['status'];
  exampleByName: Map<string, ExampleEntry>;
  dotenv: ParsedDotenv | undefined;
  dotenvStatus: TextFile['status'];
  dotenvLine: Map<string, number>;
  /** The reads of each name, by file then line. */
  readsByName: Map<string, EnvRead[]>;
  /** Every name the registry, the example, the code or the env file mentions. */
  allNames: Set<string>;
  /** A Better Auth project: its well-known variables are checked even without a manifest. */
  betterAuth: boolean;
  /** No registry, and the project signs tokens (depends on better-auth or names its secret): the secret is required. */
  signsTokens: boolean;
  /** Better Auth variables known without a manifest (empty with one). */
  known: Map<string, EnvVar>;
  describe: (name: string) => EnvVar | undefined;
  isSecret: (name: string) => boolean;
  /** "the code" or "the code in backend/". */
  codeWhere: string;
  /** Names another value of the example or the env file refers to (`${DB_PASSWORD}`) where the loader expands them. */
  referencedInValues: Set<string>;
}

/** The names `${NAME}` (and, where the loader expands it, `$NAME`) refer to in these values. */
function referencedNames(values: Iterable<string>, expands: Expansion): Set<string> {
  const names = new Set<string>();
  if (expands === false) return names;
  const reference = expands === true ? /\$\{(\w+)[^}]*\}|\$(\w+)/g : /\$\{(\w+)[^}]*\}/g;
  for (const value of values) for (const m of value.matchAll(reference)) names.add((m[1] ?? m[2]) as string);
  return names;
}

/** Options used to know the Better Auth variables of a project that has no manifest. */
function referenceOptions(): ProjectOptions {
  return {
    name: 'app',
    framework: FRAMEWORKS[0],
    backend: BACKENDS[0],
    storage: STORAGES[0],
    providers: [...PROVIDERS],
    db: 'sqlite',
    http: HTTP_CLIENTS[0],
    pm: PACKAGE_MANAGERS[0],
  };
}

function dependsOnBetterAuth(root: string): boolean {
  const pkg = readTextFile(path.join(root, 'package.json'));
  if (pkg.status !== 'ok') return false;
  try {
    const json = JSON.parse(pkg.text) as Record<string, Record<string, string> | undefined>;
    return Boolean(json.dependencies?.['better-auth'] ?? json.devDependencies?.['better-auth']);
  } catch {
    return false;
  }
}

function groupReads(reads: readonly EnvRead[]): Map<string, EnvRead[]> {
  const readsByName = new Map<string, EnvRead[]>();
  for (const r of reads) {
    const list = readsByName.get(r.name) ?? [];
    list.push(r);
    readsByName.set(r.name, list);
  }
  for (const list of readsByName.values()) list.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  return readsByName;
}

/** Reads and lints the example and the env file of `unit`, and gathers what the rules need. */
export function gatherFacts(unit: EnvFileUnit, loaded: LoadedExample, reads: readonly EnvRead[], ctx: UnitContext, findings: Finding[]): UnitFacts {
  const { root, registry } = ctx;
  const isRoot = unit.file === DEFAULT_ENV_FILE;
  const unitRegistry = registry === undefined ? undefined : unit.vars;
  const registryByName = new Map((unitRegistry ?? []).map((v) => [v.name, v]));

  // Masking is conservative: the registry's word or a secret-looking name
  // (DATABASE_URL holds a password in most deployments even where the registry calls it non-secret).
  const isSecretName = (name: string) => (registryByName.get(name)?.secret ?? false) || looksSecret(name);
  // A value is shown only where the registry declares the variable public; all others are masked.
  const isPublic = (name: string) => registryByName.get(name)?.secret === false;
  // ${VAR} in a value is expanded by some loaders (Next.js, Vite, compose, python-dotenv): not worth a warning there.
  const expandsReferences = loaderExpands(root, unit.dir);
  const exampleFile = loaded.read;
  if (exampleFile.status === 'ok') {
    findings.push(...lintDotenv(exampleFile.text, { file: unit.example, isPublic, isSecret: isSecretName, expandsReferences }).findings);
  } else if (exampleFile.status === 'unreadable') {
    findings.push(finding('dotenv-unreadable', `${unit.example} cannot be read: ${exampleFile.why}`, { file: unit.example }));
  }
  const example = loaded.entries;
  const exampleByName = new Map((example ?? []).map((e) => [e.name, e]));

  // The env file is linted whenever it exists; its values are checked unless --from-process.
  let dotenv: ParsedDotenv | undefined;
  const dotenvFile = readTextFile(path.join(root, unit.file));
  if (dotenvFile.status === 'ok') {
    const lint = lintDotenv(dotenvFile.text, { file: unit.file, isPublic, isSecret: isSecretName, expandsReferences });
    dotenv = lint.parsed;
    findings.push(...lint.findings);
    const loose = permissionFinding(root, unit.file);
    if (loose) findings.push(loose);
  } else if (dotenvFile.status === 'unreadable') {
    findings.push(finding('dotenv-unreadable', `${unit.file} cannot be read: ${dotenvFile.why}`, { file: unit.file }));
  }
  const dotenvLine = new Map<string, number>();
  for (const e of dotenv?.entries ?? []) dotenvLine.set(e.key, e.line);

  const readsByName = groupReads(reads);

  // What each variable is: the registry, else (in a Better Auth project) the generator's
  // knowledge of the well-known names, else a plain string.
  const allNames = new Set<string>([...registryByName.keys(), ...exampleByName.keys(), ...readsByName.keys(), ...dotenvLine.keys()]);
  // Better Auth's names are known wherever one appears; the secret is required only where tokens
  // are signed (an API that verifies them against the JWKS reads BETTER_AUTH_URL alone).
  const signsTokens = registry === undefined && isRoot && (dependsOnBetterAuth(root) || allNames.has('BETTER_AUTH_SECRET') || allNames.has('AUTH_SECRET'));
  const betterAuth = registry !== undefined || signsTokens || (isRoot && [...allNames].some((n) => n.startsWith('BETTER_AUTH_')));
  const known = new Map<string, EnvVar>();
  if (registry === undefined && betterAuth) {
    for (const v of ctx.envVarsFor(referenceOptions())) if (v.name !== 'DATABASE_URL' && envFileOf(v) === DEFAULT_ENV_FILE) known.set(v.name, v);
  }
  const describe = (name: string): EnvVar | undefined => registryByName.get(name) ?? known.get(name);
  const isSecret = (name: string) => (describe(name)?.secret ?? false) || looksSecret(name);

  return {
    unit,
    isRoot,
    registry,
    unitRegistry,
    registryByName,
    example,
    exampleStatus: exampleFile.status,
    exampleByName,
    dotenv,
    dotenvStatus: dotenvFile.status,
    dotenvLine,
    readsByName,
    allNames,
    betterAuth,
    signsTokens,
    known,
    describe,
    isSecret,
    codeWhere: isRoot ? 'the code' : `the code in ${unit.dir}/`,
    referencedInValues: referencedNames([...(example ?? []).map((e) => e.value), ...(dotenv?.values.values() ?? [])], expandsReferences),
  };
}
