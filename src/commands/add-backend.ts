// Registers `add backend [dir]`: JWT verification for an existing Express, Fastify, Hono or
// FastAPI API. Only commander here, so `--help` stays fast; the body is imported on use.
import { Option, type Command } from 'commander';

export function registerAddBackendCommand(program: Command): void {
  const add = program.command('add').description('add to an existing project (see: add backend --help)');
  add
    .command('backend')
    .argument('[dir]', 'the API project (default: the current directory, or --cwd)')
    .summary('add JWT verification of Better Auth tokens to an existing Express, Fastify, Hono or FastAPI API')
    .description(
      "Add the generated backends' token verifier to an existing API: Express 4/5, Fastify 4/5 or Hono (TypeScript or JavaScript, ES modules or CommonJS) from package.json, or FastAPI from requirements.txt / pyproject.toml. It writes one verifier module with a requireAuth guard (require_user for FastAPI), adds a pinned jose (or the Python requirement lines), documents the variables in .env.example (and the README env table when it has the markers), and keeps a manifest so a re-run changes only its own unedited files. It never edits your server file: it prints the lines to add.",
    )
    .option('--cwd <dir>', 'project directory (default: the current directory)')
    .option('--auth-url <url>', `URL of the app that serves Better Auth, BETTER_AUTH_URL (default http://localhost:3000)`)
    .addOption(new Option('--algorithm <alg>', 'algorithm the auth server signs with, JWT_ALGORITHM (default EdDSA)').choices(['EdDSA', 'ES256', 'RS256']))
    .option('--cors-origin <origin>', 'frontend origin allowed to call the API, CORS_ORIGIN (default: the origin of --auth-url; skipped when the app already sets up CORS)')
    .option('--no-cors', 'print no CORS lines and add no CORS_ORIGIN (the app handles CORS itself, or is not called from a browser)')
    .option('-y, --yes', 'ask nothing: take the defaults for what is not given')
    .option('--force', 'run even when the git tree has uncommitted changes')
    .addHelpText('after', '\nExit codes: 0 done, 1 failed (no supported API, uncommitted changes without --force), 2 usage error.')
    .action(async (dir: string | undefined, opts: Record<string, unknown>) => {
      const { addBackendCommand } = await import('../add-backend/command.js');
      await addBackendCommand(dir, opts);
    });
}
