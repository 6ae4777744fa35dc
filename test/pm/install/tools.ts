// The package managers under test, installed from the npm registry once into
// test/.cache/pm-tools/<name>@<version> (a lock directory keeps parallel runs from installing
// twice), and each manager's download cache in test/.cache/pm-cache/<name>@<version>, so a
// second run downloads nothing. Versions are exact: the README names the ones tested.
import { execa } from 'execa';
import fs from 'node:fs';
import path from 'node:path';
import { CACHE_ROOT } from '../../helpers/deps-cache.js';

export interface Manager {
  /** The executable the CLI runs (`--pm`). */
  pm: 'pnpm' | 'yarn' | 'bun';
  /** The npm package and exact version it is installed from. */
  version: string;
}

export const MANAGERS: readonly Manager[] = [
  { pm: 'pnpm', version: '10.34.9' },
  { pm: 'pnpm', version: '12.23.0' },
  { pm: 'yarn', version: '1.22.22' },
  { pm: 'bun', version: '1.4.5' },
];

export const label = (m: Manager) => `${m.pm}@${m.version}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function withLock<T>(lockDir: string, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 5 * 60_000;
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockDir}`);
      await sleep(1000);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

/** The folder holding the manager's executable (put it first on PATH). */
export async function installManager(m: Manager): Promise<string> {
  const dir = path.join(CACHE_ROOT, 'pm-tools', label(m));
  const bin = path.join(dir, 'node_modules/.bin');
  if (fs.existsSync(path.join(dir, '.complete'))) return bin;
  return withLock(`${dir}.lock`, async () => {
    if (fs.existsSync(path.join(dir, '.complete'))) return bin;
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    // pnpm and bun put their platform binary in place from an install script: approve it
    // (npm 11 reads allowScripts and will block unapproved scripts).
    const pkg = { private: true, dependencies: { [m.pm]: m.version }, allowScripts: { [m.pm]: true } };
    fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
    await execa('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, timeout: 5 * 60_000, env: { npm_config_update_notifier: 'false' } });
    const version = await execa(path.join(bin, m.pm), ['--version'], { cwd: dir });
    if (version.stdout.trim() !== m.version) throw new Error(`${label(m)}: installed ${m.pm} reports ${version.stdout}`);
    fs.writeFileSync(path.join(dir, '.complete'), `${new Date().toISOString()}\n`);
    return bin;
  });
}

/** Environment pointing the manager's store/cache into test/.cache/pm-cache/<name>@<version>. */
export function cacheEnv(m: Manager): Record<string, string> {
  const cache = path.join(CACHE_ROOT, 'pm-cache', label(m));
  fs.mkdirSync(cache, { recursive: true });
  switch (m.pm) {
    case 'pnpm':
      // pnpm 10 reads npm_config_*, pnpm 11+ pnpm_config_*.
      return { npm_config_store_dir: cache, pnpm_config_store_dir: cache };
    case 'yarn':
      return { YARN_CACHE_FOLDER: cache };
    case 'bun':
      return { BUN_INSTALL_CACHE_DIR: cache };
  }
}
