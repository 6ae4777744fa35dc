// Installed size of the published CLI: `npm pack`, install the tarball with production
// dependencies only into an empty folder, and add up that folder's node_modules.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, round } from './lib.mjs';

const BUDGET_MB = 10;

function npm(args, cwd) {
  const result = spawnSync('npm', args, {
    cwd,
    encoding: 'utf8',
    timeout: 10 * 60_000,
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed in ${cwd}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Apparent size (sum of file lengths, symlinks not followed) and file count of a tree. */
function treeSize(dir) {
  let bytes = 0;
  let files = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += fs.lstatSync(path.join(entry.parentPath ?? entry.path, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

export async function run() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cbaj-bench-size-'));
  try {
    // --ignore-scripts: `prepare` would rebuild; `npm run bench` has just built dist/.
    const packed = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', root], ROOT))[0];
    const tarball = path.join(root, packed.filename);
    const app = path.join(root, 'app');
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, 'package.json'), '{ "name": "size-probe", "private": true }\n');
    npm(['install', '--omit=dev', '--no-package-lock', '--loglevel=error', tarball], app);
    const installed = treeSize(path.join(app, 'node_modules'));
    const packages = fs.readdirSync(path.join(app, 'node_modules')).filter((n) => !n.startsWith('.')).length;
    const mb = installed.bytes / 1e6;
    return [
      {
        name: 'Installed size (packed CLI + production deps)',
        value: round(mb, 2),
        unit: 'MB',
        baseline: `node_modules: ${installed.files} files, ${packages} package(s); tarball ${round(packed.size / 1e3, 1)} kB`,
        ratio: null,
        budget: `< ${BUDGET_MB} MB`,
        ok: mb < BUDGET_MB,
      },
    ];
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
