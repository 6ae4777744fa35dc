// add backend in the five kinds of existing API: the test copies a hand-written fixture, runs
// the command, applies the lines it printed, installs (the deps cache, or npm for Express 4),
// starts the API and runs the generated backends' token battery against it.
import { execa } from 'execa';
import path from 'node:path';
import { runBattery } from '../backends/battery.js';
import { backend, SYSTEM_PYTHON, type BackendEntry, type BackendName } from '../backends/harness.js';
import { linkDeps } from '../helpers/deps-cache.js';
import { addBackend, applyPrinted, copyFixture, parsePrinted, type FixtureName } from './fixtures.js';

interface Kind {
  fixture: FixtureName;
  name: BackendName;
  typecheck: boolean;
  /** The fixture's own routes that the printed guard line protects. */
  protectedPaths: string[];
  install(dir: string): Promise<void>;
  command(dir: string, port: number): { file: string; args: string[] };
}

const tsx = (file: string) => (dir: string) => ({ file: process.execPath, args: [path.join(dir, 'node_modules/tsx/dist/cli.mjs'), file] });
const linked = (dir: string) => linkDeps(dir);
const npmInstall = async (dir: string) => void (await execa('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, timeout: 240_000 }));

const KINDS: Kind[] = [
  {
    fixture: 'express-generator',
    name: 'express',
    typecheck: false,
    protectedPaths: [],
    // Express 4, morgan, cookie-parser are not in the deps cache: from the npm registry.
    install: npmInstall,
    command: (dir) => ({ file: process.execPath, args: [path.join(dir, 'bin/www')] }),
  },
  { fixture: 'express5-ts', name: 'express', typecheck: true, protectedPaths: ['/api/orders', '/api/orders/ord_1'], install: linked, command: tsx('src/index.ts') },
  { fixture: 'fastify5-esm', name: 'fastify', typecheck: false, protectedPaths: ['/api/products', '/api/products/1'], install: linked, command: (dir) => ({ file: process.execPath, args: [path.join(dir, 'src/server.js')] }) },
  { fixture: 'fastify5-ts', name: 'fastify', typecheck: true, protectedPaths: ['/api/invoices', '/api/invoices/inv_1'], install: linked, command: tsx('src/server.ts') },
  {
    fixture: 'fastify4-cjs',
    name: 'fastify',
    typecheck: false,
    protectedPaths: ['/api/accounts'],
    // Fastify 4 is not in the deps cache: from the npm registry.
    install: npmInstall,
    command: (dir) => ({ file: process.execPath, args: [path.join(dir, 'server.js')] }),
  },
  { fixture: 'hono-ts', name: 'hono', typecheck: true, protectedPaths: ['/api/notes'], install: linked, command: tsx('src/index.ts') },
  { fixture: 'hono-cjs', name: 'hono', typecheck: false, protectedPaths: ['/api/tasks'], install: linked, command: (dir) => ({ file: process.execPath, args: [path.join(dir, 'index.js')] }) },
  {
    fixture: 'fastapi-router',
    name: 'fastapi',
    typecheck: false,
    protectedPaths: ['/api/items/', '/api/items/1'],
    install: async () => {},
    command: (_dir, port) => ({ file: SYSTEM_PYTHON, args: ['-m', 'uvicorn', 'app.main:app', '--host', '127.0.0.1', '--port', String(port)] }),
  },
];

for (const kind of KINDS) {
  const generated = backend(kind.name);
  const entry: BackendEntry = { name: kind.name, node: generated.node, skipReason: () => generated.skipReason(), prepare: async () => {}, command: kind.command };
  runBattery(kind.name, {
    label: `add backend: ${kind.fixture}`,
    entry,
    typecheck: kind.typecheck,
    protectedPaths: kind.protectedPaths,
    async makeProject() {
      const dir = copyFixture(kind.fixture);
      const run = await addBackend(dir, '--yes');
      if (run.exitCode !== 0) throw new Error(`add backend failed (exit ${run.exitCode}):\n${run.stdout}\n${run.stderr}`);
      applyPrinted(kind.fixture, dir, parsePrinted(run.stdout));
      await kind.install(dir);
      return path.dirname(dir);
    },
  });
}
