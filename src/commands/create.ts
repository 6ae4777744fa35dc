// The create command: options → warnings → plan → apply → install → git → next steps.
// Loaded lazily by src/cli.ts, so `--help` never pays for zod, handlebars, clack or execa.
import { join } from 'node:path';
import { CliError } from '../errors.js';
import { givenValues, runFlags } from '../options/flags.js';
import { clackPrompter } from '../options/prompts.js';
import { reproduceCommand } from '../options/reproduce.js';
import { resolveCreateRequest, type CreateRequest } from '../options/resolve.js';
import { installCommand, runCommand } from '../plan/context.js';
import { diskTemplateStore } from '../plan/disk-store.js';
import { FEATURES } from '../plan/features.js';
import { plan as makePlan, type Plan } from '../plan/plan.js';
import { CLI_NAME, CLI_VERSION } from '../plan/version.js';
import { apply } from '../writer/apply.js';
import { formatPlan, formatReport, planJson } from '../writer/print.js';

type Clack = typeof import('@clack/prompts');

/** Output that looks right on a terminal (clack) and stays plain text in pipes and CI. */
interface Out {
  info(message: string): void;
  warn(message: string): void;
  section(title: string, lines: string[]): void;
  /** A command to copy: printed on its own, never boxed or wrapped. */
  command(title: string, command: string): void;
  done(message: string): void;
}

function plainOut(): Out {
  return {
    info: (m) => process.stdout.write(`${m}\n`),
    warn: (m) => process.stderr.write(`warning: ${m}\n`),
    section: (title, lines) => process.stdout.write(`\n${title}\n${lines.map((l) => `  ${l}`).join('\n')}\n`),
    command: (title, command) => process.stdout.write(`\n${title}\n  ${command}\n`),
    done: (m) => process.stdout.write(`\n${m}\n`),
  };
}

function clackOut(clack: Clack): Out {
  return {
    info: (m) => clack.log.info(m),
    warn: (m) => clack.log.warn(m),
    section: (title, lines) => clack.note(lines.join('\n'), title),
    command: (title, command) => {
      clack.log.step(title);
      process.stdout.write(`${command}\n`);
    },
    done: (m) => clack.outro(m),
  };
}

export function isInteractive(): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY);
}

export async function runCreate(dir: string | undefined, opts: Record<string, unknown>): Promise<void> {
  const flags = runFlags(opts);
  const interactive = isInteractive() && !flags.yes;
  const clack: Clack | undefined = interactive ? await import('@clack/prompts') : undefined;
  if (clack && !flags.json) clack.intro(`${CLI_NAME} ${CLI_VERSION}`);
  const out = clack && !flags.json ? clackOut(clack) : plainOut();

  const request = await resolveCreateRequest({
    dir,
    given: givenValues(opts),
    flags,
    cwd: process.cwd(),
    env: process.env,
    interactive,
    prompter: interactive ? await clackPrompter() : undefined,
  });

  const thePlan = makePlan(request.options, FEATURES, diskTemplateStore());
  for (const warning of thePlan.warnings) (flags.json ? plainOut() : out).warn(warning);

  if (flags.dryRun) {
    const report = await apply(thePlan, { dir: request.targetDir, dryRun: true, force: flags.force, interactive: false });
    if (flags.json) {
      process.stdout.write(planJson(thePlan, report));
      return;
    }
    process.stdout.write(formatPlan(thePlan, report));
    out.command('Run it for real with:', reproduceCommand(request.dir, request.answers));
    return;
  }

  const report = await apply(thePlan, { dir: request.targetDir, dryRun: false, force: flags.force, interactive });
  out.info(formatReport(report).trimEnd());

  const { pm } = request.options;
  let installFailed = false;
  if (request.answers.install) installFailed = !(await install(request, thePlan.installDirs, clack, out));
  if (request.answers.git) await initGit(request.targetDir, out);

  out.section('Next steps', nextSteps(request, thePlan, installFailed));
  out.command('To create this project again without prompts:', reproduceCommand(request.dir, request.answers));
  if (installFailed) {
    throw new CliError(`${installCommand(pm)} failed; the project is complete — run "${retryInstall(request)}" to try again`);
  }
  out.done(`Created ${request.options.name}.`);
}

function cdStep(request: CreateRequest): string | undefined {
  return request.dir === '.' || request.dir === './' ? undefined : `cd ${request.dir}`;
}

