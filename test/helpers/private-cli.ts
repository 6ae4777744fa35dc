// A build of the CLI of its own, for suites that run while another command rebuilds dist/
// (`npm run build` empties it first): the package-manager installs beside the browser suite in
// CI, the untrusted-disk tests beside files that build. It lives under test/.cache so the
// templates folder is still found above it.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './deps-cache.js';

export interface PrivateCli {
  /** The launcher to run with node. */
  bin: string;
  remove(): void;
}

export async function buildPrivateCli(label: string): Promise<PrivateCli> {
  const dir = join(REPO_ROOT, 'test/.cache', `cli-${label}-${process.pid}`);
  const { buildCli } = (await import(join(REPO_ROOT, 'scripts/build.mjs'))) as { buildCli: (o: { outdir: string }) => Promise<unknown> };
  await buildCli({ outdir: join(dir, 'dist') });
  mkdirSync(join(dir, 'bin'), { recursive: true });
  const bin = join(dir, 'bin/create-better-auth-jwt.js');
  copyFileSync(join(REPO_ROOT, 'bin/create-better-auth-jwt.js'), bin);
  return { bin, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
