// Create-command arguments parsed exactly as the CLI parses them (same flag declarations),
// then resolved without a TTY: what the options tests feed and check.
import { Command } from 'commander';
import { UsageError } from '../../src/errors.js';
import { addCreateFlags, givenValues, runFlags } from '../../src/options/flags.js';
import type { Prompter } from '../../src/options/prompts.js';
import { resolveCreateRequest, type CreateRequest } from '../../src/options/resolve.js';

/** The directory relative targets resolve against (nothing is written there). */
export const PARSE_CWD = '/work/projects';

export async function parseCreateArgs(
  args: string[],
  extra: { env?: Record<string, string>; prompter?: Prompter; interactive?: boolean } = {},
): Promise<CreateRequest> {
  const command = addCreateFlags(new Command('t').argument('[dir]').exitOverride().configureOutput({ outputError: () => {} }));
  command.parse(args, { from: 'user' });
  const opts = command.opts();
  return resolveCreateRequest({
    dir: command.args[0],
    given: givenValues(opts),
    flags: runFlags(opts),
    cwd: PARSE_CWD,
    env: extra.env ?? {},
    interactive: extra.interactive ?? false,
    prompter: extra.prompter,
  });
}

/** The message of the UsageError `promise` rejects with; anything else fails the test. */
export async function usageError(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof UsageError)) throw new Error(`expected a usage error, got ${error === undefined ? 'success' : String(error)}`);
  return error.message;
}