function retryInstall(request: CreateRequest): string {
  const cd = cdStep(request);
  return cd ? `${cd} && ${installCommand(request.options.pm)}` : installCommand(request.options.pm);
}

function nextSteps(request: CreateRequest, thePlan: Plan, installFailed: boolean): string[] {
  const steps: string[] = [];
  const cd = cdStep(request);
  if (cd) steps.push(cd);
  if (!request.answers.install || installFailed) steps.push(installCommand(request.options.pm));
  steps.push(...thePlan.nextSteps);
  if (thePlan.nextSteps.length === 0 && thePlan.scripts.dev) steps.push(`${runCommand(request.options.pm)} dev`);
  return steps;
}

/** `<pm> install` in the project, with a spinner on a terminal. False when it failed. */
async function install(request: CreateRequest, installDirs: readonly string[], clack: Clack | undefined, out: Out): Promise<boolean> {
  for (const dir of installDirs) {
    if (!(await installIn(dir, request, clack, out))) return false;
  }
  return true;
}

async function installIn(dir: string, request: CreateRequest, clack: Clack | undefined, out: Out): Promise<boolean> {
  const command = `${installCommand(request.options.pm)}${dir === '.' ? '' : ` (in ${dir}/)`}`;
  const spin = clack?.spinner();
  if (spin) spin.start(`Running ${command}`);
  else out.info(`Running ${command}...`);
  const { execa } = await import('execa');
  const result = await execa(request.options.pm, ['install'], {
    cwd: join(request.targetDir, dir),
    all: true,
    reject: false,
    stdin: 'ignore',
    env: { npm_config_update_notifier: 'false' },
  });
  if (!result.failed) {
    const where = dir === '.' ? '' : ` in ${dir}/`;
    if (spin) spin.stop(`Installed dependencies${where} with ${request.options.pm}`);
    else out.info(`Installed dependencies${where} with ${request.options.pm}.`);
    return true;
  }
  const reason = (result as { code?: string }).code === 'ENOENT' ? `${request.options.pm} was not found on PATH` : `exit code ${result.exitCode ?? '?'}`;
  if (spin) spin.error(`${command} failed (${reason})`);
  else out.warn(`${command} failed (${reason})`);
  const tail = String(result.all ?? '').trimEnd().split('\n').slice(-15);
  if (tail.length && tail[0] !== '') process.stderr.write(`${tail.map((l) => `  ${l}`).join('\n')}\n`);
  return false;
}

const FALLBACK_IDENTITY = [
  '-c',
  `user.name=${CLI_NAME}`,
  '-c',
  `user.email=${CLI_NAME}@users.noreply.github.com`,
];

/** git init + initial commit. Every failure is a warning: the project is already complete. */
async function initGit(cwd: string, out: Out): Promise<void> {
  const { execa } = await import('execa');
  const git = (args: string[]) => execa('git', args, { cwd, reject: false, stdin: 'ignore' });
  const version = await git(['--version']);
  if (version.failed) {
    out.warn('git was not found; skipped git init');
    return;
  }
  const inside = await git(['rev-parse', '--is-inside-work-tree']);
  if (!inside.failed && String(inside.stdout).trim() === 'true') {
    out.info('Already inside a git repository; skipped git init.');
    return;
  }
  const name = await git(['config', 'user.name']);
  const email = await git(['config', 'user.email']);
  const identity = name.failed || email.failed || !String(name.stdout).trim() || !String(email.stdout).trim() ? FALLBACK_IDENTITY : [];
  const step = async (args: string[]) => {
    const result = await git(args);
    if (result.failed) throw new Error(`git ${args.filter((a) => !a.startsWith('user.') && a !== '-c').join(' ')}: ${String(result.stderr).trim().split('\n')[0] ?? ''}`);
    return result;
  };
  try {
    await step(['-c', 'init.defaultBranch=main', 'init', '--quiet']);
    await step(['add', '-A']);
    // Belt and braces: never commit the secret.
    if ((await git(['check-ignore', '-q', '.env'])).exitCode !== 0) {
      out.warn('.env is not git-ignored; initialised git but made no commit');
      return;
    }
    await step([...identity, 'commit', '--quiet', '--no-verify', '-m', `Initial commit from ${CLI_NAME}`]);
    out.info('Initialised a git repository with an initial commit.');
  } catch (error) {
    out.warn(`git init failed, the project is fine without it: ${(error as Error).message}`);
  }
}
