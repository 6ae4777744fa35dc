// Commander's own errors (an unknown option, a missing subcommand, a missing value) are usage
// errors on every command: exit 2 and one `error:` line, or the command's help on stderr when a
// subcommand is missing. Help and version exit 0. Nothing here runs a command's action.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.js';

let stdout = '';
let stderr = '';

beforeEach(() => {
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

const run = (...args: string[]) => main(['node', 'create-better-auth-jwt', ...args]);

describe('commander errors in the env commands', () => {
  it('gen or check without a subcommand prints that command\'s help on stderr and exits 2', async () => {
    for (const command of ['gen', 'check']) {
      stderr = '';
      expect(await run(command), command).toBe(2);
      expect(stderr).toContain(`Usage: create-better-auth-jwt ${command} [options] [command]`);
      expect(stdout).toBe('');
    }
  });

  it('an unknown option, subcommand or value of gen env / check env exits 2 with one error line', async () => {
    for (const args of [
      ['gen', 'env', '--nope'],
      ['check', 'env', '--nope'],
      ['gen', 'nope'],
      ['check', 'env', '--cwd'],
    ]) {
      stderr = '';
      expect(await run(...args), args.join(' ')).toBe(2);
      expect(stderr, args.join(' ')).toMatch(/^error: [^\n]+\n$/);
    }
  });

  it('--help of a subcommand prints it on stdout and exits 0', async () => {
    expect(await run('check', 'env', '--help')).toBe(0);
    expect(stdout).toContain('Usage: create-better-auth-jwt check env [options]');
    expect(stderr).toBe('');
  });

  it('an unknown option of the create command exits 2 with a suggestion', async () => {
    expect(await run('my-app', '--frmework', 'next')).toBe(2);
    expect(stderr).toBe("error: unknown option '--frmework' (Did you mean --framework?)\n");
  });
});
