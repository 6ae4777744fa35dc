// better-sqlite3's install script is `prebuild-install || node-gyp rebuild`: on a connected
// machine it downloads a prebuilt binary; here (no GitHub access) it compiles for ~2 minutes.
// The suite hands prebuild-install a local prebuilt binary instead, packed from the deps
// cache's own build of the same version (npm_config_better_sqlite3_local_prebuilds, read by
// prebuild-install). The manager must still run the install script — an unapproved one
// leaves no binary and the migration fails — only the compile is saved.
import { execa } from 'execa';
import fs from 'node:fs';
import path from 'node:path';
import { CACHE_ROOT, ensureDepsCache } from '../../helpers/deps-cache.js';

export async function localPrebuildEnv(): Promise<Record<string, string>> {
  const modules = await ensureDepsCache();
  const pkg = JSON.parse(fs.readFileSync(path.join(modules, 'better-sqlite3/package.json'), 'utf8')) as { version: string };
  const dir = path.join(CACHE_ROOT, 'pm-cache', 'prebuilds');
  const file = path.join(dir, `better-sqlite3-v${pkg.version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    const scratch = `${file}.${process.pid}.tmp`;
    await execa('tar', ['-czf', scratch, '-C', path.join(modules, 'better-sqlite3'), 'build/Release/better_sqlite3.node']);
    fs.renameSync(scratch, file);
  }
  return { npm_config_better_sqlite3_local_prebuilds: dir };
}
