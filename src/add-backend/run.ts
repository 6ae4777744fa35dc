// `add backend`: detect the API, settle the choices (flags, the last run's manifest, prompts,
// defaults), work out every file change, write them all at once (or none), and print what
// to add to the server file. It never edits the user's code.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { git } from '../env/files.js';
import { CliError, UsageError } from '../errors.js';
import { CLI_NAME, CLI_VERSION } from '../plan/version.js';
import { PINNED_VERSIONS } from '../versions.js';
import { mergePackageJson } from '../writer/package-json.js';
import { assertInsideProject, projectRoot } from '../writer/safe-path.js';
import { writeTransaction, type FileChange } from '../writer/transaction.js';
import { describeApi, detectApi, unsupportedMessage, type ExistingApi } from './detect.js';
import { envExampleWithVars, readmeWithVars, requirementsWithLines, verifierVars } from './env-docs.js';
import { PYTHON_REQUIREMENTS, verifierFiles } from './files.js';
import { mountInstructions, renderInstructions } from './instructions.js';
import { BACKEND_MANIFEST_FILE, hashContent, readBackendManifest, renderBackendManifest, type BackendChoices, type BackendManifest } from './manifest.js';

export const ALGORITHMS = ['EdDSA', 'ES256', 'RS256'] as const;
export const DEFAULT_AUTH_URL = 'http://localhost:3000';
export const DEFAULT_ALGORITHM = 'EdDSA';
/** @fastify/cors for a Fastify 4 API (the pinned 11.x refuses to register on Fastify 4). */
const FASTIFY4_CORS = '9.0.1';

export interface AddBackendFlags {
  cwd?: string;
  authUrl?: string;
  algorithm?: string;
  corsOrigin?: string;
  /** false with --no-cors. */
  cors?: boolean;
  yes?: boolean;
  force?: boolean;
}

export interface AddBackendIo {
  out: (line: string) => void;
  warn: (line: string) => void;
  /** Asks for a value (undefined: cannot ask, e.g. no terminal). */
  ask?: (question: { message: string; initial: string; options?: readonly string[] }) => Promise<string>;
}

export type FileFate = 'created' | 'updated' | 'unchanged' | 'kept (edited since written)' | 'left alone (not written by add backend)';

export interface AddBackendResult {
  api: ExistingApi;
  choices: BackendChoices;
  fates: Record<string, FileFate | 'merged'>;
  instructions: string;
}

