// One shared install of every package a generated project can depend on (PINNED_VERSIONS),
// and of the few the existing-app fixtures add (FIXTURE_VERSIONS), so the typecheck matrix and
// the linked E2E variant do not run `npm install` per project.
//
// The cache lives in test/.cache/deps/<key>/node_modules, where <key> hashes the pins, the
// Node major version and the platform: change a pin and the next run installs a new cache.
// A lock directory (mkdir is atomic) keeps parallel test files from installing twice; a
// lock whose owner process is gone is taken over.
import { execa } from 'execa';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PINNED_VERSIONS } from '../../src/versions.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE_ROOT = path.join(REPO_ROOT, 'test/.cache');
const DEPS_ROOT = path.join(CACHE_ROOT, 'deps');

/** Longest we wait for `npm install` (better-sqlite3 compiles from source). */
const INSTALL_TIMEOUT_MS = 15 * 60_000;
/** Longest we wait for another process holding the lock. */
const LOCK_WAIT_MS = INSTALL_TIMEOUT_MS + 60_000;

/**
 * Packages the test fixtures of existing apps use that no generated project does: react-router
 * for the React + Vite app that routes with it (test/helpers/existing-react-vite.ts), so that app
 * builds. Its own cookie 1.x is nested under it by npm (the root keeps 0.6, which others use).
 */
export const FIXTURE_VERSIONS = { 'react-router': '7.9.4' } as const;

/** What the cache installs: every pin of a generated project, and the fixtures' packages. */
const CACHE_VERSIONS = { ...PINNED_VERSIONS, ...FIXTURE_VERSIONS };

export function depsCacheKey(): string {
  const material = JSON.stringify({
    pins: CACHE_VERSIONS,
    node: process.versions.node.split('.')[0],
    platform: process.platform,
    arch: process.arch,
  });
  return createHash('sha256').update(material).digest('hex').slice(0, 12);
}

function cacheDir(): string {
  return path.join(DEPS_ROOT, depsCacheKey());
}

function isComplete(dir: string): boolean {
  return fs.existsSync(path.join(dir, '.complete'));
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function withLock<T>(lockDir: string, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let owner = Number.NaN;
      try {
        owner = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
      } catch {
        // The owner has created the directory but not yet written its pid.
      }
      if (Number.isInteger(owner) && !processAlive(owner)) {
        fs.rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the deps cache lock ${lockDir}`);
      await sleep(1000);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

let pending: Promise<string> | undefined;

/**
 * Installs the superset of generated-project dependencies once and returns the path of its
 * node_modules folder. Safe to call from parallel test files and processes.
 */
export function ensureDepsCache(): Promise<string> {
  pending ??= (async () => {
    const dir = cacheDir();
    if (isComplete(dir)) return path.join(dir, 'node_modules');
    return withLock(`${dir}.lock`, async () => {
      if (isComplete(dir)) return path.join(dir, 'node_modules');
      // Install into a scratch folder and rename it into place, so an interrupted install
      // never looks like a finished cache.
      const scratch = `${dir}.tmp-${process.pid}`;
      fs.rmSync(scratch, { recursive: true, force: true });
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(scratch, { recursive: true });
      const pkg = { name: 'generated-deps-cache', private: true, dependencies: { ...CACHE_VERSIONS } };
      fs.writeFileSync(path.join(scratch, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
      const result = await execa('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
        cwd: scratch,
        timeout: INSTALL_TIMEOUT_MS,
        reject: false,
        all: true,
        env: { npm_config_update_notifier: 'false' },
      });
      if (result.exitCode !== 0) {
        throw new Error(`npm install of the deps cache failed (exit ${result.exitCode}):\n${result.all}`);
      }
      fs.writeFileSync(path.join(scratch, '.complete'), `${new Date().toISOString()}\n`);
      fs.renameSync(scratch, dir);
      pruneOldCaches(path.basename(dir));
      return path.join(dir, 'node_modules');
    });
  })();
  pending.catch(() => {
    pending = undefined;
  });
  return pending;
}

/** Removes caches of earlier pin sets (their scratch folders and locks are left alone). */
function pruneOldCaches(keep: string) {
  for (const entry of fs.readdirSync(DEPS_ROOT)) {
    if (entry === keep || entry.includes('.')) continue;
    fs.rmSync(path.join(DEPS_ROOT, entry), { recursive: true, force: true });
  }
}

/** Points `<projectDir>/node_modules` at the shared cache. */
export async function linkDeps(projectDir: string): Promise<void> {
  const modules = await ensureDepsCache();
  const link = path.join(projectDir, 'node_modules');
  fs.rmSync(link, { recursive: true, force: true });
  fs.symlinkSync(modules, link, 'dir');
}
