// What kind of API an existing project is, from its package.json (Express, Fastify, Hono)
// or its Python requirements (FastAPI): the framework and its version range, TypeScript or
// JavaScript, ES modules or CommonJS, whether the code lives in src/ (or a Python package
// such as app/), the file that creates the app, and whether it already sets up CORS.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { majorOf } from '../writer/package-json.js';

export type NodeFramework = 'express' | 'fastify' | 'hono';

export interface NodeApi {
  kind: NodeFramework;
  /** The range package.json asks for, e.g. "~4.16.1". */
  version: string;
  major: number | undefined;
  typescript: boolean;
  module: 'esm' | 'cjs';
  /** "src" when the code lives in src/, else "". */
  codeDir: string;
  /** The file that creates the app (posix, relative), when one was found. */
  entry: string | undefined;
  /** The app already sets up CORS (cors, @fastify/cors, hono/cors). */
  hasCors: boolean;
  /** morgan is a dependency: its access log shows query strings. */
  hasMorgan: boolean;
  /** The code uses hono/logger, whose lines show query strings too. */
  hasHonoLogger: boolean;
}

export interface PythonApi {
  kind: 'fastapi';
  /** Where FastAPI is required. */
  source: 'requirements.txt' | 'pyproject.toml';
  /** The package holding the app ("app" for app/main.py), or "" for modules at the root. */
  codeDir: string;
  entry: string | undefined;
  hasCors: boolean;
}

export type ExistingApi = NodeApi | PythonApi;

export const FRAMEWORK_LABEL: Record<ExistingApi['kind'], string> = { express: 'Express', fastify: 'Fastify', hono: 'Hono', fastapi: 'FastAPI' };

/** The one line for a folder that holds no API this command knows. */
export function unsupportedMessage(dir: string): string {
  return `${dir} holds no Express, Fastify, Hono or FastAPI API (looked for them in package.json, requirements.txt and pyproject.toml); add backend adds JWT verification to one of those`;
}

