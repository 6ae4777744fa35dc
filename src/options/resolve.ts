// Turns what the command line gave into complete, validated options: flags first, then
// prompts for what is still open (only on a TTY), defaults with --yes, and otherwise a
// usage error naming every missing flag — never a hung prompt.
import { basename, resolve as resolvePath } from 'node:path';
import { UsageError } from '../errors.js';
import { DIR_ARGUMENT, OPTION_DECLS, type CreateAnswers, type ProjectOptions } from './choices.js';
import { allowedValues, defaultAnswer, type DefaultContext, type OptionDecl } from './define.js';
import type { GivenValues, RunFlags } from './flags.js';
import { packageNameProblem } from './package-name.js';
import type { Prompter } from './prompts.js';
import { missingText } from './schema.js';
import { combinationProblem, parseGiven, validateProjectOptions } from './validate.js';

export interface ResolveInput {
  /** The positional argument, as typed. */
  dir?: string;
  given: GivenValues;
  flags: RunFlags;
  cwd: string;
  env: DefaultContext['env'];
  /** stdin and stdout are TTYs (and --yes was not given). */
  interactive: boolean;
  /** Needed only when interactive. */
  prompter?: Prompter;
  /**
   * Looks at the target directory once it is known: a project of ours (its manifest's options
   * become the defaults) or an existing app (e.g. its package manager, its name).
   */
  inspect?: (targetDir: string) => TargetInfo | Promise<TargetInfo>;
}

/** What the target directory already decides. */
export interface TargetInfo {
  /** Answers taken when not given on the command line, without asking. */
  known?: Partial<CreateAnswers>;
  /** The project name (else the directory's basename, which must then be a valid name). */
  name?: string;
}

export interface CreateRequest {
  /** The directory as the user gave it (used in printed commands). */
  dir: string;
  /** Absolute target directory. */
  targetDir: string;
  options: ProjectOptions;
  answers: CreateAnswers;
  flags: RunFlags;
  /** At least one question was asked. */
  prompted: boolean;
  /** What inspecting the target found. */
  target: TargetInfo;
}

/** Project name from a directory: the basename of its resolved path. */
export function projectNameFor(dir: string, cwd: string): string {
  return basename(resolvePath(cwd, dir));
}

function nameProblem(dir: string, cwd: string): string | undefined {
  const name = projectNameFor(dir, cwd);
  const problem = packageNameProblem(name);
  if (!problem) return undefined;
  const from = name === dir ? '' : ` (from directory ${JSON.stringify(dir)})`;
  return `invalid project name ${JSON.stringify(name)}${from}: ${problem}; npm package names are lowercase and URL-safe, e.g. my-better-auth-app`;
}

function checkRunFlags(flags: RunFlags): void {
  if (flags.json && !flags.dryRun) throw new UsageError('--json needs --dry-run (it prints the plan instead of writing)');
}

async function ask(prompter: Prompter, decl: OptionDecl, answers: Partial<CreateAnswers>, ctx: DefaultContext): Promise<unknown> {
  const initial = defaultAnswer(decl, answers, ctx);
  if (decl.kind === 'boolean') return prompter.confirm({ message: decl.question, initialValue: initial as boolean });
  if (decl.kind === 'multiselect') {
    const picked = await prompter.multiselect({ message: decl.question, options: decl.promptChoices, initialValues: [...(initial as string[])] });
    return [...new Set(picked)].sort();
  }
  // The choices earlier answers allow, in the order they are offered.
  const options = allowedValues(decl, answers).flatMap((value) => decl.promptChoices.filter((c) => c.value === value));
  return prompter.select({ message: decl.question, options, initialValue: initial as string });
}

export async function resolveCreateRequest(input: ResolveInput): Promise<CreateRequest> {
  const { flags, cwd, env } = input;
  const ctx: DefaultContext = { env };
  checkRunFlags(flags);
  const answers: Partial<CreateAnswers> = parseGiven(input.given);
  const problem = combinationProblem(answers);
  if (problem) throw new UsageError(problem);

  const interactive = input.interactive && !flags.yes;
  if (interactive && !input.prompter) throw new Error('interactive resolution needs a prompter');
  let prompted = false;

  // The directory (and so the project name) comes first.
  let dir = input.dir;
  let target: TargetInfo = {};
  if (dir !== undefined) {
    target = (await input.inspect?.(resolvePath(cwd, dir))) ?? {};
    const p = target.name === undefined ? nameProblem(dir, cwd) : undefined;
    if (p) throw new UsageError(p);
  }

  const missing: string[] = [];
  if (dir === undefined) {
    if (flags.yes) dir = DIR_ARGUMENT.default;
    else if (interactive && input.prompter) {
      prompted = true;
      dir = await input.prompter.text({
        message: DIR_ARGUMENT.question,
        defaultValue: DIR_ARGUMENT.default,
        validate: (value) => nameProblem(value, cwd),
      });
    } else missing.push(`[${DIR_ARGUMENT.name}] argument`);
    if (dir !== undefined) target = (await input.inspect?.(resolvePath(cwd, dir))) ?? {};
  }
  for (const [key, value] of Object.entries(target.known ?? {})) {
    if ((answers as Record<string, unknown>)[key] === undefined) (answers as Record<string, unknown>)[key] = value;
  }

  for (const decl of OPTION_DECLS) {
    if (answers[decl.key] !== undefined) continue;
    if (flags.yes) {
      (answers as Record<string, unknown>)[decl.key] = defaultAnswer(decl, answers, ctx);
    } else if (interactive && input.prompter) {
      prompted = true;
      (answers as Record<string, unknown>)[decl.key] = await ask(input.prompter, decl, answers, ctx);
    } else {
      missing.push(missingText(decl));
    }
  }

  if (missing.length > 0) {
    throw new UsageError(
      `missing ${missing.join(', ')} — no terminal to ask on, so pass ${missing.length > 1 ? 'them' : 'it'} or add --yes to take the defaults`,
    );
  }

  const finalDir = dir as string;
  const complete = answers as CreateAnswers;
  const { install, git, ...projectAnswers } = complete;
  const options = validateProjectOptions({ name: target.name ?? projectNameFor(finalDir, cwd), ...projectAnswers });
  return {
    dir: finalDir,
    targetDir: resolvePath(cwd, finalDir),
    options,
    answers: { ...projectAnswers, providers: options.providers, install, git },
    flags,
    prompted,
    target,
  };
}
