// main() resolves to the exit code the bin sets: a command that reports failure through
// process.exitCode (instead of throwing) must not be turned into 0.
import { afterEach, describe, expect, it, vi } from 'vitest';

const behaviour = vi.hoisted(() => ({ exitCode: undefined as number | undefined }));

vi.mock('../../src/commands/gen-env.js', () => ({
  genEnvCommand: async () => {
    if (behaviour.exitCode !== undefined) process.exitCode = behaviour.exitCode;
  },
}));

const { main } = await import('../../src/cli.js');

afterEach(() => {
  behaviour.exitCode = undefined;
  process.exitCode = undefined;
});

describe('main()', () => {
  it('returns 0 when the command finishes without setting an exit code', async () => {
    expect(await main(['node', 'cli', 'gen', 'env'])).toBe(0);
  });

  it('returns the exit code a command set on process.exitCode', async () => {
    behaviour.exitCode = 1;
    expect(await main(['node', 'cli', 'gen', 'env'])).toBe(1);
    behaviour.exitCode = 3;
    expect(await main(['node', 'cli', 'gen', 'env'])).toBe(3);
  });
});