const CONSTRUCTOR: Record<ExistingApi['kind'], RegExp> = {
  express: /\bexpress\(\s*\)/,
  fastify: /\b(?:fastify|Fastify)\s*\(|require\(\s*['"]fastify['"]\s*\)\s*\(/,
  hono: /\bnew\s+Hono\b/,
  fastapi: /\bFastAPI\s*\(/,
};

const CODE_FILE = /\.(?:[cm]?[jt]s|py)$/;

function readText(file: string): string | undefined {
  try {
    return statSync(file).isFile() ? readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** Code files directly in `dir` and one level below (routes/, routers/), sorted; no node_modules. */
function codeFiles(root: string, dir: string): string[] {
  const found: string[] = [];
  const visit = (rel: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isFile() && CODE_FILE.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(child);
      else if (entry.isDirectory() && depth > 0 && !entry.name.startsWith('.') && !['node_modules', 'dist', 'build', 'test', 'tests', '__pycache__', 'venv', '.venv'].includes(entry.name)) visit(child, depth - 1);
    }
  };
  visit(dir, 1);
  return found;
}

/** The first file (entry-like names first) that creates the app. */
function findEntry(root: string, dir: string, kind: ExistingApi['kind']): string | undefined {
  const files = codeFiles(root, dir);
  const rank = (file: string) => (/(?:^|\/)(?:app|main|server|index)\.[^/]+$/.test(file) ? 0 : 1) + file.split('/').length;
  return files.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1)).find((file) => CONSTRUCTOR[kind].test(readText(path.join(root, file)) ?? ''));
}

function mentions(root: string, dir: string, pattern: RegExp): boolean {
  return codeFiles(root, dir).some((file) => pattern.test(readText(path.join(root, file)) ?? ''));
}

function detectNode(root: string, pkg: Record<string, unknown>): NodeApi | undefined {
  const deps = { ...(pkg.devDependencies as Record<string, string> | undefined), ...(pkg.dependencies as Record<string, string> | undefined) };
  const kind = (['express', 'fastify', 'hono'] as const).find((name) => typeof deps[name] === 'string');
  if (!kind) return undefined;
  const codeDir = existsSync(path.join(root, 'src')) && statSync(path.join(root, 'src')).isDirectory() ? 'src' : '';
  const files = codeFiles(root, codeDir);
  const typescript = existsSync(path.join(root, 'tsconfig.json')) || typeof deps.typescript === 'string' || files.some((f) => /\.[cm]?ts$/.test(f));
  // Node's rule for .js files, which are what we write; a .mjs file (ours included) says nothing about the rest.
  const module = pkg.type === 'module' ? 'esm' : 'cjs';
  const version = deps[kind] as string;
  const hasCors = { express: 'cors', fastify: '@fastify/cors', hono: '' }[kind];
  return {
    kind,
    version,
    major: majorOf(version),
    typescript,
    module,
    codeDir,
    entry: findEntry(root, codeDir, kind) ?? (codeDir ? findEntry(root, '', kind) : undefined),
    hasCors: hasCors ? typeof deps[hasCors] === 'string' : mentions(root, codeDir, /['"]hono\/cors['"]/),
    hasMorgan: typeof deps.morgan === 'string',
    hasHonoLogger: kind === 'hono' && mentions(root, codeDir, /['"]hono\/logger['"]/),
  };
}

function detectPython(root: string): PythonApi | undefined {
  const requirements = readText(path.join(root, 'requirements.txt'));
  const pyproject = readText(path.join(root, 'pyproject.toml'));
  let source: PythonApi['source'];
  if (requirements !== undefined && /^\s*fastapi\b/im.test(requirements)) source = 'requirements.txt';
  else if (pyproject !== undefined && /["'\s]fastapi\b|^fastapi\s*=/im.test(pyproject)) source = 'pyproject.toml';
  else return undefined;
  const packages = ['app', 'src', 'api'].filter((dir) => existsSync(path.join(root, dir, '__init__.py')) || existsSync(path.join(root, dir, 'main.py')));
  const entry = findEntry(root, '', 'fastapi') ?? packages.map((dir) => findEntry(root, dir, 'fastapi')).find(Boolean);
  const codeDir = entry && entry.includes('/') ? entry.slice(0, entry.lastIndexOf('/')) : (packages[0] ?? '');
  return { kind: 'fastapi', source, codeDir, entry, hasCors: mentions(root, codeDir, /\bCORSMiddleware\b/) };
}

/** The API in `root`, or undefined when it holds none this command knows. */
export function detectApi(root: string): ExistingApi | undefined {
  const pkgText = readText(path.join(root, 'package.json'));
  if (pkgText !== undefined) {
    try {
      const pkg = JSON.parse(pkgText) as unknown;
      if (typeof pkg === 'object' && pkg !== null && !Array.isArray(pkg)) {
        const node = detectNode(root, pkg as Record<string, unknown>);
        if (node) return node;
      }
    } catch {
      // not JSON: maybe a Python project with a tooling package.json; otherwise unsupported
    }
  }
  return detectPython(root);
}

/** The one line saying what was found, e.g. "Found Express ~4.16.1 (JavaScript, CommonJS, code at the root, app in app.js)." */
export function describeApi(api: ExistingApi): string {
  const where = api.codeDir ? `code in ${api.codeDir}/` : 'code at the root';
  const entry = api.entry ? `, app in ${api.entry}` : ', no file creating the app found';
  const cors = api.hasCors ? ', CORS already set up' : '';
  if (api.kind === 'fastapi') return `Found a FastAPI API (${api.source}, Python, ${where}${entry}${cors}).`;
  const language = api.typescript ? 'TypeScript' : 'JavaScript';
  const module = api.module === 'esm' ? 'ES modules' : 'CommonJS';
  return `Found ${api.kind === 'express' ? 'an' : 'a'} ${FRAMEWORK_LABEL[api.kind]} ${api.version} API (${language}, ${module}, ${where}${entry}${cors}).`;
}
