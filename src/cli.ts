// Entry point. Loads only commander and the option declarations, so `--help` and
// `--version` are fast; the create command and everything heavy are imported on demand.
import { Command, CommanderError } from 'commander';
import { registerAddBackendCommand } from './commands/add-backend.js';
import { registerEnvCommands } from './commands/env-commands.js';
import { CancelledError, exitCodeOf, oneLine } from './errors.js';
import { addCreateFlags } from './options/flags.js';
import { DIR_ARGUMENT } from './options/choices.js';
import { CLI_NAME, CLI_VERSION } from './plan/version.js';

const EXAMPLES = `
Examples:
  $ npx ${CLI_NAME} my-app                      ask for everything not given
  $ npx ${CLI_NAME} my-app --yes                defaults: next, memory, no providers, sqlite, fetch
  $ npx ${CLI_NAME} my-app --providers github,google --storage cookie --http axios --yes
  $ npx ${CLI_NAME} my-app --backend fastapi --yes      a separate API server in backend/
  $ npx ${CLI_NAME} my-app --yes --dry-run --json
  $ npx ${CLI_NAME} . --providers github                 re-run in a generated project: add a provider
  $ npx ${CLI_NAME} --cwd ../my-next-app --yes            add auth to an existing Next.js, SvelteKit, Nuxt or Vite app

Without a terminal (CI, pipes) nothing is asked: every option must be given, or --yes
takes the defaults for the rest. Exit codes: 0 ok, 1 failure, 2 usage error, 130 cancelled.
`;

export function buildProgram(): Command {
  const program = new Command(CLI_NAME)
    .description('Scaffold a Better Auth + JWT project: sign-in, short-lived access tokens with refresh, a protected API, and documented env variables.')
    .argument(`[${DIR_ARGUMENT.name}]`, `${DIR_ARGUMENT.description} (asked if missing; --yes: ${DIR_ARGUMENT.default})`)
    .version(CLI_VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: () => {} });
  addCreateFlags(program);
  program.addHelpText('after', EXAMPLES);
  program.action(async (dir: string | undefined, opts: Record<string, unknown>) => {
    const { runCreate } = await import('./commands/create.js');
    await runCreate(dir, opts);
  });
  // Subcommands inherit exitOverride/configureOutput from the settings above.
  registerEnvCommands(program);
  registerAddBackendCommand(program);
  return program;
}

function report(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander's own errors are usage errors (exit 2), on every command. Its help has been
    // printed already: on stdout when asked for (exit 0), on stderr when a subcommand is missing.
    if (['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(error.code)) return error.exitCode === 0 ? 0 : 2;
    process.stderr.write(`error: ${oneLine(error.message.replace(/^error: /, ''))}\n`);
    return 2;
  }
  if (error instanceof CancelledError) {
    process.stderr.write(`${oneLine(error.message)}\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: ${oneLine(message)}\n`);
  }
  if (process.env.DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return exitCodeOf(error);
}

/** An exit code a command set on process.exitCode (e.g. 1 for failed checks), else 0. */
function exitCodeSetByCommand(): number {
  const code = Number(process.exitCode ?? 0);
  return Number.isInteger(code) && code >= 0 && code <= 255 ? code : 1;
}

/** Runs the CLI; resolves to the exit code (the bin sets process.exitCode). */
export async function main(argv: readonly string[] = process.argv): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv]);
    return exitCodeSetByCommand();
  } catch (error) {
    return report(error);
  }
}
