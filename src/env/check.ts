// `check env`: code ↔ .env.example ↔ .env (or the real environment) ↔ the registry, once per
// env file of the project (`.env`, and `backend/.env` when there is a separate API server),
// then the settings those files must share.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { FRAMEWORKS, BACKENDS, STORAGES, PROVIDERS, HTTP_CLIENTS, PACKAGE_MANAGERS, type ProjectOptions } from '../options/choices.js';
import { MANIFEST_FILE } from '../plan/manifest.js';
import { lintDotenv } from './dotenv-lint.js';
import type { ParsedDotenv } from './dotenv.js';
import { gitStatusOf, readTextFile, type TextFile } from './files.js';
import { finding, type Finding } from './findings.js';
import { isPlatformVar, looksSecret, publicPrefixOf, READ_BY_LIBRARIES } from './names.js';
import { envFileUnits, parseExample, readManifest, registryFor, type EnvFileUnit, type EnvVarsFor, type ExampleEntry } from './registry.js';
import { DEFAULT_ENV_FILE, envFileOf } from './render.js';
import { summarise, type Summary } from './report.js';
import { scanProject } from './scan.js';
import type { EnvRead, ScanProblem } from './scan-types.js';
import type { EnvVar } from './types.js';
import { checkValue, parseSeconds } from './values.js';

const ACCESS_TTL = 'JWT_ACCESS_TOKEN_EXPIRES';
const SESSION_TTL = 'JWT_REFRESH_TOKEN_EXPIRES';

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

function usesBetterAuth(root: string, names: Iterable<string>): boolean {
  for (const n of names) if (n.startsWith('BETTER_AUTH_')) return true;
  const pkg = readTextFile(path.join(root, 'package.json'));
  if (pkg.status !== 'ok') return false;
  try {
    const json = JSON.parse(pkg.text) as Record<string, Record<string, string> | undefined>;
    return Boolean(json.dependencies?.['better-auth'] ?? json.devDependencies?.['better-auth']);
  } catch {
    return false;
  }
}

/** Local env files in `dir` (relative to root) that hold secrets and must stay out of git. */
function localEnvFiles(root: string, dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(path.join(root, dir));
  } catch {
    return [];
  }
  return names
    .filter((n) => n === '.env' || n === '.env.local' || /^\.env\.[\w-]+\.local$/.test(n))
    .map((n) => (dir ? `${dir}/${n}` : n))
    .filter((rel) => {
      try {
        return statSync(path.join(root, rel)).isFile();
      } catch {
        return false;
      }
    })
    .sort();
}

/** An env file holds secrets: group or others having any access to it is worth a warning. */
function permissionFinding(root: string, file: string): Finding | undefined {
  if (process.platform === 'win32') return undefined; // no POSIX modes there
  let mode: number;
  try {
    mode = statSync(path.join(root, file)).mode & 0o777;
  } catch {
    return undefined;
  }
  if ((mode & 0o077) === 0) return undefined;
  const can = mode & 0o044 ? 'read' : 'change';
  return finding('dotenv-permissions', `${file} has mode 0${mode.toString(8).padStart(3, '0')}: other users of this machine can ${can} it; run chmod 600 ${file}`, { file });
}

/** The env file whose directory holds `file` most closely (code under backend/ reads backend/.env). */
function unitOf(units: readonly EnvFileUnit[], file: string): EnvFileUnit {
  let best = units[0] as EnvFileUnit;
  for (const u of units) {
    if (u.dir !== '' && file.startsWith(`${u.dir}/`) && u.dir.length > best.dir.length) best = u;
  }
  return best;
}

