// `gen env`: renders the env registry into one `.env.example` per env file (`.env.example`,
// `backend/.env.example`...) and the README's env table (every variable of every file), and
// (with --write-env) adds missing keys to each env file without touching an existing value.
// It owns only what it generated or what sits between its markers: an .env.example it did
// not write (gen-foreign.ts) only gets the missing variables in a block at the end, and a
// README only its env table (gen-readme.ts).
// Every file is read and written through assertInsideProject: never through a symbolic link,
// never outside the project, and a refusal comes before anything is written. The writes go
// through the writer's transaction (only gen env loads it, check env never): all files change
// together or none does.
import { readdirSync, statSync } from 'node:fs';
import { CliError } from '../errors.js';
import { MANIFEST_FILE, hashContent, readManifest, renderManifest } from '../plan/manifest.js';
import { makeSecret as newSecret } from '../writer/dotenv.js';
import { writeTransaction, type TransactionHooks } from '../writer/transaction.js';
import { assertInsideProject, projectRoot } from '../writer/safe-path.js';
import { unifiedDiff } from './diff.js';
import { addMissingToDotenv } from './gen-dotenv.js';
import { docsFindings, planForeignExample, type DocsFindings } from './gen-foreign.js';
import { planReadme } from './gen-readme.js';
import { readTextFile } from './files.js';
import { mask } from './findings.js';
import { looksSecret } from './names.js';
import {
  envFileUnits,
  generatorKeys,
  mergeWithExample,
  parseExample,
  registryFor,
  type EnvFileUnit,
  type EnvVarsFor,
} from './registry.js';
import { DEFAULT_ENV_FILE, renderDotEnv, renderEnvExample, renderEnvTable } from './render.js';
import type { EnvVar } from './types.js';

export interface GenEnvOptions {
  cwd: string;
  /** Write nothing; report drift. */
  check?: boolean;
  /** Also add missing keys to each env file (`.env`, `backend/.env`...). */
  writeEnv?: boolean;
  /** Append the env table with its markers to a README that has none. */
  readmeMarkers?: boolean;
  envVarsFor?: EnvVarsFor;
  /** Source of generated secrets (tests inject a fixed one). */
  makeSecret?: () => string;
  /** The transaction's test hooks (a failure at one file). */
  hooks?: TransactionHooks;
}

export interface FileChange {
  file: string;
  before: string | undefined;
  after: string;
  /** What changed, in words (never a value). */
  summary: string;
  /** An env file holding real values (`.env`, `backend/.env`): never diffed, written 0600. */
  holdsValues?: boolean;
  /** A file gen env does not own: `--check` prints these lines instead of a diff. */
  explain?: string[];
}

export interface GenEnvPlan {
  /** Every variable of every env file, in README order. */
  vars: EnvVar[];
  changes: FileChange[];
  /** Informational lines (kept/dropped variables...). */
  notes: string[];
  /** Variables whose values were generated, with their env file. */
  generated: Array<{ file: string; name: string }>;
}

function usesCrlf(text: string | undefined): boolean {
  return text !== undefined && text.includes('\r\n');
}

function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

function findReadme(root: string): string | undefined {
  try {
    return readdirSync(root).find((n) => n.toLowerCase() === 'readme.md');
  } catch {
    return undefined;
  }
}

/**
 * An .env.example is gen env's own when the project has a manifest and the file is what gen
 * env renders or still has the hash the manifest recorded; a missing one is created. Any
 * other is the user's: gen env only adds to it, in a block of its own.
 */
function ownsExample(manifest: ReturnType<typeof readManifest>, file: string, text: string | undefined, rendered: string): boolean {
  if (text === undefined) return true;
  if (manifest.status !== 'ok') return false;
  return text === rendered || manifest.manifest.files[file] === hashContent(text);
}

/** The text of a project file (undefined when absent); an unreadable or unsafe one is an error. */
function must(root: string, file: string): string | undefined {
  const read = readTextFile(assertInsideProject(root, file));
  if (read.status === 'unreadable') throw new CliError(`${file} cannot be read: ${read.why}`);
  return read.status === 'ok' ? read.text : undefined;
}

