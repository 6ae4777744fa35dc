// `check env`: code ↔ .env.example ↔ .env (or the real environment) ↔ the registry.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { FRAMEWORKS, BACKENDS, STORAGES, PROVIDERS, HTTP_CLIENTS, PACKAGE_MANAGERS, type ProjectOptions } from '../options/choices.js';
import { lintDotenv } from './dotenv-lint.js';
import type { ParsedDotenv } from './dotenv.js';
import { gitStatusOf, readTextFile } from './files.js';
import { finding, type Finding } from './findings.js';
import { isPlatformVar, looksSecret, publicPrefixOf, READ_BY_LIBRARIES } from './names.js';
import {
  EXAMPLE_FILE,
  MANIFEST_FILE,
  parseExample,
  readManifest,
  registryFor,
  type EnvVarsFor,
  type ExampleEntry,
} from './registry.js';
import { summarise, type Summary } from './report.js';
import { scanProject } from './scan.js';
import type { EnvRead } from './scan-types.js';
import type { EnvVar } from './types.js';
import { checkValue, parseSeconds } from './values.js';

export const DOTENV_FILE = '.env';
const ACCESS_TTL = 'JWT_ACCESS_TOKEN_EXPIRES';
const SESSION_TTL = 'JWT_REFRESH_TOKEN_EXPIRES';

export interface CheckEnvOptions {
  /** Project directory (absolute or relative to process.cwd()). */
  cwd: string;
  /** Check the real environment instead of `.env`. */
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
  stats: { filesListed: number; filesParsed: number; reads: number; via: 'git' | 'walk'; manifest: boolean };
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

/** Local env files that hold secrets and must stay out of git. */
function localEnvFiles(root: string): string[] {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return [];
  }
  return names
    .filter((n) => n === '.env' || n === '.env.local' || /^\.env\.[\w-]+\.local$/.test(n))
    .filter((n) => {
      try {
        return statSync(path.join(root, n)).isFile();
      } catch {
        return false;
      }
    })
    .sort();
}

