// Commander flags and `--help` text, derived from the option declarations. No defaults are
// given to commander: an option that is `undefined` after parsing was not given on the command
// line, which is how prompts and the no-TTY check know what is still open.
import { Option, type Command } from 'commander';
import { OPTION_DECLS, type OptionKey } from './choices.js';
import { allowedValues, defaultAnswer, orList, type HelpFacts, type HelpText, type OptionDecl } from './define.js';

/** Flags that steer the run rather than the generated project. */
export const RUN_FLAGS = [
  { flags: '-y, --yes', description: 'take defaults for everything not given; never prompt' },
  { flags: '--dry-run', description: 'print the plan (files, dependencies, env var names) and write nothing' },
  { flags: '--json', description: 'with --dry-run: print the plan as JSON' },
  {
    flags: '--force',
    description:
      'start in an existing app whose git tree has uncommitted changes; write into a non-empty folder that is neither our project nor an app we recognise (changed files are listed and confirmed; no TTY: overwritten). Re-runs in a project of ours need no --force and never overwrite your edits; an existing .env is never overwritten, only missing keys are added',
  },
  { flags: '--cwd <path>', description: 'run in this folder (the directory argument defaults to it): a project of ours is updated, an existing Next.js, SvelteKit, Nuxt or React + Vite app gets Better Auth added' },
] as const;

export interface RunFlags {
  yes: boolean;
  dryRun: boolean;
  json: boolean;
  force: boolean;
  /** --cwd as given (resolved against the real current directory by the command). */
  cwd?: string;
}

/** What the help text of `decl` may quote from the other declarations. */
function helpFacts(decl: OptionDecl): HelpFacts {
  return {
    limitsOf: (value) =>
      OPTION_DECLS.flatMap((later) => {
        if (later.kind !== 'select' || later.allowed?.after.key !== decl.key) return [];
        const allowed = allowedValues(later, { [decl.key]: value });
        return allowed.length < later.choices.length ? [`${later.flag} ${allowed.join('|')}`] : [];
      }).join(', '),
    allowedAfter: (value) => (decl.kind === 'select' && decl.allowed ? orList(allowedValues(decl, { [decl.allowed.after.key]: value })) : ''),
    defaultAfter: (value) =>
      decl.kind === 'select' && decl.allowed ? String(defaultAnswer(decl, { [decl.allowed.after.key]: value }, { env: {} })) : String(decl.default),
  };
}

function text(decl: OptionDecl, help: HelpText): string {
  return typeof help === 'string' ? help : help(helpFacts(decl));
}

function helpLine(decl: OptionDecl): string {
  const description = text(decl, decl.help);
  if (decl.kind === 'boolean') return description;
  if (decl.kind === 'multiselect') {
    const def = decl.default.length ? decl.default.join(',') : decl.none;
    return `${description} (choices: ${decl.choices.join(', ')}, or ${decl.none}; default: ${def})`;
  }
  return `${description} (choices: ${decl.choices.join(', ')}; default: ${decl.defaultHelp === undefined ? decl.default : text(decl, decl.defaultHelp)})`;
}

/** Commander's attribute name for a flag: `--dry-run` → `dryRun`. */
export function attributeName(flag: string): string {
  return flag.replace(/^--/, '').replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}

export function addCreateFlags(command: Command): Command {
  for (const decl of OPTION_DECLS) {
    if (decl.kind === 'boolean') {
      command.addOption(new Option(decl.flag, helpLine(decl)));
      command.addOption(new Option(`--no-${decl.flag.slice(2)}`, decl.negatedHelp));
    } else {
      command.addOption(new Option(`${decl.flag} <${decl.valueName}>`, helpLine(decl)));
    }
  }
  for (const run of RUN_FLAGS) command.addOption(new Option(run.flags, run.description));
  // Create flags belong to the create command only: `gen env --cwd x` is gen env's --cwd.
  command.enablePositionalOptions();
  return command;
}

/** Raw values as commander parsed them; absent keys were not given. */
export type GivenValues = Partial<Record<OptionKey, string | boolean>>;

export function givenValues(opts: Record<string, unknown>): GivenValues {
  const given: GivenValues = {};
  for (const decl of OPTION_DECLS) {
    const value = opts[attributeName(decl.flag)];
    if (value === undefined) continue;
    if (typeof value === 'string' || typeof value === 'boolean') given[decl.key] = value;
  }
  return given;
}

export function runFlags(opts: Record<string, unknown>): RunFlags {
  return {
    yes: opts.yes === true,
    dryRun: opts.dryRun === true,
    json: opts.json === true,
    force: opts.force === true,
    ...(typeof opts.cwd === 'string' ? { cwd: opts.cwd } : {}),
  };
}