function httpUrl(flag: string, value: string, originOnly: boolean): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${flag} ${JSON.stringify(value)} is not a URL; expected something like ${DEFAULT_AUTH_URL}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${flag} ${JSON.stringify(value)} must be an http:// or https:// URL`);
  if (originOnly && (url.pathname !== '/' || url.search || url.hash)) throw new UsageError(`${flag} ${JSON.stringify(value)} must be an origin only (scheme://host:port, no path)`);
  return originOnly ? url.origin : `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

async function settle(flag: string | undefined, previous: string | undefined, io: AddBackendIo, yes: boolean, question: { message: string; initial: string; options?: readonly string[] }, flagName: string): Promise<string> {
  if (flag !== undefined) return flag;
  if (previous !== undefined) return previous;
  if (yes) return question.initial;
  if (io.ask) return io.ask(question);
  throw new UsageError(`${flagName} is missing and there is no terminal to ask; pass it, or --yes for the default (${question.initial})`);
}

async function resolveChoices(api: ExistingApi, previous: BackendChoices | undefined, flags: AddBackendFlags, io: AddBackendIo): Promise<BackendChoices> {
  const yes = Boolean(flags.yes);
  const authUrl = httpUrl('--auth-url', await settle(flags.authUrl, previous?.authUrl, io, yes, { message: 'URL of the app that serves Better Auth (BETTER_AUTH_URL)', initial: DEFAULT_AUTH_URL }, '--auth-url'), false);
  const algorithm = await settle(flags.algorithm, previous?.algorithm, io, yes, { message: 'Algorithm the auth server signs with (JWT_ALGORITHM)', initial: DEFAULT_ALGORITHM, options: ALGORITHMS }, '--algorithm');
  if (!(ALGORITHMS as readonly string[]).includes(algorithm)) throw new UsageError(`--algorithm ${JSON.stringify(algorithm)} is not one of ${ALGORITHMS.join(', ')} (Better Auth signs asymmetrically; HS* cannot be verified with a JWKS)`);
  let corsOrigin: string | null;
  if (flags.cors === false) corsOrigin = null;
  else if (flags.corsOrigin !== undefined) corsOrigin = httpUrl('--cors-origin', flags.corsOrigin, true);
  else if (previous) corsOrigin = previous.corsOrigin;
  else if (api.hasCors) corsOrigin = null;
  else corsOrigin = httpUrl('--cors-origin', await settle(undefined, undefined, io, yes, { message: 'Frontend origin allowed to call this API from the browser (CORS_ORIGIN)', initial: new URL(authUrl).origin }, '--cors-origin'), true);
  return { authUrl, algorithm, corsOrigin };
}

/** `git status --porcelain` of the folder: undefined outside a git work tree. */
function uncommitted(dir: string): string[] | undefined {
  const inside = git(dir, ['rev-parse', '--is-inside-work-tree']);
  if (inside.status !== 0 || inside.stdout.trim() !== 'true') return undefined;
  return git(dir, ['status', '--porcelain', '--', '.']).stdout.split('\n').filter((line) => line.trim() !== '');
}

function readProjectFile(root: string, rel: string): string | undefined {
  const file = assertInsideProject(root, rel);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** Packages the verifier (and the CORS lines, when we print them) need in package.json. */
function nodeDependencies(api: ExistingApi, cors: boolean): { dependencies: Record<string, string>; devDependencies: Record<string, string> } {
  const dependencies: Record<string, string> = { jose: PINNED_VERSIONS.jose };
  const devDependencies: Record<string, string> = {};
  if (cors && api.kind === 'express') {
    dependencies.cors = PINNED_VERSIONS.cors;
    if (api.typescript) devDependencies['@types/cors'] = PINNED_VERSIONS['@types/cors'];
  }
  // @fastify/cors 10+ needs Fastify 5; 9.x is the line for Fastify 4.
  if (cors && api.kind === 'fastify') dependencies['@fastify/cors'] = api.major === 4 ? FASTIFY4_CORS : PINNED_VERSIONS['@fastify/cors'];
  return { dependencies, devDependencies };
}

export async function runAddBackend(dir: string | undefined, flags: AddBackendFlags, io: AddBackendIo): Promise<AddBackendResult> {
  // Bad flags first: a usage error before anything is looked at.
  if (flags.authUrl !== undefined) httpUrl('--auth-url', flags.authUrl, false);
  if (flags.corsOrigin !== undefined) httpUrl('--cors-origin', flags.corsOrigin, true);
  const shown = path.resolve(flags.cwd ?? '.', dir ?? '.');
  if (!existsSync(shown) || !statSync(shown).isDirectory()) throw new CliError(`${shown} is not a folder`);
  const root = projectRoot(shown);
  const api = detectApi(root);
  if (!api) throw new CliError(unsupportedMessage(shown));
  const manifest = readBackendManifest(root);
  // After a run that set CORS up, the cors package is ours: not the app's own CORS.
  io.out(describeApi(manifest && manifest.backend.corsOrigin !== null ? { ...api, hasCors: false } : api));

  const dirty = uncommitted(root);
  if (dirty === undefined) io.warn(`${shown} is not in a git repository: you will not be able to review or undo these changes with git`);
  else if (dirty.length > 0 && !flags.force) {
    throw new CliError(`${shown} has uncommitted changes (${dirty.length} path${dirty.length === 1 ? '' : 's'}, e.g. ${dirty[0]?.slice(3)}); commit or stash them first so that you can review and undo what this adds with git, or pass --force`);
  }
  const choices = await resolveChoices(api, manifest?.backend, flags, io);
  const cors = choices.corsOrigin !== null;

  const changes: FileChange[] = [];
  const fates: AddBackendResult['fates'] = {};
  const notes: string[] = [];
  const files: Record<string, string> = {};
  const layout = await verifierFiles(api);
  for (const file of layout.files) {
    const current = readProjectFile(root, file.path);
    const recorded = manifest?.files[file.path];
    const ours = hashContent(file.content);
    if (current === undefined) {
      changes.push({ path: file.path, bytes: Buffer.from(file.content) });
      fates[file.path] = 'created';
      files[file.path] = ours;
    } else if (current === file.content) {
      fates[file.path] = 'unchanged';
      files[file.path] = ours;
    } else if (recorded !== undefined && hashContent(current) === recorded) {
      changes.push({ path: file.path, bytes: Buffer.from(file.content) });
      fates[file.path] = 'updated';
      files[file.path] = ours;
    } else if (recorded !== undefined) {
      fates[file.path] = 'kept (edited since written)';
      files[file.path] = recorded;
    } else {
      fates[file.path] = 'left alone (not written by add backend)';
      notes.push(`${file.path} exists and is not ours: left alone; the guard expects the verifier there, so move your file or compare it with the generated one`);
    }
  }

  const merge = (rel: string, after: string | undefined) => {
    if (after === undefined) return;
    changes.push({ path: rel, bytes: Buffer.from(after) });
    fates[rel] = readProjectFile(root, rel) === undefined ? 'created' : 'merged';
  };

  if (api.kind === 'fastapi') {
    const requirements = readProjectFile(root, 'requirements.txt');
    if (api.source === 'requirements.txt' && requirements !== undefined) merge('requirements.txt', requirementsWithLines(requirements, PYTHON_REQUIREMENTS));
    else notes.push(`add to your pyproject.toml dependencies: ${PYTHON_REQUIREMENTS.map((line) => JSON.stringify(line.replace(/\s+#.*$/, ''))).join(', ')}`);
  } else {
    const pkg = readProjectFile(root, 'package.json') ?? '{}';
    const merged = mergePackageJson(pkg, JSON.stringify(nodeDependencies(api, cors)));
    if (!merged) throw new CliError('package.json is not a JSON object; fix it and run add backend again');
    if (merged.content !== pkg) merge('package.json', merged.content);
    for (const warning of merged.warnings) io.warn(warning);
  }

  const vars = verifierVars({ authUrl: choices.authUrl, algorithm: choices.algorithm, corsOrigin: choices.corsOrigin ?? undefined, defaultCooldown: api.kind === 'fastapi' ? 30 : 5 });
  merge('.env.example', envExampleWithVars(readProjectFile(root, '.env.example'), vars));
  const readme = readmeWithVars(readProjectFile(root, 'README.md'), vars);
  if (readme.after !== undefined) merge('README.md', readme.after);
  if (readme.note) notes.push(readme.note);

  const next: BackendManifest = { version: 1, generator: `${CLI_NAME}@${CLI_VERSION}`, backend: choices, files };
  const manifestText = renderBackendManifest(next);
  const previousText = readProjectFile(root, BACKEND_MANIFEST_FILE);
  // The generator version alone is no reason to rewrite: a re-run with no change changes nothing.
  const sameApartFromVersion = manifest !== undefined && renderBackendManifest({ ...next, generator: manifest.generator }) === previousText;
  if (changes.length > 0 || (!sameApartFromVersion && manifestText !== previousText)) {
    changes.push({ path: BACKEND_MANIFEST_FILE, bytes: Buffer.from(manifestText) });
    fates[BACKEND_MANIFEST_FILE] = previousText === undefined ? 'created' : 'updated';
  }

  if (changes.length > 0) await writeTransaction(root, changes, { targetExists: true });

  for (const [file, fate] of Object.entries(fates)) io.out(`  ${fate.padEnd(10)} ${file}`);
  if (changes.length === 0) io.out('Nothing to change: the verifier is in place.');
  for (const note of notes) io.out(`Note: ${note}`);

  const mount = mountInstructions(root, api, layout.guard, cors);
  const extra = [
    'The verifier reads its settings from process environment variables (.env.example lists them); load your .env before it is imported, as your app already does.',
    api.kind === 'fastapi' ? `Then: pip install -r requirements.txt (or your tool's equivalent), and start the API.` : 'Then: install the dependencies (npm install or your package manager) and start the API.',
  ];
  const instructions = renderInstructions(mount, extra);
  io.out('');
  io.out(instructions);
  return { api, choices, fates, instructions };
}
