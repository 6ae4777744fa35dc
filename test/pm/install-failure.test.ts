// When `<pm> install` fails, the CLI names the cause it can see in the manager's output (its
// error code and the package) and a fix that works; "run install to try again" would fail the
// same way. Each case replays what the real manager printed on this machine (pnpm 12.23,
// yarn 1.22, bun 1.4 on Node 20) from a stand-in executable first on PATH.
import { execa } from 'execa';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/create-better-auth-jwt.js');

beforeAll(async () => {
  await execa('node', ['scripts/build.mjs'], { cwd: ROOT });
}, 120_000);

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** A folder holding `<pm>`, an executable that prints `output` and exits with `exit`. */
function standIn(pm: string, output: string, exit = 1): string {
  const bin = tempDir('cbaj-pmbin-');
  const file = join(bin, pm);
  writeFileSync(file, `#!/bin/sh\ncat >&2 <<'EOF'\n${output}\nEOF\nexit ${exit}\n`);
  chmodSync(file, 0o755);
  return bin;
}

async function createWith(pm: string, pathDirs: string[]) {
  const root = tempDir('cbaj-pmfail-');
  const result = await execa('node', [BIN, 'app', '--yes', '--pm', pm, '--install', '--no-git'], {
    cwd: root,
    reject: false,
    stdin: 'ignore',
    env: { CI: '1', NO_COLOR: '1', DEBUG: '', PATH: [...pathDirs, process.env.PATH ?? ''].join(delimiter) },
    extendEnv: true,
    timeout: 60_000,
  });
  return { ...result, root };
}

const PNPM_IGNORED_BUILDS = `dependencies:
+ better-sqlite3 12.6.2 (13.2.0 is available)

Error: ERR_PNPM_IGNORED_BUILDS

  × installing dependencies
  ╰─▶ Ignored build scripts: better-sqlite3@12.6.2, esbuild@0.28.2
  help: Run "pnpm approve-builds" to pick which dependencies should be allowed to run scripts.`;

const YARN_ENGINES = `yarn install v1.22.22
info No lockfile found.
[1/5] Validating package.json...
[2/5] Resolving packages...
[3/5] Fetching packages...
error kysely@0.29.9: The engine "node" is incompatible with this module. Expected version ">=22.0.0". Got "20.20.2"
error Found incompatible module.
info Visit https://yarnpkg.com/en/docs/cli/install for documentation about this command.`;

const BUN_NODE_GYP = `gyp info using node-gyp@13.1.0
gyp info using node@20.20.2 | linux | x64
gyp ERR! configure error
gyp ERR! stack TypeError: Cannot read properties of undefined (reading 'bind')
gyp ERR! stack at Object.<anonymous> (/root/.bun/install/cache/.bunx-0/node-gyp@latest/node_modules/undici/lib/interceptor/decompress.js:78:30)
gyp ERR! node -v v20.20.2
gyp ERR! node-gyp -v v13.1.0
gyp ERR! not ok

error: install script from "better-sqlite3" exited with 1`;

const BUN_NO_HEADERS = `prebuild-install warn install getaddrinfo ENOTFOUND github.com
gyp info using node-gyp@11.5.0
gyp info using node@20.20.2 | linux | x64
gyp http fetch GET https://nodejs.org/download/release/v20.20.2/node-v20.20.2-headers.tar.gz attempt 1 failed with ENOTFOUND
gyp ERR! stack Error: This is most likely not a problem with node-gyp or the package itself and
gyp ERR! node-gyp -v v11.5.0
gyp ERR! not ok

error: install script from "better-sqlite3" exited with 1`;

describe('a failed install names its cause and a fix that works', () => {
  it('pnpm ERR_PNPM_IGNORED_BUILDS: names the packages and pnpm approve-builds, not a plain retry', async () => {
    const r = await createWith('pnpm', [standIn('pnpm', PNPM_IGNORED_BUILDS)]);
    expect(r.exitCode).toBe(1);
    expect(existsSync(join(r.root, 'app/package.json'))).toBe(true);
    expect(r.stderr).toContain('ERR_PNPM_IGNORED_BUILDS');
    expect(r.stderr).toMatch(/better-sqlite3, esbuild/);
    expect(r.stderr).toContain('pnpm approve-builds');
    expect(r.stderr).toMatch(/pnpm (10\.5|1\d)/); // says which pnpm reads the project's allow-list
    expect(r.stderr).not.toContain('to try again');
  });

  it('yarn engine mismatch: names the package, the Node it needs and the resolutions pin that avoids it', async () => {
    const r = await createWith('yarn', [standIn('yarn', YARN_ENGINES)]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('kysely@0.29.9');
    expect(r.stderr).toContain('>=22.0.0');
    expect(r.stderr).toMatch(/"resolutions": \{ "kysely": "0\.28\.\d+" \}/);
    expect(r.stderr).not.toContain('to try again');
  });

  it('bun with node-gyp@latest on Node 20: names better-sqlite3, the crashing node-gyp and a node-gyp that works', async () => {
    const r = await createWith('bun', [standIn('bun', BUN_NODE_GYP)]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('better-sqlite3');
    expect(r.stderr).toContain('node-gyp 13.1.0');
    expect(r.stderr).toContain('npm_config_node_gyp');
    expect(r.stderr).not.toContain('to try again');
  });

  it('offline (no prebuilt binary, no Node headers to download): names the headers and npm_config_nodedir', async () => {
    const r = await createWith('bun', [standIn('bun', BUN_NO_HEADERS)]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("could not download Node's headers");
    expect(r.stderr).toContain('npm_config_nodedir');
    expect(r.stderr).not.toContain('to try again');
  });

  it('pnpm 10 skipping build scripts with only a warning (exit 0): the run succeeds but says the native addon is missing and how to fix it', async () => {
    const output = 'dependencies:\n+ better-sqlite3 12.6.2\n\nThe following dependencies have build scripts that were ignored: better-sqlite3, esbuild\nTo allow the execution of build scripts for these packages, add their names to "pnpm.onlyBuiltDependencies" in your "package.json", then run "pnpm rebuild"';
    const r = await createWith('pnpm', [standIn('pnpm', output, 0)]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(/warning: .*better-sqlite3, esbuild.*pnpm approve-builds/);
  });

  it('a manager that is not installed: says so and how to get it', async () => {
    const r = await createWith('bun', []);
    // Only meaningful where bun is not on PATH (the CI machine).
    if (!/not found on PATH/.test(r.stderr)) return;
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/npm install -g bun|--pm npm/);
    expect(r.stderr).not.toContain('to try again');
  });
});
