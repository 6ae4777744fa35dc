// Finds the source files of a project and the env variables they read.
//
// Cost model: listing is one `git ls-files` (or a directory walk outside git), every
// candidate file is read once, and only files containing the substring "env" (a file
// without it cannot read one) reach a parser. The JS/TS parser is loaded on first use.
import { spawnSync } from 'node:child_process';
import { closeSync, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE } from '../plan/manifest.js';
import { NUXT_CONFIG_FILE, type EnvRead, type HelperLinks, type ScanProblem } from './scan-types.js';
import { isEnvExpandingYaml, scanCompose } from './scan-compose.js';
import { scanPrisma } from './scan-prisma.js';
import { exportedHelpers, helperCallPattern, resolveHelperCalls, type FileLinks } from './scan-helpers.js';

export const JS_EXTENSIONS = new Set(['.js', '.jsx', '.ts', '.tsx', '.mjs', '.cjs', '.mts', '.cts']);
export const PY_EXTENSIONS = new Set(['.py']);
/** Single-file components: their <script> blocks are scanned as JS/TS (scan-sfc.ts). */
export const COMPONENT_EXTENSIONS = new Set(['.svelte', '.vue']);
/** Prisma schemas: `env("X")` (scan-prisma.ts). Compose files and litefs.yml are matched by name (scan-compose.ts). */
export const PRISMA_EXTENSION = '.prisma';
/** Directories never scanned, wherever they are. */
export const SKIP_DIRS = new Set([
  'node_modules', '.git', '.next', 'dist', 'build', 'out', '.svelte-kit', '.nuxt', '.output', 'coverage',
  '.vercel', '.netlify', '.turbo', '.cache', '.venv', 'venv', '__pycache__', '.mypy_cache', '.pytest_cache',
]);
/** Larger files are generated or vendored code; reading them is not worth the time. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface ScanResult {
  reads: EnvRead[];
  problems: ScanProblem[];
  filesListed: number;
  filesParsed: number;
  /** How the files were listed. */
  via: 'git' | 'walk';
}

function hasSkippedSegment(rel: string): boolean {
  let start = 0;
  for (;;) {
    const slash = rel.indexOf('/', start);
    if (slash === -1) return false;
    if (SKIP_DIRS.has(rel.slice(start, slash))) return true;
    start = slash + 1;
  }
}

function wanted(rel: string): boolean {
  const dot = rel.lastIndexOf('.');
  if (dot === -1) return false;
  const ext = rel.slice(dot);
  if (!JS_EXTENSIONS.has(ext) && !PY_EXTENSIONS.has(ext) && !COMPONENT_EXTENSIONS.has(ext) && ext !== PRISMA_EXTENSION && !isEnvExpandingYaml(rel)) return false;
  if (rel.endsWith('.d.ts') || rel.endsWith('.min.js')) return false;
  return !hasSkippedSegment(rel);
}

/**
 * A subdirectory with its own `.env.example` or manifest is a project of its own (monorepo),
 * unless it is the directory of one of this project's env files (`backend/`): then its
 * `.env.example` documents that env file and its code belongs to this project.
 */
const EXAMPLE_MARKER = '.env.example';
const PROJECT_MARKERS = new Set([EXAMPLE_MARKER, MANIFEST_FILE]);

export interface ScanOptions {
  /** Directories (relative, posix) whose `.env.example` belongs to this project. */
  ownDirs?: readonly string[];
}

function marksNested(dir: string, name: string, ownDirs: ReadonlySet<string>): boolean {
  return PROJECT_MARKERS.has(name) && !(name === EXAMPLE_MARKER && ownDirs.has(dir));
}

function withoutNested(files: string[], nested: string[]): string[] {
  if (nested.length === 0) return files;
  const prefixes = nested.map((d) => `${d}/`);
  return files.filter((f) => !prefixes.some((p) => f.startsWith(p)));
}

