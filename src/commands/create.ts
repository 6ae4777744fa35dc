// The create command: options → warnings → plan → apply → install → git → next steps.
// In a project of ours it is a re-run (defaults from the manifest); in an existing app it adds
// Better Auth + JWT without overwriting any of the app's files (src/detect, src/existing-app).
// Loaded lazily by src/cli.ts, so `--help` never pays for zod, handlebars, clack or execa.
import { basename, resolve as resolvePath } from 'node:path';
import { inspectTarget, type Target } from '../detect/project.js';
import { keptExampleVars } from '../detect/user-env.js';
import { CliError, UsageError } from '../errors.js';
import { describeExistingApp, existingAppPlanInput, supportedAppFrameworks, type ExistingApp } from '../existing-app/index.js';
import type { ProjectOptions } from '../options/choices.js';
import { givenValues, runFlags, type GivenValues } from '../options/flags.js';
import { packageNameProblem } from '../options/package-name.js';
import { clackPrompter } from '../options/prompts.js';
import { reproduceCommand } from '../options/reproduce.js';
import { resolveCreateRequest, type CreateRequest, type TargetInfo } from '../options/resolve.js';
import { validateProjectOptions } from '../options/validate.js';
import { installCommand, runCommand, type ProjectLayout } from '../plan/context.js';
import { diskTemplateStore } from '../plan/disk-store.js';
import { FEATURES } from '../plan/features.js';
import { FRAMEWORK_PROFILES } from '../features/frameworks.js';
import { MANIFEST_FILE, readManifest } from '../plan/manifest.js';
import { plan as makePlan, type Plan, type PlanInput } from '../plan/plan.js';
import { CLI_NAME, CLI_VERSION } from '../plan/version.js';
import { apply, invalidManifestError, type ApplyMode } from '../writer/apply.js';
import type { InstallFailure } from '../writer/install-failure.js';
import { formatDetails, formatPlan, formatReport, planJson } from '../writer/print.js';
import { initGit, uncommitted } from './git.js';
import { install } from './install.js';
import { clackOut, plainOut, type Clack, type Out } from './output.js';

export function isInteractive(): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY);
}