function scanFindings(problems: readonly ScanProblem[]): Finding[] {
  const findings: Finding[] = [];
  for (const p of problems) {
    if (p.kind === 'skipped') findings.push(finding('scan-skipped', `skipped: ${p.message ?? 'unreadable'}`, { file: p.file }));
    else if (p.kind === 'nested') findings.push(finding('nested-project', `not scanned: ${p.message ?? 'a nested project'}`, { file: p.file }));
    else if (p.kind === 'parse-error') findings.push(finding('scan-parse-error', `could not parse (${p.message ?? 'syntax error'}); env reads in this file may be missed`, { file: p.file, line: p.line }));
  }
  const dynamicSeen = new Set<string>();
  for (const p of problems) {
    if (p.kind !== 'dynamic') continue;
    const key = `${p.file}:${p.line}`;
    if (dynamicSeen.has(key)) continue;
    dynamicSeen.add(key);
    findings.push(finding('dynamic-env-key', 'env variable read with a computed name: it cannot be checked', { file: p.file, line: p.line }));
  }
  return findings;
}

interface UnitContext {
  root: string;
  /** The whole project's registry; undefined without a usable manifest. */
  registry: EnvVar[] | undefined;
  fromProcess: boolean;
  processEnv: Readonly<Record<string, string | undefined>>;
  envVarsFor: EnvVarsFor;
  /** The `.env.example` files (of this project's env files) that document a name. */
  documentedIn: (name: string) => string[];
}

/** What one env file's check leaves for the cross-file comparison. */
interface UnitValues {
  unit: EnvFileUnit;
  /** Values of the env file itself (undefined with --from-process or without the file). */
  values: Map<string, string> | undefined;
  lines: Map<string, number>;
  describe: (name: string) => EnvVar | undefined;
}

/** The `<file>.example` of an env file, read once. */
interface LoadedExample {
  read: TextFile;
  entries: ExampleEntry[] | undefined;
}

function loadExample(root: string, unit: EnvFileUnit): LoadedExample {
  const read = readTextFile(path.join(root, unit.example));
  return { read, entries: read.status === 'ok' ? parseExample(read.text) : undefined };
}

