// add backend's test APIs (test/fixtures/apis/, written by hand to look like real ones):
// copy one, run the CLI in it, apply the lines it printed, mechanically, as a user would.
import { execa } from 'execa';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../helpers/deps-cache.js';
import { BIN } from '../helpers/generate.js';

export const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/apis');

export type FixtureName = 'express-generator' | 'express5-ts' | 'fastify5-esm' | 'fastify5-ts' | 'fastify4-cjs' | 'hono-ts' | 'hono-cjs' | 'fastapi-router';

/** A copy of a fixture in a fresh temporary folder, at <tmp>/app/backend (the battery's layout); returns the API folder. */
export function copyFixture(name: FixtureName): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `cbaj-add-${name}-`)), 'app', 'backend');
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

export async function addBackend(dir: string, ...args: string[]) {
  const result = await execa(process.execPath, [BIN, 'add', 'backend', dir, ...args], { reject: false, env: { CI: '1', NO_COLOR: '1' }, stdin: 'ignore', timeout: 60_000 });
  return { exitCode: result.exitCode, stdout: String(result.stdout), stderr: String(result.stderr) };
}

export interface Printed {
  /** The file the lines go into, as printed. */
  file: string;
  imports: string[];
  setup: string[];
  guard: string[];
  route: string[];
  logger: string[];
}

/** The sections of the printed instructions: 2-space headings ending in ":", 4-space code lines. */
export function parsePrinted(stdout: string): Printed {
  const file = /^Mount the guard in (\S+) /m.exec(stdout)?.[1];
  if (!file) throw new Error(`no "Mount the guard in" line in:\n${stdout}`);
  const printed: Printed = { file, imports: [], setup: [], guard: [], route: [], logger: [] };
  const keyOf: Array<[RegExp, keyof Omit<Printed, 'file'>]> = [
    [/^Imports/, 'imports'],
    [/^Setup/, 'setup'],
    [/^Protect every/, 'guard'],
    [/^A protected route/, 'route'],
    [/^Keep tokens/, 'logger'],
  ];
  let current: keyof Omit<Printed, 'file'> | undefined;
  for (const line of stdout.slice(stdout.indexOf('Mount the guard in')).split('\n').slice(1)) {
    const heading = /^ {2}(\S.*:)$/.exec(line);
    if (heading) {
      current = keyOf.find(([pattern]) => pattern.test(heading[1]!))?.[1];
      if (!current) throw new Error(`unknown heading ${heading[1]}`);
    } else if (line.startsWith('    ') && current) printed[current].push(line.slice(4));
    else current = undefined;
  }
  return printed;
}

function edit(file: string, change: (text: string) => string) {
  const before = fs.readFileSync(file, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`applying the printed lines changed nothing in ${file}`);
  fs.writeFileSync(file, after);
}

/** `lines` inserted after the last line matching `pattern` (after the first when `first`). */
function insertAfter(text: string, pattern: RegExp, lines: string[], first = false, before = false): string {
  const all = text.split('\n');
  const indexes = all.map((line, i) => (pattern.test(line) ? i : -1)).filter((i) => i >= 0);
  const at = first ? indexes[0] : indexes.at(-1);
  if (at === undefined) throw new Error(`no line matches ${pattern}`);
  all.splice(before ? at : at + 1, 0, ...lines);
  return all.join('\n');
}

const IMPORT_LINE = /^(?:import\s|(?:const|let|var)\s.*=\s*require\(|from\s+\S+\s+import\s)/;
const HEALTH_ROUTE = /^\w+\.get\('\/health'/;
/** The Fastify plugin of each fixture that registers its API routes. */
const FASTIFY_PLUGIN: Partial<Record<FixtureName, string>> = { 'fastify5-esm': 'src/routes/products.js', 'fastify5-ts': 'src/routes/invoices.ts', 'fastify4-cjs': 'routes/accounts.js' };
const APP_CREATED = /^(?:(?:const|let|var)\s+\w+\s*=\s*(?:express\(\)|new Hono\(\)|Fastify\(|require\('fastify'\)\()|\w+\s*=\s*FastAPI\()/;

/** Applies the printed lines to the fixture, as its README would tell a user to. */
export function applyPrinted(name: FixtureName, dir: string, printed: Printed) {
  const main = path.join(dir, printed.file);
  edit(main, (text) => {
    // Setup first: when the app is created by a require line, the imports then land above it.
    let out = insertAfter(text, APP_CREATED, printed.setup, true);
    out = insertAfter(out, IMPORT_LINE, printed.imports);
    // The guard after the app's own middleware (its CORS answers preflights), before its routes: the health route is the first of them.
    if (name !== 'fastapi-router') out = insertAfter(out, HEALTH_ROUTE, [...(FASTIFY_PLUGIN[name] ? [] : printed.guard), ...printed.route], true, true);
    // The printed request-logger options replace the fixture's own.
    if (FASTIFY_PLUGIN[name]) out = out.replace('{ logger: true }', `{ ${printed.logger.join(' ')} }`);
    if (name === 'hono-cjs') out = out.replace('app.use(logger());', `app.use(${printed.logger.join('')});`);
    if (name === 'fastapi-router') {
      // The guard goes into the router's include_router call; the route at the end of the module.
      out = out.replace(/app\.include_router\((.*)\)$/m, (_all, args: string) => `app.include_router(${args}, ${printed.guard.join('')})`);
      out = `${out.trimEnd()}\n\n\n${printed.route.join('\n')}\n`;
    }
    return out;
  });
  const pluginFile = FASTIFY_PLUGIN[name];
  if (pluginFile) {
    // Fastify's guard goes into the plugin of the API routes, with the import made relative to it.
    const plugin = path.join(dir, pluginFile);
    const importLine = printed.imports[0]!;
    const specifier = /(?:from |require\()'([^']+)'/.exec(importLine)![1]!;
    let fromPlugin = path.posix.relative(path.posix.dirname(pluginFile), path.posix.join(path.posix.dirname(printed.file), specifier));
    if (!fromPlugin.startsWith('.')) fromPlugin = `./${fromPlugin}`;
    edit(plugin, (text) => {
      const withImport = `${importLine.replace(specifier, fromPlugin)}\n${text}`;
      return insertAfter(withImport, /async function \w*\s*\(fastify\b/, printed.guard.map((line) => `  ${line}`));
    });
  }
}