/** Files git would consider part of the project (tracked or untracked, not ignored). */
function listWithGit(root: string, nested: string[], ownDirs: ReadonlySet<string>): string[] | undefined {
  const result = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: root,
    encoding: 'buffer',
    maxBuffer: 512 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  if (result.status !== 0 || !result.stdout) return undefined;
  const out = result.stdout.toString('utf8');
  const files: string[] = [];
  let start = 0;
  for (;;) {
    const end = out.indexOf('\0', start);
    if (end === -1) break;
    const rel = out.slice(start, end);
    start = end + 1;
    const slash = rel.lastIndexOf('/');
    if (slash !== -1 && marksNested(rel.slice(0, slash), rel.slice(slash + 1), ownDirs) && !hasSkippedSegment(rel)) nested.push(rel.slice(0, slash));
    // ls-files lists a path once per stage during a merge conflict; dedupe below.
    if (wanted(rel)) files.push(rel);
  }
  const unique = [...new Set(nested)].sort();
  // Keep only the outermost nested projects.
  nested.length = 0;
  for (const d of unique) if (!nested.some((n) => d.startsWith(`${n}/`))) nested.push(d);
  return withoutNested([...new Set(files)], nested);
}

function listWithWalk(root: string, problems: ScanProblem[], nested: string[], ownDirs: ReadonlySet<string>): string[] {
  const files: string[] = [];
  const stack: string[] = [''];
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    let entries;
    try {
      entries = readdirSync(path.join(root, dir), { withFileTypes: true });
    } catch {
      if (dir !== '') problems.push({ kind: 'skipped', file: dir, message: 'directory cannot be read' });
      continue;
    }
    if (dir !== '' && entries.some((e) => marksNested(dir, e.name, ownDirs) && e.isFile())) {
      nested.push(dir);
      continue;
    }
    for (const entry of entries) {
      const rel = dir === '' ? entry.name : `${dir}/${entry.name}`;
      // Symlinks are not followed: no loops, no scanning outside the project.
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) stack.push(rel);
      } else if (entry.isFile() && wanted(rel)) {
        files.push(rel);
      }
    }
  }
  return files.sort();
}

export function isGitRepo(root: string): boolean {
  const r = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() === 'true';
}

export function listSourceFiles(root: string, problems: ScanProblem[] = [], options: ScanOptions = {}): { files: string[]; via: 'git' | 'walk'; nested: string[] } {
  const nested: string[] = [];
  const ownDirs = new Set(options.ownDirs ?? []);
  const viaGit = isGitRepo(root) ? listWithGit(root, nested, ownDirs) : undefined;
  if (viaGit) return { files: viaGit.sort(), via: 'git', nested };
  nested.length = 0;
  const files = listWithWalk(root, problems, nested, ownDirs);
  return { files, via: 'walk', nested: nested.sort() };
}

const ENV = Buffer.from('env');
const DOLLAR = Buffer.from('$');

/** Files read as text by a small scanner of their own: Prisma schemas, compose files and litefs.yml. */
function isConfigFile(rel: string): boolean {
  return rel.endsWith(PRISMA_EXTENSION) || ((rel.endsWith('.yml') || rel.endsWith('.yaml')) && isEnvExpandingYaml(rel));
}
/** pydantic settings classes read the environment without the word "env" (scan-py-settings.ts). */
const BASE_SETTINGS = Buffer.from('BaseSettings');
const SMALL_READ = 64 * 1024;
let scratch = Buffer.allocUnsafe(SMALL_READ);

