// Registers `gen env` and `check env` on the root program. Implementations are imported lazily
// so `--help` stays fast. Actions throw UsageError (exit 2) / CliError (exit 1); commander's
// own errors are thrown too (the subcommands inherit the root's exitOverride), and main() in
// src/cli.ts turns each into one `error: …` line and its exit code.
import { Option, type Command } from 'commander';

export interface EnvCommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colours in text output. */
  color: boolean;
}

function processIo(): EnvCommandIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  };
}

export function registerEnvCommands(program: Command): void {
  const gen = program.command('gen').description('generate files of an existing project (see: gen env --help)');
  gen
    .command('env')
    .summary('rewrite .env.example (and backend/.env.example) and the README env table from the env registry')
    .description(
      'Rewrite one .env.example per env file (.env.example; backend/.env.example when the project has a separate API server) and the README env table of all of them (between <!-- env-table:start --> and <!-- env-table:end -->) from the project\'s env registry: the variables of its options in create-better-auth-jwt.json, plus variables you declared there or documented in an .env.example (kept in that file). An .env.example it did not write (no manifest, or edited since) is never rewritten: the variables it lacks (the registry\'s, and those the code reads) are added in a block of its own at the end, between marker comments. Every other README byte is kept; a README without the markers is left alone (see --readme-markers). Running it twice changes nothing.',
    )
    .option('--cwd <dir>', 'project directory (default: the current directory)')
    .option('--check', 'write nothing; print a diff and exit 1 if a run would change a file (for CI drift checks)')
    .option('--write-env', 'also add missing variables to each env file (.env, backend/.env) by key, generating random values for empty secrets (BETTER_AUTH_SECRET); existing values are never changed or printed')
    .option('--readme-markers', 'append the env table, between <!-- env-table:start --> and <!-- env-table:end -->, to a README that has no markers (without it such a README is left alone; a missing README is never created)')
    .addHelpText('after', '\nExit codes: 0 done (or up to date with --check), 1 out of date (--check) or failed, 2 usage error.')
    .action(async (opts: { cwd?: string; check?: boolean; writeEnv?: boolean; readmeMarkers?: boolean }) => {
      const { genEnvCommand } = await import('./gen-env.js');
      await genEnvCommand(opts, processIo());
    });

  const check = program.command('check').description('check an existing project (see: check env --help)');
  check
    .command('env')
    .summary('check env variables: code vs docs vs .env, secrets, URLs, JWT settings, git')
    .description(
      'Check environment variables: code vs .env.example (undocumented or unused variables), required variables missing or empty in .env, Better Auth secret strength, URLs, JWT algorithm and lifetimes, secrets exposed by NEXT_PUBLIC_/VITE_/PUBLIC_ prefixes, .env kept out of git, and .env lines dotenv would load differently than written. With a separate API server, backend/.env is checked against its own variables and code under backend/ against backend/.env.example, and a BETTER_AUTH_URL, JWT_ISSUER, JWT_AUDIENCE or JWT_ALGORITHM that differs between .env and backend/.env is a warning. Works with or without a create-better-auth-jwt.json manifest. Secret values are never printed.',
    )
    .option('--cwd <dir>', 'project directory (default: the current directory)')
    .option('--from-process', 'check the variables of the real environment (as CI or a hosting platform provides them) instead of the env files, for every env file of the project; the files are still linted if present')
    .addOption(new Option('--format <format>', 'output: text (for people), json (for tools), github (workflow annotations ::error file=…,line=…::…)').default('text'))
    .option('--strict', 'fail on warnings too (exit 1), not only on errors')
    .addHelpText('after', '\nExit codes: 0 all checks pass (warnings allowed), 1 a check failed (or a warning with --strict), 2 usage error.')
    .action(async (opts: { cwd?: string; fromProcess?: boolean; format: string; strict?: boolean }) => {
      const { checkEnvCommand } = await import('./check-env.js');
      await checkEnvCommand(opts, processIo());
    });
}