export async function checkEnv(options: CheckEnvOptions): Promise<CheckEnvResult> {
  const root = path.resolve(options.cwd);
  const findings: Finding[] = [];
  const resolvedEnvVarsFor = options.envVarsFor ?? (await (await import('./wiring.js')).loadEnvVarsFor());

  // 1. The registry, when the project has a manifest.
  const manifestResult = readManifest(root);
  let registry: EnvVar[] | undefined;
  if (manifestResult.status === 'invalid') {
    findings.push(finding('manifest-invalid', `${MANIFEST_FILE} ${manifestResult.problem}; checking without it`, { file: MANIFEST_FILE }));
  } else if (manifestResult.status === 'ok') {
    try {
      registry = registryFor(manifestResult.manifest, resolvedEnvVarsFor);
    } catch (error) {
      findings.push(finding('manifest-invalid', `${MANIFEST_FILE} has options this CLI cannot use (${(error as Error).message}); checking without it`, { file: MANIFEST_FILE }));
    }
  }
  const registryByName = new Map((registry ?? []).map((v) => [v.name, v]));

  // 2. .env.example
  let example: ExampleEntry[] | undefined;
  const exampleFile = readTextFile(path.join(root, EXAMPLE_FILE));
  // Masking is conservative: the registry's word or a secret-looking name (DATABASE_URL
  // holds a password in most deployments even where the registry calls it non-secret).
  const isSecretName = (name: string) => (registryByName.get(name)?.secret ?? false) || looksSecret(name);
  if (exampleFile.status === 'ok') {
    example = parseExample(exampleFile.text);
    findings.push(...lintDotenv(exampleFile.text, { file: EXAMPLE_FILE, isSecret: isSecretName }).findings);
  } else if (exampleFile.status === 'unreadable') {
    findings.push(finding('dotenv-unreadable', `${EXAMPLE_FILE} cannot be read: ${exampleFile.why}`, { file: EXAMPLE_FILE }));
  }
  const exampleByName = new Map((example ?? []).map((e) => [e.name, e]));

  // 3. .env (linted whenever it exists; its values are checked unless --from-process)
  let dotenv: ParsedDotenv | undefined;
  const dotenvFile = readTextFile(path.join(root, DOTENV_FILE));
  if (dotenvFile.status === 'ok') {
    const lint = lintDotenv(dotenvFile.text, { file: DOTENV_FILE, isSecret: isSecretName });
    dotenv = lint.parsed;
    findings.push(...lint.findings);
  } else if (dotenvFile.status === 'unreadable') {
    findings.push(finding('dotenv-unreadable', `${DOTENV_FILE} cannot be read: ${dotenvFile.why}`, { file: DOTENV_FILE }));
  }
  const dotenvLine = new Map<string, number>();
  for (const e of dotenv?.entries ?? []) dotenvLine.set(e.key, e.line);

  // 4. The code.
  const scan = await scanProject(root);
  const readsByName = new Map<string, EnvRead[]>();
  for (const r of scan.reads) {
    const list = readsByName.get(r.name) ?? [];
    list.push(r);
    readsByName.set(r.name, list);
  }
  for (const list of readsByName.values()) list.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  for (const p of scan.problems) {
    if (p.kind === 'skipped') findings.push(finding('scan-skipped', `skipped: ${p.message ?? 'unreadable'}`, { file: p.file }));
    else if (p.kind === 'nested') findings.push(finding('nested-project', `not scanned: ${p.message ?? 'a nested project'}`, { file: p.file }));
    else if (p.kind === 'parse-error') findings.push(finding('scan-parse-error', `could not parse (${p.message ?? 'syntax error'}); env reads in this file may be missed`, { file: p.file, line: p.line }));
  }
  const dynamicSeen = new Set<string>();
  for (const p of scan.problems) {
    if (p.kind !== 'dynamic') continue;
    const key = `${p.file}:${p.line}`;
    if (dynamicSeen.has(key)) continue;
    dynamicSeen.add(key);
    findings.push(finding('dynamic-env-key', 'env variable read with a computed name: it cannot be checked', { file: p.file, line: p.line }));
  }

  // What each variable is: the registry, else (in a Better Auth project) the generator's
  // knowledge of the well-known names, else a plain string.
  const allNames = new Set<string>([...registryByName.keys(), ...exampleByName.keys(), ...readsByName.keys(), ...dotenvLine.keys()]);
  const betterAuth = registry !== undefined || usesBetterAuth(root, allNames);
  const known = new Map<string, EnvVar>();
  if (registry === undefined && betterAuth) {
    for (const v of resolvedEnvVarsFor(referenceOptions())) if (v.name !== 'DATABASE_URL') known.set(v.name, v);
  }
  const describe = (name: string): EnvVar | undefined => registryByName.get(name) ?? known.get(name);
  const isSecret = (name: string) => (describe(name)?.secret ?? false) || looksSecret(name);

  // 5. Code vs documentation.
  for (const [name, reads] of readsByName) {
    if (isPlatformVar(name) || exampleByName.has(name)) continue;
    const first = reads[0] as EnvRead;
    const more = reads.length > 1 ? ` (read in ${reads.length} places)` : '';
    const hint = example === undefined ? `there is no ${EXAMPLE_FILE}` : registryByName.has(name) ? `run gen env to add it to ${EXAMPLE_FILE}` : `add it to ${EXAMPLE_FILE} with a comment`;
    findings.push(finding('undocumented', `${name} is read here but not documented in ${EXAMPLE_FILE}${more}; ${hint}`, { variable: name, file: first.file, line: first.line }));
  }
  if (example === undefined && exampleFile.status === 'absent') {
    const needs = [...readsByName.keys()].filter((n) => !isPlatformVar(n)).length + (registry?.length ?? 0);
    if (needs > 0) findings.push(finding('example-missing', `there is no ${EXAMPLE_FILE}: document every variable the project reads there${registry ? ' (gen env writes it)' : ''}`, { file: EXAMPLE_FILE }));
  }
  if (example !== undefined) {
    for (const v of registry ?? []) {
      if (exampleByName.has(v.name) || readsByName.has(v.name)) continue;
      findings.push(finding('not-in-example', `${v.name} is a variable of this project but is missing from ${EXAMPLE_FILE}; run gen env`, { variable: v.name, file: EXAMPLE_FILE }));
    }
    for (const e of example) {
      if (readsByName.has(e.name) || READ_BY_LIBRARIES.has(e.name) || isPlatformVar(e.name)) continue;
      findings.push(finding('unused', `${e.name} is documented but never read by the code`, { variable: e.name, file: EXAMPLE_FILE, line: e.line }));
    }
  }

  // 6. Values: from .env, or from the real environment.
  let values: Map<string, string> | undefined;
  let valuesFile: string | undefined;
  if (options.fromProcess) {
    const env = options.processEnv ?? process.env;
    values = new Map(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } else if (dotenv) {
    values = dotenv.values;
    valuesFile = DOTENV_FILE;
  } else if (dotenvFile.status === 'absent' && (registry !== undefined || example !== undefined)) {
    findings.push(finding('dotenv-missing', `there is no ${DOTENV_FILE}, so required variables were not checked (copy ${EXAMPLE_FILE} to ${DOTENV_FILE}, or use --from-process where the environment provides them)`, { file: DOTENV_FILE }));
  }
  const at = (name: string) => ({ variable: name, file: valuesFile, line: valuesFile ? dotenvLine.get(name) : undefined });
  const source = options.fromProcess ? 'the environment' : DOTENV_FILE;

  if (values) {
    const required = new Set<string>();
    for (const v of registry ?? []) if (v.required) required.add(v.name);
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

    const checked = new Set<string>([...(registry ?? []).map((v) => v.name), ...known.keys(), ...exampleByName.keys()]);
    if (betterAuth && !describe('BETTER_AUTH_SECRET') && values.has('BETTER_AUTH_SECRET')) checked.add('BETTER_AUTH_SECRET');
    if (betterAuth && values.has('AUTH_SECRET')) checked.add('AUTH_SECRET');
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

    // Access tokens are minted from the session: they must expire first.
    if (registryByName.has(ACCESS_TTL) || known.has(ACCESS_TTL) || values.has(ACCESS_TTL)) {
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

  // 7. Secrets exposed to the browser by a public prefix.
  for (const name of [...allNames].sort()) {
    const prefix = publicPrefixOf(name);
    if (!prefix) continue;
    const rest = name.slice(prefix.length);
    if (!looksSecret(rest) && !(registryByName.get(name)?.secret ?? false)) continue;
    const read = readsByName.get(name)?.[0];
    const where = read
      ? { variable: name, file: read.file, line: read.line }
      : exampleByName.has(name)
        ? { variable: name, file: EXAMPLE_FILE, line: exampleByName.get(name)?.line }
        : dotenvLine.has(name)
          ? { variable: name, file: DOTENV_FILE, line: dotenvLine.get(name) }
          : { variable: name };
    findings.push(finding('public-secret', `${name} looks like a secret, but the ${prefix} prefix makes the bundler inline it into browser code where anyone can read it; drop the prefix and read it on the server`, where));
  }

  // 8. Local env files and git.
  for (const rel of localEnvFiles(root)) {
    const status = gitStatusOf(root, rel);
    if (!status) break; // not a git repository
    if (status.tracked) {
      findings.push(finding('dotenv-tracked', `${rel} is committed to git${status.ignored ? ' even though .gitignore lists it (ignore rules do not apply to tracked files)' : ''}: run git rm --cached ${rel}, and rotate the secrets it held`, { file: rel }));
    } else if (!status.ignored) {
      findings.push(finding('dotenv-not-ignored', `${rel} is not git-ignored: add it to .gitignore before it gets committed`, { file: rel }));
    }
  }

  findings.sort(compareFindings);
  return {
    findings,
    summary: summarise(findings, options.strict ?? false),
    stats: { filesListed: scan.filesListed, filesParsed: scan.filesParsed, reads: scan.reads.length, via: scan.via, manifest: registry !== undefined },
  };
}

function compareFindings(a: Finding, b: Finding): number {
  const fa = a.file ?? '';
  const fb = b.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  if ((a.line ?? 0) !== (b.line ?? 0)) return (a.line ?? 0) - (b.line ?? 0);
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  return (a.variable ?? '') < (b.variable ?? '') ? -1 : (a.variable ?? '') > (b.variable ?? '') ? 1 : 0;
}