/** Reads a file into a reused buffer; undefined with a reason when it should be skipped. */
function readSource(abs: string): { buf: Buffer } | { skip: string } {
  let fd: number;
  try {
    fd = openSync(abs, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { skip: '' }; // deleted since listing: nothing to report
    return { skip: `cannot be read (${code ?? 'error'})` };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { skip: 'not a regular file' };
    if (stat.size > MAX_FILE_BYTES) return { skip: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
    if (stat.size > scratch.length) scratch = Buffer.allocUnsafe(Math.max(stat.size, scratch.length * 2));
    let total = 0;
    for (;;) {
      if (total === scratch.length) scratch = Buffer.concat([scratch, Buffer.allocUnsafe(scratch.length)]);
      const n = readSync(fd, scratch, total, scratch.length - total, null);
      if (n === 0) break;
      total += n;
      if (total > MAX_FILE_BYTES) return { skip: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
    }
    return { buf: scratch.subarray(0, total) };
  } catch (error) {
    return { skip: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    closeSync(fd);
  }
}

type JsScanner = typeof import('./scan-js.js').scanJs;

/** Words one of the JS scanner's patterns needs; a file with none of them reads no env. */
// `createEnv(` with its parenthesis: `createEnvelope` is common and reads nothing.
const JS_ENV_WORDS = ['process', 'import.meta', '$env/', 'runtimeConfig', 'Bun.env', 'Deno.env', 'createEnv('];
function mayReadEnvInJs(code: string): boolean {
  return JS_ENV_WORDS.some((w) => code.includes(w));
}

function mayReadEnvInPython(code: string): boolean {
  return code.includes('environ') || code.includes('getenv') || code.includes('BaseSettings');
}


export async function scanProject(root: string, options: ScanOptions = {}): Promise<ScanResult> {
  const problems: ScanProblem[] = [];
  const { files, via, nested } = listSourceFiles(root, problems, options);
  for (const dir of nested) problems.push({ kind: 'nested', file: dir, message: `a project of its own (it has its own .env.example or manifest): check it with --cwd ${dir}` });
  const reads: EnvRead[] = [];
  const linked: FileLinks[] = [];
  /** Files that mention "env" and import something but read nothing themselves: they may call an env helper of another file. */
  const deferred: Array<{ rel: string; code: string; ext: string }> = [];
  let scanJs: JsScanner | undefined;
  let scanPython: typeof import('./scan-py.js').scanPython | undefined;
  let sfc: typeof import('./scan-sfc.js') | undefined;
  let parsed = 0;

  const scanCode = async (rel: string, code: string, ext: string) => {
    let r: { reads: EnvRead[]; problems: ScanProblem[]; links?: HelperLinks };
    if (PY_EXTENSIONS.has(ext)) {
      scanPython ??= (await import('./scan-py.js')).scanPython;
      r = scanPython(code, rel);
    } else if (COMPONENT_EXTENSIONS.has(ext)) {
      sfc ??= await import('./scan-sfc.js');
      scanJs ??= (await import('./scan-js.js')).scanJs;
      const component = sfc.componentScript(code);
      r = scanJs(component.code, rel, component.ext);
      for (const m of sfc.markupReads(component.markup, sfc.dynamicEnvAliases(component.code))) r.reads.push({ name: m.name, file: rel, line: m.line, kind: 'member' });
    } else {
      scanJs ??= (await import('./scan-js.js')).scanJs;
      r = scanJs(code, rel, ext);
    }
    for (const read of r.reads) reads.push(read);
    for (const problem of r.problems) problems.push(problem);
    if (r.links) linked.push({ file: rel, links: r.links });
  };

  for (const rel of files) {
    const got = readSource(path.join(root, rel));
    if ('skip' in got) {
      if (got.skip) problems.push({ kind: 'skipped', file: rel, message: got.skip });
      continue;
    }
    const buf = got.buf;
    if (isConfigFile(rel)) {
      if (buf.indexOf(DOLLAR) === -1 && buf.indexOf(ENV) === -1) continue;
      parsed++;
      const text = buf.toString('utf8');
      for (const read of (rel.endsWith(PRISMA_EXTENSION) ? scanPrisma(text, rel) : scanCompose(text, rel)).reads) reads.push(read);
      continue;
    }
    // nuxt.config's runtimeConfig is read from NUXT_* variables without the word "env".
    if (buf.indexOf(ENV) === -1 && !(NUXT_CONFIG_FILE.test(rel) && buf.indexOf('runtimeConfig') !== -1) && !(rel.endsWith('.py') && buf.indexOf(BASE_SETTINGS) !== -1)) continue;
    // A NUL byte in the first 8 KB: binary, whatever the extension says.
    if (buf.subarray(0, 8192).indexOf(0) !== -1) {
      problems.push({ kind: 'skipped', file: rel, message: 'binary content' });
      continue;
    }
    const code = buf.toString('utf8');
    const ext = rel.slice(rel.lastIndexOf('.'));
    parsed++;
    const readsEnv = PY_EXTENSIONS.has(ext) ? mayReadEnvInPython(code) : mayReadEnvInJs(code);
    if (readsEnv) await scanCode(rel, code, ext);
    else if (code.includes('import') || code.includes('require')) deferred.push({ rel, code, ext });
  }

  // Env helpers across files: files that call one are parsed now (they were not, reading no
  // env themselves), then every call of an exported helper with a literal name is a read.
  const helpers = exportedHelpers(linked);
  if (helpers.size > 0) {
    const calls = helperCallPattern(helpers);
    for (const d of deferred) if (calls.test(d.code)) await scanCode(d.rel, d.code, d.ext);
    resolveHelperCalls(linked, helpers, reads, problems);
  }
  return { reads, problems, filesListed: files.length, filesParsed: parsed, via };
}