/** The layout recorded in a manifest, or the default when absent or malformed. */
function manifestLayout(raw: unknown): ProjectLayout | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const l = raw as Partial<ProjectLayout>;
  if (typeof l.srcDir !== 'boolean' || typeof l.alias !== 'string' || !/^(?:[^\s'"`]*\/|\$)$/.test(l.alias)) return undefined;
  if (l.proxyFile !== 'proxy' && l.proxyFile !== 'middleware') return undefined;
  return { srcDir: l.srcDir, alias: l.alias, proxyFile: l.proxyFile };
}

/** A valid npm name for an existing app: its package.json name, else its folder's, made valid. */
function existingAppName(app: Pick<ExistingApp, 'packageName'>, targetDir: string): string {
  if (app.packageName && !packageNameProblem(app.packageName)) return app.packageName;
  const base = basename(targetDir).toLowerCase().replace(/[^a-z0-9._~-]+/g, '-').replace(/^[._-]+/, '');
  return packageNameProblem(base) ? 'app' : base;
}

/** What the target directory decides before any question: defaults from our manifest, or the app's. */
function targetInfo(target: Target, targetDir: string): TargetInfo {
  if (target.kind === 'ours') {
    let options: ProjectOptions;
    try {
      options = validateProjectOptions(target.manifest.options);
    } catch (error) {
      throw new CliError(`${MANIFEST_FILE} in ${targetDir} has options this CLI cannot use: ${(error as Error).message}`);
    }
    const { name, ...rest } = options;
    // A re-run installs only when package.json changes, and never runs git init.
    return { name, known: { ...rest, install: true, git: false } };
  }
  if (target.kind === 'app') {
    const { app } = target;
    return { name: existingAppName(app, targetDir), known: { framework: app.framework, ...(app.pm ? { pm: app.pm } : {}), install: true, git: false } };
  }
  if (target.kind === 'unsupported') {
    throw new CliError(`${targetDir} holds ${target.found}: Better Auth can be added to an existing ${supportedAppFrameworks()} app only, for now; to create a new project, choose an empty directory`);
  }
  return {};
}

/** The report and checks for an existing app of a framework in src/existing-app. */
function checkExistingApp(app: ExistingApp, request: CreateRequest, given: GivenValues, out: Out): void {
  out.info(`Found ${describeExistingApp(app)}.`);
  for (const warning of app.warnings) out.warn(warning);
  if (app.pm && given.pm !== undefined && given.pm !== app.pm) out.warn(`--pm ${String(given.pm)} given, but the app has ${app.pmSource} (${app.pm})`);
  refuseDirtyTree(request, out);
}

/** An existing app must be reviewable and undoable with git: uncommitted changes stop the run unless --force. */
function refuseDirtyTree(request: CreateRequest, out: Out): void {
  if (request.flags.dryRun) return;
  const dirty = uncommitted(request.targetDir);
  if (dirty === undefined) {
    out.warn(`${request.targetDir} is not in a git repository: you will not be able to review or undo these changes with git`);
  } else if (dirty.length > 0 && !request.flags.force) {
    throw new CliError(
      `${request.targetDir} has uncommitted changes (${dirty.length} path${dirty.length === 1 ? '' : 's'}, e.g. ${dirty[0]?.slice(3)}); commit or stash them first so that you can review and undo what this adds with git, or pass --force`,
    );
  }
}

const DONE: Record<ApplyMode, string> = { create: 'Created', force: 'Created', rerun: 'Updated', existing: 'Added Better Auth + JWT to' };

export async function runCreate(dir: string | undefined, opts: Record<string, unknown>): Promise<void> {
  const flags = runFlags(opts);
  const interactive = isInteractive() && !flags.yes;
  const clack: Clack | undefined = interactive ? await import('@clack/prompts') : undefined;
  if (clack && !flags.json) clack.intro(`${CLI_NAME} ${CLI_VERSION}`);
  const out = clack && !flags.json ? clackOut(clack) : plainOut();
  // With --json, stdout holds the JSON alone: what was found and warnings go to stderr.
  const info: Out = flags.json ? { ...plainOut(), info: (m) => process.stderr.write(`${m}\n`) } : out;

  const cwd = flags.cwd === undefined ? process.cwd() : resolvePath(flags.cwd);
  let target: Target = { kind: 'absent' };
  const given = givenValues(opts);
  const request = await resolveCreateRequest({
    // `--cwd path` alone means "this folder".
    dir: dir ?? (flags.cwd === undefined ? undefined : '.'),
    given,
    flags,
    cwd,
    env: process.env,
    interactive,
    prompter: interactive ? await clackPrompter() : undefined,
    inspect: (targetDir) => {
      target = inspectTarget(targetDir);
      // A manifest we cannot use (a path out of the project, a link...) stops the run before any question.
      if (target.kind === 'other') {
        const manifest = readManifest(targetDir);
        if (manifest.status === 'invalid') throw invalidManifestError(targetDir, manifest.problem);
      }
      return targetInfo(target, targetDir);
    },
  });

  const input: PlanInput = {};
  const found = target as Target;
  if (found.kind === 'ours') {
    const layout = manifestLayout(found.manifest.raw.layout);
    if (layout) input.layout = layout;
    if (found.manifest.raw.existingApp === true) Object.assign(input, existingAppPlanInput(request.options.framework, request.targetDir));
    input.declaredEnv = found.manifest.env.declared;
    input.keptEnv = keptExampleVars(request.targetDir, request.options, found.manifest.env.declared);
    if (!flags.json) out.info(`${request.targetDir} is a ${CLI_NAME} project (${MANIFEST_FILE}): updating it; options not given are taken from it.`);
  } else if (found.kind === 'app') {
    if (request.options.framework !== found.app.framework) {
      const label = FRAMEWORK_PROFILES[found.app.framework].label;
      throw new UsageError(
        `${request.targetDir} is a ${label} app: Better Auth + JWT is added to it with --framework ${found.app.framework}; --framework ${request.options.framework} makes a new project, so choose an empty directory for it`,
      );
    }
    input.layout = found.app.layout;
    Object.assign(input, existingAppPlanInput(found.app.framework, request.targetDir));
    checkExistingApp(found.app, request, given, info);
  }

  const thePlan = makePlan(request.options, FEATURES, diskTemplateStore(), input);
  for (const warning of thePlan.warnings) info.warn(warning);
  const applyOptions = { dir: request.targetDir, force: flags.force, existingApp: found.kind === 'app' };

  if (flags.dryRun) {
    const report = await apply(thePlan, { ...applyOptions, dryRun: true, interactive: false });
    if (flags.json) {
      process.stdout.write(planJson(thePlan, report));
      return;
    }
    process.stdout.write(formatPlan(thePlan, report));
    out.command('Run it for real with:', reproduceCommand(request.dir, request.answers, flags.cwd));
    return;
  }

  const report = await apply(thePlan, { ...applyOptions, dryRun: false, interactive });
  out.info(formatReport(report).trimEnd());
  const details = formatDetails(report);
  if (details) process.stdout.write(`\n${details}`);

  const { pm } = request.options;
  const fresh = report.mode === 'create' || report.mode === 'force';
  const packagesChanged = report.files.some((f) => /(^|\/)package\.json$/.test(f.path) && ['new', 'update', 'merge', 'overwrite'].includes(f.status));
  let installFailure: InstallFailure | undefined;
  if (request.answers.install && (fresh || packagesChanged)) installFailure = await install({ targetDir: request.targetDir, pm, cd: cdStep(request) }, thePlan.installDirs, clack, out);
  else if (request.answers.install) out.info('Dependencies unchanged; skipped install.');
  if (request.answers.git) await initGit(request.targetDir, out);

  const installFailed = installFailure !== undefined;
  const needsInstall = installFailed || (!request.answers.install && (fresh || packagesChanged));
  out.section('Next steps', nextSteps(request, thePlan, needsInstall));
  out.command(fresh ? 'To create this project again without prompts:' : 'To run this again without prompts:', reproduceCommand(request.dir, request.answers, flags.cwd));
  if (installFailure) {
    // The cause the manager's output shows and its fix: a plain retry would fail the same way.
    throw new CliError(`${installCommand(pm)} failed: ${installFailure.cause}. The project is written; ${installFailure.fix}`);
  }
  out.done(`${DONE[report.mode]} ${request.options.name}.`);
}

function cdStep(request: CreateRequest): string | undefined {
  return request.dir === '.' || request.dir === './' ? undefined : `cd ${request.dir}`;
}

function nextSteps(request: CreateRequest, thePlan: Plan, needsInstall: boolean): string[] {
  const steps: string[] = [];
  const cd = cdStep(request);
  if (cd) steps.push(cd);
  if (needsInstall) steps.push(installCommand(request.options.pm));
  steps.push(...thePlan.nextSteps);
  if (thePlan.nextSteps.length === 0 && thePlan.scripts.dev) steps.push(`${runCommand(request.options.pm)} dev`);
  return steps;
}

