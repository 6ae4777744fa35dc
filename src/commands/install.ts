// `<pm> install` after writing, in the project and in each folder with its own package.json
// (backend/). A failure keeps the project and names the manager's cause and its fix, since a
// plain retry would fail the same way.
import { join } from 'node:path';
import type { PackageManager } from '../options/choices.js';
import { installCommand } from '../plan/context.js';
import { diagnoseInstall, ignoredBuilds, type InstallFailure } from '../writer/install-failure.js';
import type { Clack, Out } from './output.js';

export interface InstallTarget {
  /** Absolute project folder. */
  targetDir: string;
  pm: PackageManager;
  /** `cd <dir>` into the project from where we were run; undefined when it is that folder. */
  cd: string | undefined;
}

/** `<pm> install` in each folder of `installDirs`, with a spinner on a terminal. Why it failed, when it did. */
export async function install(target: InstallTarget, installDirs: readonly string[], clack: Clack | undefined, out: Out): Promise<InstallFailure | undefined> {
  for (const dir of installDirs) {
    const failure = await installIn(dir, target, clack, out);
    if (failure) return failure;
  }
  return undefined;
}

async function installIn(dir: string, target: InstallTarget, clack: Clack | undefined, out: Out): Promise<InstallFailure | undefined> {
  const command = `${installCommand(target.pm)}${dir === '.' ? '' : ` (in ${dir}/)`}`;
  const spin = clack?.spinner();
  if (spin) spin.start(`Running ${command}`);
  else out.info(`Running ${command}...`);
  const { execa } = await import('execa');
  const result = await execa(target.pm, ['install'], {
    cwd: join(target.targetDir, dir),
    all: true,
    reject: false,
    stdin: 'ignore',
    env: { npm_config_update_notifier: 'false' },
  });
  const { cd } = target;
  const inDir = dir === '.' ? cd : `${cd ? `${cd}/` : 'cd '}${dir}`;
  const failure = diagnoseInstall({
    pm: target.pm,
    output: String(result.all ?? ''),
    notFound: (result as { code?: string }).code === 'ENOENT',
    exitCode: result.exitCode,
    install: inDir ? `${inDir} && ${installCommand(target.pm)}` : installCommand(target.pm),
    nodeVersion: process.versions.node,
  });
  if (!result.failed) {
    const where = dir === '.' ? '' : ` in ${dir}/`;
    if (spin) spin.stop(`Installed dependencies${where} with ${target.pm}`);
    else out.info(`Installed dependencies${where} with ${target.pm}.`);
    // pnpm 10 skips unapproved install scripts with a warning and exits 0: the app then fails at run time.
    if (ignoredBuilds(String(result.all ?? '')).length) out.warn(`${failure.cause}. ${failure.fix}`);
    return undefined;
  }
  const reason = (result as { code?: string }).code === 'ENOENT' ? `${target.pm} was not found on PATH` : `exit code ${result.exitCode ?? '?'}`;
  if (spin) spin.error(`${command} failed (${reason})`);
  else out.warn(`${command} failed (${reason})`);
  const tail = String(result.all ?? '').trimEnd().split('\n').slice(-15);
  if (tail.length && tail[0] !== '') process.stderr.write(`${tail.map((l) => `  ${l}`).join('\n')}\n`);
  return failure;
}