/** The `.env` change of one env file: created with local defaults, or missing keys added. */
function dotenvChange(root: string, file: string, vars: readonly EnvVar[], makeSecret: () => string): { change: FileChange; generated: string[] } {
  const text = must(root, file);
  if (text === undefined) {
    const generated = vars.filter((v) => v.generate === 'secret').map((v) => v.name);
    return { change: { file, before: undefined, after: renderDotEnv(vars, makeSecret), summary: `created with ${vars.length} variable(s)`, holdsValues: true }, generated };
  }
  const r = addMissingToDotenv(text, vars, makeSecret);
  const filled = r.generated.filter((n) => !r.added.includes(n));
  const parts: string[] = [];
  if (r.added.length) parts.push(`added ${r.added.join(', ')}`);
  if (filled.length) parts.push(`filled in empty ${filled.join(', ')}`);
  return { change: { file, before: text, after: r.text, summary: parts.join('; '), holdsValues: true }, generated: r.generated };
}

export async function planGenEnv(options: GenEnvOptions): Promise<GenEnvPlan> {
  const root = projectRoot(options.cwd);
  const envVarsFor = options.envVarsFor ?? (await (await import('./wiring.js')).loadEnvVarsFor());
  const makeSecret = options.makeSecret ?? newSecret;
  const notes: string[] = [];

  const manifest = readManifest(root);
  if (manifest.status === 'invalid') throw new CliError(`${MANIFEST_FILE} ${manifest.problem}`);
  let registry: EnvVar[] = [];
  let owned = new Set<string>();
  if (manifest.status === 'ok') {
    try {
      registry = registryFor(manifest.manifest, envVarsFor);
      owned = generatorKeys(manifest.manifest.options, envVarsFor);
    } catch (error) {
      throw new CliError(`${MANIFEST_FILE} has options this CLI cannot use: ${(error as Error).message}`);
    }
  }
  // Without a manifest only the root `.env.example` is known (and must exist).
  const units: EnvFileUnit[] = envFileUnits(registry);

  const changes: FileChange[] = [];
  const generated: GenEnvPlan['generated'] = [];
  const keptAll: EnvVar[] = [];
  // What check env says about each example: read once, only if a file is not ours.
  let docs: DocsFindings | undefined;
  for (const unit of units) {
    const exampleText = must(root, unit.example);
    const example = exampleText === undefined ? [] : parseExample(exampleText);
    const { vars, kept, dropped } = mergeWithExample(unit.vars, example, owned, unit.file);
    let rendered = renderEnvExample(vars);
    if (usesCrlf(exampleText)) rendered = toCrlf(rendered);

    // What --write-env adds to the env file for each missing key.
    let envVars = vars;
    // Without a manifest an absent example is the user's, still empty: only the block of what
    // the code reads goes in (nothing read, nothing written).
    const usersEmptyExample = manifest.status === 'absent' && exampleText === undefined;
    if (!usersEmptyExample && ownsExample(manifest, unit.example, exampleText, rendered)) {
      keptAll.push(...kept);
      if (kept.length > 0 && manifest.status === 'ok') notes.push(`kept ${kept.length} variable(s) of your own from ${unit.example}: ${kept.map((v) => v.name).join(', ')}`);
      if (dropped.length > 0) notes.push(`removed ${dropped.join(', ')} from ${unit.example}: this project's options no longer use them`);
      changes.push({ file: unit.example, before: exampleText, after: rendered, summary: exampleText === undefined ? 'created' : 'rewritten from the env registry' });
    } else {
      docs ??= await docsFindings(root, units, envVarsFor);
      const why = manifest.status === 'ok' ? 'edited since gen env wrote it, or not written by it' : `no ${MANIFEST_FILE}`;
      const foreign = planForeignExample({ unit, text: exampleText ?? '', example, vars, owned, docs, why });
      if (usersEmptyExample && foreign.change.after === '' && unit.file === DEFAULT_ENV_FILE) {
        throw new CliError(`nothing to generate from: no ${MANIFEST_FILE} and no ${unit.example} in ${root}, and its code reads no environment variable (run it in a generated project, or pass --cwd)`);
      }
      if (exampleText === undefined) foreign.change.before = undefined;
      envVars = foreign.envVars;
      keptAll.push(...foreign.rows);
      notes.push(...foreign.notes);
      changes.push(foreign.change);
    }

    if (options.writeEnv) {
      const r = dotenvChange(root, unit.file, envVars, makeSecret);
      changes.push(r.change);
      generated.push(...r.generated.map((name) => ({ file: unit.file, name })));
    }
  }
  // The README lists every variable of every file: the registry in its own order (as the
  // scaffolder renders it), then the user's own variables per file.
  const vars = [...registry, ...keptAll];

  const readmeName = findReadme(root);
  const readmeText = readmeName === undefined ? undefined : must(root, readmeName);
  const readme = planReadme(readmeName ?? 'README.md', readmeText, renderEnvTable(vars), options.readmeMarkers ?? false);
  if (readme.note) notes.push(readme.note);
  // The README comes right after the root .env.example, as before env files multiplied.
  if (readmeName !== undefined && readme.after !== undefined) {
    changes.splice(1, 0, { file: readmeName, before: readmeText, after: readme.after, summary: 'env table updated' });
  }
  return { vars, changes, notes, generated };
}

