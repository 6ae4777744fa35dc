// git in the target folder: whether an existing app has uncommitted changes (we refuse to add
// to it without --force, so that what we add can be reviewed and undone with git), and git init
// with an initial commit for a new project.
import { git } from '../env/files.js';
import { CLI_NAME } from '../plan/version.js';
import type { Out } from './output.js';

/** `git status --porcelain` of the app folder: undefined when it is not in a git work tree. */
export function uncommitted(dir: string): string[] | undefined {
  const inside = git(dir, ['rev-parse', '--is-inside-work-tree']);
  if (inside.status !== 0 || inside.stdout.trim() !== 'true') return undefined;
  const status = git(dir, ['status', '--porcelain', '--', '.']);
  return status.stdout.split('\n').filter((l) => l.trim() !== '');
}

const FALLBACK_IDENTITY = [
  '-c',
  `user.name=${CLI_NAME}`,
  '-c',
  `user.email=${CLI_NAME}@users.noreply.github.com`,
];

/** git init + initial commit. Every failure is a warning: the project is already complete. */
export async function initGit(cwd: string, out: Out): Promise<void> {
  const { execa } = await import('execa');
  const run = (args: string[]) => execa('git', args, { cwd, reject: false, stdin: 'ignore' });
  const version = await run(['--version']);
  if (version.failed) {
    out.warn('git was not found; skipped git init');
    return;
  }
  const inside = await run(['rev-parse', '--is-inside-work-tree']);
  if (!inside.failed && String(inside.stdout).trim() === 'true') {
    out.info('Already inside a git repository; skipped git init.');
    return;
  }
  const name = await run(['config', 'user.name']);
  const email = await run(['config', 'user.email']);
  const identity = name.failed || email.failed || !String(name.stdout).trim() || !String(email.stdout).trim() ? FALLBACK_IDENTITY : [];
  const step = async (args: string[]) => {
    const result = await run(args);
    if (result.failed) throw new Error(`git ${args.filter((a) => !a.startsWith('user.') && a !== '-c').join(' ')}: ${String(result.stderr).trim().split('\n')[0] ?? ''}`);
    return result;
  };
  try {
    await step(['-c', 'init.defaultBranch=main', 'init', '--quiet']);
    await step(['add', '-A']);
    // Belt and braces: never commit the secret.
    if ((await run(['check-ignore', '-q', '.env'])).exitCode !== 0) {
      out.warn('.env is not git-ignored; initialised git but made no commit');
      return;
    }
    await step([...identity, 'commit', '--quiet', '--no-verify', '-m', `Initial commit from ${CLI_NAME}`]);
    out.info('Initialised a git repository with an initial commit.');
  } catch (error) {
    out.warn(`git init failed, the project is fine without it: ${(error as Error).message}`);
  }
}