/** Every check of one env file: its example, its values, the code that reads it. */
function checkUnit(unit: EnvFileUnit, loaded: LoadedExample, reads: readonly EnvRead[], ctx: UnitContext, findings: Finding[]): UnitValues {
  const { root, registry } = ctx;
  const isRoot = unit.file === DEFAULT_ENV_FILE;
  const unitRegistry = registry === undefined ? undefined : unit.vars;
  const registryByName = new Map((unitRegistry ?? []).map((v) => [v.name, v]));

  // 1. <file>.example. Masking is conservative: the registry's word or a secret-looking name
  // (DATABASE_URL holds a password in most deployments even where the registry calls it non-secret).
  const example = loaded.entries;
  const exampleFile = loaded.read;
  const isSecretName = (name: string) => (registryByName.get(name)?.secret ?? false) || looksSecret(name);
  if (exampleFile.status === 'ok') {
    findings.push(...lintDotenv(exampleFile.text, { file: unit.example, isSecret: isSecretName }).findings);
  } else if (exampleFile.status === 'unreadable') {
    findings.push(finding('dotenv-unreadable', `${unit.example} cannot be read: ${exampleFile.why}`, { file: unit.example }));
  }
  const exampleByName = new Map((example ?? []).map((e) => [e.name, e]));

  // 2. The env file (linted whenever it exists; its values are checked unless --from-process).
  let dotenv: ParsedDotenv | undefined;
  const dotenvFile = readTextFile(path.join(root, unit.file));
  if (dotenvFile.status === 'ok') {
    const lint = lintDotenv(dotenvFile.text, { file: unit.file, isSecret: isSecretName });
    dotenv = lint.parsed;
    findings.push(...lint.findings);
    const loose = permissionFinding(root, unit.file);
    if (loose) findings.push(loose);
  } else if (dotenvFile.status === 'unreadable') {
    findings.push(finding('dotenv-unreadable', `${unit.file} cannot be read: ${dotenvFile.why}`, { file: unit.file }));
  }
  const dotenvLine = new Map<string, number>();
  for (const e of dotenv?.entries ?? []) dotenvLine.set(e.key, e.line);

  const readsByName = new Map<string, EnvRead[]>();
  for (const r of reads) {
    const list = readsByName.get(r.name) ?? [];
    list.push(r);
    readsByName.set(r.name, list);
  }
  for (const list of readsByName.values()) list.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));

  // What each variable is: the registry, else (in a Better Auth project) the generator's
  // knowledge of the well-known names, else a plain string.
  const allNames = new Set<string>([...registryByName.keys(), ...exampleByName.keys(), ...readsByName.keys(), ...dotenvLine.keys()]);
  const betterAuth = registry !== undefined || (isRoot && usesBetterAuth(root, allNames));
  const known = new Map<string, EnvVar>();
  if (registry === undefined && betterAuth) {
    for (const v of ctx.envVarsFor(referenceOptions())) if (v.name !== 'DATABASE_URL' && envFileOf(v) === DEFAULT_ENV_FILE) known.set(v.name, v);
  }
  const describe = (name: string): EnvVar | undefined => registryByName.get(name) ?? known.get(name);
  const isSecret = (name: string) => (describe(name)?.secret ?? false) || looksSecret(name);
  const codeWhere = isRoot ? 'the code' : `the code in ${unit.dir}/`;

  // 3. Code vs documentation.
  for (const [name, list] of readsByName) {
    if (isPlatformVar(name) || exampleByName.has(name)) continue;
    const first = list[0] as EnvRead;
    const more = list.length > 1 ? ` (read in ${list.length} places)` : '';
    const elsewhere = ctx.documentedIn(name).filter((f) => f !== unit.example);
    const hint = example === undefined ? `there is no ${unit.example}` : registryByName.has(name) ? `run gen env to add it to ${unit.example}` : `add it to ${unit.example} with a comment`;
    const also = elsewhere.length ? ` (${elsewhere.join(', ')} documents it, but that is another env file: this code does not load it)` : '';
    findings.push(finding('undocumented', `${name} is read here but not documented in ${unit.example}${more}${also}; ${hint}`, { variable: name, file: first.file, line: first.line }));
  }
  if (example === undefined && exampleFile.status === 'absent') {
    const needs = [...readsByName.keys()].filter((n) => !isPlatformVar(n)).length + (unitRegistry?.length ?? 0);
    if (needs > 0) {
      const what = isRoot ? 'every variable the project reads' : `every variable ${codeWhere} reads`;
      findings.push(finding('example-missing', `there is no ${unit.example}: document ${what} there${unitRegistry ? ' (gen env writes it)' : ''}`, { file: unit.example }));
    }
  }
  if (example !== undefined) {
    for (const v of unitRegistry ?? []) {
      if (exampleByName.has(v.name) || readsByName.has(v.name)) continue;
      findings.push(finding('not-in-example', `${v.name} is a variable of this project but is missing from ${unit.example}; run gen env`, { variable: v.name, file: unit.example }));
    }
    for (const e of example) {
      if (readsByName.has(e.name) || READ_BY_LIBRARIES.has(e.name) || isPlatformVar(e.name)) continue;
      findings.push(finding('unused', `${e.name} is documented but never read by ${codeWhere}`, { variable: e.name, file: unit.example, line: e.line }));
    }
  }

  // 4. Values: from the env file, or from the real environment.
  let values: Map<string, string> | undefined;
  let valuesFile: string | undefined;
  if (ctx.fromProcess) {
    values = new Map(Object.entries(ctx.processEnv).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } else if (dotenv) {
    values = dotenv.values;
    valuesFile = unit.file;
  } else if (dotenvFile.status === 'absent' && (unitRegistry !== undefined || example !== undefined)) {
    findings.push(finding('dotenv-missing', `there is no ${unit.file}, so required variables were not checked (copy ${unit.example} to ${unit.file}, or use --from-process where the environment provides them)`, { file: unit.file }));
  }
  const at = (name: string) => ({ variable: name, file: valuesFile, line: valuesFile ? dotenvLine.get(name) : undefined });
  const source = ctx.fromProcess ? `the environment${isRoot ? '' : ` (it belongs in ${unit.file})`}` : unit.file;

  if (values) {
    const required = new Set<string>();
    for (const v of unitRegistry ?? []) if (v.required) required.add(v.name);
    for (const e of example ?? []) if (e.required === true && !registryByName.has(e.name)) required.add(e.name);
    if (registry === undefined && betterAuth) required.add('BETTER_AUTH_SECRET');
    for (const name of required) {
      const value = values.get(name);
      if (value !== undefined && value.trim() !== '') continue;
      // Better Auth falls back to AUTH_SECRET.
      if (name === 'BETTER_AUTH_SECRET' && (values.get('AUTH_SECRET') ?? '').trim() !== '') continue;
      const what = value === undefined ? `missing from ${source}` : `empty in ${source}`;
      findings.push(finding('missing-required', `${name} is required but ${what}`, value === undefined ? { variable: name, file: valuesFile } : at(name)));
    }

    const checked = new Set<string>([...registryByName.keys(), ...known.keys(), ...exampleByName.keys()]);
    if (isRoot && betterAuth && !describe('BETTER_AUTH_SECRET') && values.has('BETTER_AUTH_SECRET')) checked.add('BETTER_AUTH_SECRET');
    if (isRoot && betterAuth && values.has('AUTH_SECRET')) checked.add('AUTH_SECRET');
    for (const name of checked) {
      const value = values.get(name);
      if (value === undefined || value === '') continue;
      let v = describe(name);
      if (!v && (name === 'BETTER_AUTH_SECRET' || name === 'AUTH_SECRET')) {
        v = { name, group: '', description: '', required: true, kind: 'secret', example: '', usedBy: ['backend'], secret: true };
      }
      if (!v) continue;
      const examples = [v.example, exampleByName.get(name)?.value ?? ''];
      const problem = checkValue(v, value, examples, isSecret(name));
      if (problem) findings.push(finding(problem.rule, problem.message, at(name)));
    }

    // Access tokens are minted from the session: they must expire first (within one env file).
    if (describe(ACCESS_TTL) !== undefined || (unitRegistry === undefined && values.has(ACCESS_TTL))) {
      const fallback = (name: string) => describe(name)?.localDefault ?? describe(name)?.example;
      const accessRaw = values.get(ACCESS_TTL) || fallback(ACCESS_TTL);
      const sessionRaw = values.get(SESSION_TTL) || fallback(SESSION_TTL);
      const access = accessRaw === undefined ? undefined : parseSeconds(accessRaw);
      const session = sessionRaw === undefined ? undefined : parseSeconds(sessionRaw);
      if (access !== undefined && session !== undefined && access >= session && (values.get(ACCESS_TTL) || values.get(SESSION_TTL))) {
        const anchor = values.get(ACCESS_TTL) ? ACCESS_TTL : SESSION_TTL;
        findings.push(
          finding(
            'ttl-order',
            `${ACCESS_TTL} (${access}s) must be shorter than ${SESSION_TTL} (${session}s, the session lifetime): access tokens are refreshed from the session, so they cannot outlive it`,
            at(anchor),
          ),
        );
      }
    }
  }

  // 5. Secrets exposed to the browser by a public prefix.
  for (const name of [...allNames].sort()) {
    const prefix = publicPrefixOf(name);
    if (!prefix) continue;
    const rest = name.slice(prefix.length);
    if (!looksSecret(rest) && !(registryByName.get(name)?.secret ?? false)) continue;
    const read = readsByName.get(name)?.[0];
    const where = read
      ? { variable: name, file: read.file, line: read.line }
      : exampleByName.has(name)
        ? { variable: name, file: unit.example, line: exampleByName.get(name)?.line }
        : dotenvLine.has(name)
          ? { variable: name, file: unit.file, line: dotenvLine.get(name) }
          : { variable: name };
    findings.push(finding('public-secret', `${name} looks like a secret, but the ${prefix} prefix makes the bundler inline it into browser code where anyone can read it; drop the prefix and read it on the server`, where));
  }

  return { unit, values: ctx.fromProcess ? undefined : dotenv?.values, lines: dotenvLine, describe };
}