export interface GenEnvIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Masks values of secret variables in a diff line of an env file. */
function maskEnvLine(vars: readonly EnvVar[]) {
  const secret = new Set(vars.filter((v) => v.secret).map((v) => v.name));
  return (line: string): string => {
    const m = /^(\s*(?:export\s+)?)([\w.-]+)(\s*[=:]\s*)(.+)$/.exec(line);
    if (!m || !(secret.has(m[2] as string) || looksSecret(m[2] as string))) return line;
    return `${m[1]}${m[2]}${m[3]}${mask((m[4] as string).trim())}`;
  };
}

/** Runs `gen env`. With --check and drift, prints the diff and throws CliError (exit 1). */
export async function runGenEnv(options: GenEnvOptions, io: GenEnvIo): Promise<void> {
  const root = projectRoot(options.cwd);
  const plan = await planGenEnv(options.check ? { ...options, makeSecret: () => '<generated>' } : options);
  const changed = plan.changes.filter((c) => c.before !== c.after);
  for (const note of plan.notes) io.stderr(`note: ${note}\n`);

  if (options.check) {
    if (changed.length === 0) {
      io.stdout('gen env --check: up to date\n');
      return;
    }
    const examples = new Set(plan.changes.filter((c) => c.file.endsWith('.example')).map((c) => c.file));
    for (const c of changed) {
      if (c.explain) {
        io.stdout(c.explain.map((l) => `${l}\n`).join(''));
        continue;
      }
      if (c.holdsValues) {
        io.stdout(`${c.file}: would be ${c.before === undefined ? 'created' : 'changed'} (${c.summary})\n`);
        continue;
      }
      io.stdout(unifiedDiff(c.file, c.before ?? '', c.after, examples.has(c.file) ? maskEnvLine(plan.vars) : undefined));
    }
    throw new CliError(`gen env --check: ${changed.map((c) => c.file).join(', ')} out of date; run: npx create-better-auth-jwt gen env`);
  }

  const writes = changed.map((c) => ({ path: c.file, bytes: Buffer.from(c.after), mode: modeOf(root, c.file, c.holdsValues ? 0o600 : undefined) }));
  const manifest = manifestWithNewHashes(root, plan.changes);
  if (manifest !== undefined) writes.push({ path: MANIFEST_FILE, bytes: Buffer.from(manifest), mode: modeOf(root, MANIFEST_FILE, undefined) });
  if (writes.length > 0) await writeTransaction(root, writes, { targetExists: true, hooks: options.hooks });
  for (const c of changed) io.stdout(`${c.before === undefined ? 'created' : 'updated'} ${c.file}${c.summary ? ` (${c.summary})` : ''}\n`);
  const byFile = new Map<string, string[]>();
  for (const g of plan.generated) byFile.set(g.file, [...(byFile.get(g.file) ?? []), g.name]);
  for (const [file, names] of byFile) io.stdout(`generated a random value for ${names.join(', ')} in ${file} (not shown)\n`);
  if (changed.length === 0) io.stdout('gen env: everything up to date\n');
}

/**
 * The mode to write a file with: an existing file keeps its own, narrowed to `at most` (a
 * loose .env becomes 0600, never the reverse); a new one gets `at most` or the default.
 * Checked through assertInsideProject, so a refusal comes before anything is written.
 */
function modeOf(root: string, file: string, atMost: number | undefined): number | undefined {
  const abs = assertInsideProject(root, file);
  let existing: number | undefined;
  try {
    existing = statSync(abs).mode & 0o777;
  } catch {
    existing = undefined;
  }
  return existing === undefined ? atMost : existing & (atMost ?? 0o777);
}

/** The manifest with the new hash of each generated file we rewrite unedited (so it stays "unedited"); undefined: no change. */
function manifestWithNewHashes(root: string, changes: readonly FileChange[]): string | undefined {
  const result = readManifest(root);
  if (result.status !== 'ok') return undefined;
  const files = result.manifest.raw.files as Record<string, string> | undefined;
  if (!files || typeof files !== 'object') return undefined;
  let dirty = false;
  for (const c of changes) {
    if (c.before === undefined || c.before === c.after || c.holdsValues) continue;
    if (files[c.file] === hashContent(c.before)) {
      files[c.file] = hashContent(c.after);
      dirty = true;
    }
  }
  return dirty ? renderManifest(result.manifest.raw) : undefined;
}
