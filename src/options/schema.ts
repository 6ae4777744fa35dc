// What follows from the option declarations (choices.ts) without zod: the default project
// (what `--yes` makes of an empty folder; `gen env` documents its variables) and how a missing
// option is named when there is no terminal to ask on.
import { OPTION_DECLS, PROJECT_OPTIONS, type ProjectOptions } from './choices.js';
import { declaredDefault, type DefaultContext, type OptionDecl } from './define.js';

export { OPTION_DECLS };

/**
 * What `--yes` chooses for a new project named `name`. The package manager is npm unless
 * `ctx.env` says another one launched us.
 */
export function defaultProjectOptions(name: string, ctx: DefaultContext = { env: {} }): ProjectOptions {
  const options: Record<string, unknown> = { name };
  for (const decl of PROJECT_OPTIONS) {
    const value = declaredDefault(decl, ctx);
    options[decl.key] = Array.isArray(value) ? [...value] : value;
  }
  return options as unknown as ProjectOptions;
}

/** How a missing option is named in the no-TTY error: `--storage <memory|cookie|local>`. */
export function missingText(decl: OptionDecl): string {
  if (decl.kind === 'boolean') return `${decl.flag}/--no-${decl.flag.slice(2)}`;
  if (decl.kind === 'multiselect') return `${decl.flag} <${decl.choices.join(',')}|${decl.none}>`;
  return `${decl.flag} <${decl.choices.join('|')}>`;
}