/** Settings the app (which signs tokens) and an API server (which verifies them) must share. */
const SHARED_SETTINGS = ['BETTER_AUTH_URL', 'JWT_ISSUER', 'JWT_AUDIENCE', 'JWT_ALGORITHM'] as const;
type SharedSetting = (typeof SHARED_SETTINGS)[number];

function urlOf(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

/**
 * The value a setting takes at run time, as the generated code computes it: JWT_ISSUER and
 * JWT_AUDIENCE default to the BETTER_AUTH_URL origin, JWT_ALGORITHM to EdDSA; URLs compare
 * without a trailing slash. undefined: unknown (unset without a default, or unparsable base).
 */
function effective(values: ReadonlyMap<string, string>, name: SharedSetting): { value: string; explicit: boolean } | undefined {
  const raw = (values.get(name) ?? '').trim();
  if (name === 'BETTER_AUTH_URL') {
    if (!raw) return undefined;
    const url = urlOf(raw);
    return { value: url ? `${url.origin}${url.pathname.replace(/\/+$/, '')}` : raw, explicit: true };
  }
  if (raw) return { value: raw, explicit: true };
  if (name === 'JWT_ALGORITHM') return { value: 'EdDSA', explicit: false };
  const base = urlOf((values.get('BETTER_AUTH_URL') ?? '').trim());
  return base ? { value: base.origin, explicit: false } : undefined;
}

const CONSEQUENCE: Record<SharedSetting, string> = {
  BETTER_AUTH_URL: 'the API server fetches its keys (JWKS) from another server than the one that signs the tokens',
  JWT_ISSUER: 'the API server rejects every token the app mints (iss check)',
  JWT_AUDIENCE: 'the API server rejects every token the app mints (aud check)',
  JWT_ALGORITHM: 'the API server accepts only its own algorithm, so it rejects every token the app signs',
};

/** Warns when an API server's env file and the app's `.env` disagree on a shared setting. */
function crossFileFindings(units: readonly UnitValues[]): Finding[] {
  const app = units.find((u) => u.unit.file === DEFAULT_ENV_FILE);
  if (!app?.values) return [];
  const findings: Finding[] = [];
  for (const other of units) {
    if (other === app || !other.values) continue;
    let urlOriginsDiffer = false;
    for (const name of SHARED_SETTINGS) {
      const appVar = app.describe(name);
      const otherVar = other.describe(name);
      if (!appVar || !otherVar) continue;
      const a = effective(app.values, name);
      const b = effective(other.values, name);
      if (!a || !b || a.value === b.value) continue;
      // An invalid value is already an error of its own file; comparing it adds only noise.
      if (checkValue(appVar, a.value, [], false) || checkValue(otherVar, b.value, [], false)) continue;
      if (name === 'BETTER_AUTH_URL') {
        urlOriginsDiffer = urlOf(a.value)?.origin !== urlOf(b.value)?.origin;
      } else if (!a.explicit && !b.explicit) {
        // Both follow BETTER_AUTH_URL: the BETTER_AUTH_URL warning already says it.
        continue;
      }
      const show = (e: { value: string; explicit: boolean }) => (e.explicit ? JSON.stringify(e.value) : `${JSON.stringify(e.value)} by default`);
      const appAt = app.lines.get(name) ? `${app.unit.file}:${app.lines.get(name)}` : app.unit.file;
      let message = `${name} differs between ${appAt} (${show(a)}) and ${other.unit.file} (${show(b)}): ${CONSEQUENCE[name]}`;
      if (name === 'BETTER_AUTH_URL' && urlOriginsDiffer) {
        const follow = ['JWT_ISSUER', 'JWT_AUDIENCE'].filter((n) => !(app.values?.get(n) ?? '').trim() && !(other.values?.get(n) ?? '').trim());
        if (follow.length) message += `; ${follow.join(' and ')} default to its origin, so tokens would fail those checks too`;
      }
      // A defaulted issuer/audience comes from BETTER_AUTH_URL: point there when JWT_* is absent.
      const line = other.lines.get(name) ?? (!b.explicit && name !== 'JWT_ALGORITHM' ? other.lines.get('BETTER_AUTH_URL') : undefined);
      findings.push(finding('cross-file-mismatch', message, { variable: name, file: other.unit.file, line }));
    }
  }
  return findings;
}

export async function checkEnv(options: CheckEnvOptions): Promise<CheckEnvResult> {
  const root = path.resolve(options.cwd);
  const findings: Finding[] = [];
  const envVarsFor = options.envVarsFor ?? (await (await import('./wiring.js')).loadEnvVarsFor());

  // 1. The registry, when the project has a manifest; one unit per env file it names.
  const manifestResult = readManifest(root);
  let registry: EnvVar[] | undefined;
  if (manifestResult.status === 'invalid') {
    findings.push(finding('manifest-invalid', `${MANIFEST_FILE} ${manifestResult.problem}; checking without it`, { file: MANIFEST_FILE }));
  } else if (manifestResult.status === 'ok') {
    try {
      registry = registryFor(manifestResult.manifest, envVarsFor);
    } catch (error) {
      findings.push(finding('manifest-invalid', `${MANIFEST_FILE} has options this CLI cannot use (${(error as Error).message}); checking without it`, { file: MANIFEST_FILE }));
    }
  }
  const units = envFileUnits(registry ?? []);

  // 2. The code. A directory of one of this project's env files (backend/) is part of it,
  // even with its own .env.example; any other directory with one is a project of its own.
  const scan = await scanProject(root, { ownDirs: units.map((u) => u.dir).filter((d) => d !== '') });
  findings.push(...scanFindings(scan.problems));
  const readsOf = new Map<EnvFileUnit, EnvRead[]>(units.map((u) => [u, []]));
  for (const r of scan.reads) readsOf.get(unitOf(units, r.file))?.push(r);

  // 3. Each env file against its own variables and the code that reads it.
  const examples = new Map(units.map((u) => [u, loadExample(root, u)]));
  const documentedIn = (name: string) => units.filter((u) => examples.get(u)?.entries?.some((e) => e.name === name)).map((u) => u.example);
  const ctx: UnitContext = { root, registry, fromProcess: options.fromProcess ?? false, processEnv: options.processEnv ?? process.env, envVarsFor, documentedIn };
  const checked = units.map((u) => checkUnit(u, examples.get(u) as LoadedExample, readsOf.get(u) ?? [], ctx, findings));

  // 4. What the app and an API server must agree on.
  findings.push(...crossFileFindings(checked));

  // 5. Local env files and git.
  gitLoop: for (const dir of new Set(units.map((u) => u.dir))) {
    for (const rel of localEnvFiles(root, dir)) {
      const status = gitStatusOf(root, rel);
      if (!status) break gitLoop; // not a git repository
      if (status.tracked) {
        findings.push(finding('dotenv-tracked', `${rel} is committed to git${status.ignored ? ' even though .gitignore lists it (ignore rules do not apply to tracked files)' : ''}: run git rm --cached ${rel}, and rotate the secrets it held`, { file: rel }));
      } else if (!status.ignored) {
        findings.push(finding('dotenv-not-ignored', `${rel} is not git-ignored: add it to .gitignore before it gets committed`, { file: rel }));
      }
    }
  }

  const unique = dedupe(findings).sort(compareFindings);
  return {
    findings: unique,
    summary: summarise(unique, options.strict ?? false),
    stats: { filesListed: scan.filesListed, filesParsed: scan.filesParsed, reads: scan.reads.length, via: scan.via, manifest: registry !== undefined, envFiles: units.map((u) => u.file) },
  };
}

/** With --from-process one environment serves every env file: report a problem once. */
function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = JSON.stringify([f.rule, f.variable, f.file, f.line, f.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function compareFindings(a: Finding, b: Finding): number {
  const fa = a.file ?? '';
  const fb = b.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  if ((a.line ?? 0) !== (b.line ?? 0)) return (a.line ?? 0) - (b.line ?? 0);
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  return (a.variable ?? '') < (b.variable ?? '') ? -1 : (a.variable ?? '') > (b.variable ?? '') ? 1 : 0;
}
