// Commander flags and `--help` text, derived from OPTION_DECLS. No defaults are given to
// commander: an option that is `undefined` after parsing was not given on the command line,
// which is how prompts and the no-TTY check know what is still open.
import { Option, type Command } from 'commander';
import { OPTION_DECLS, RUN_FLAGS, type OptionDecl, type OptionKey, type RunFlags } from './schema.js';

function helpText(decl: OptionDecl): string {
  if (decl.kind === 'boolean') return decl.description;
  if (decl.kind === 'multiselect') {
    const def = decl.default.length ? decl.default.join(',') : decl.none;
    return `${decl.description} (choices: ${decl.choices.join(', ')}, or ${decl.none}; default: ${def})`;
  }
  return `${decl.description} (choices: ${decl.choices.join(', ')}; default: ${decl.defaultLabel ?? decl.default})`;
}

/** Commander's attribute name for a flag: `--dry-run` → `dryRun`. */
export function attributeName(flag: string): string {
  return flag.replace(/^--/, '').replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}

export function addCreateFlags(command: Command): Command {
  for (const decl of OPTION_DECLS) {
    if (decl.kind === 'boolean') {
      command.addOption(new Option(decl.flag, helpText(decl)));
      command.addOption(new Option(`--no-${decl.flag.slice(2)}`, decl.negatedDescription));
    } else {
      command.addOption(new Option(`${decl.flag} <${decl.valueName}>`, helpText(decl)));
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
