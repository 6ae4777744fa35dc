// zod validation built from the option declarations: raw flag strings → typed answers with
// one-line messages naming the bad value and the allowed ones, the combinations the
// declarations allow, and the full ProjectOptions schema (also used to validate a manifest
// read back from disk). Loaded lazily (zod is heavy).
import * as z from 'zod';
import { UsageError } from '../errors.js';
import { OPTION_DECLS, PROJECT_OPTIONS, type CreateAnswers, type ProjectOptions } from './choices.js';
import { allowedValues, type OptionDecl } from './define.js';
import type { GivenValues } from './flags.js';
import { packageNameProblem } from './package-name.js';

function allowedList(decl: OptionDecl, choices: readonly string[]): string {
  return decl.kind === 'multiselect' ? `${choices.join(', ')}, or ${decl.none}` : choices.join(', ');
}

function unknownChoice(decl: OptionDecl, value: unknown, choices: readonly string[]): string {
  return `unknown ${decl.flag} ${JSON.stringify(value)} (allowed: ${allowedList(decl, choices)})`;
}

function enumOf(decl: OptionDecl, choices: readonly string[]) {
  return z.string().refine((v) => choices.includes(v), {
    error: (issue) => unknownChoice(decl, issue.input, choices),
  });
}

/** Schema that turns the raw command-line value of one option into its typed value. */
function flagSchema(decl: OptionDecl): z.ZodType<unknown> {
  if (decl.kind === 'boolean') return z.boolean();
  if (decl.kind === 'select') return enumOf(decl, decl.choices);
  const item = enumOf(decl, decl.choices);
  return z
    .string()
    .transform((raw, ctx) => {
      const parts = raw.split(',').map((p) => p.trim());
      if (parts.some((p) => p === '')) {
        ctx.addIssue({ code: 'custom', message: `empty entry in ${decl.flag} ${JSON.stringify(raw)} (allowed: ${allowedList(decl, decl.choices)})` });
        return z.NEVER;
      }
      if (parts.includes(decl.none)) {
        if (parts.length > 1) {
          ctx.addIssue({ code: 'custom', message: `${decl.flag} "${decl.none}" cannot be combined with other values (got ${JSON.stringify(raw)})` });
          return z.NEVER;
        }
        return [];
      }
      return parts;
    })
    .pipe(z.array(item))
    .transform((list) => [...new Set(list)].sort());
}

/** Validate what was given on the command line. Throws UsageError (first problem, one line). */
export function parseGiven(given: GivenValues): Partial<CreateAnswers> {
  const out: Record<string, unknown> = {};
  for (const decl of OPTION_DECLS) {
    const raw = given[decl.key];
    if (raw === undefined) continue;
    const result = flagSchema(decl).safeParse(raw);
    if (!result.success) throw new UsageError(result.error.issues[0]?.message ?? `invalid ${decl.flag}`);
    out[decl.key] = result.data;
  }
  return out as Partial<CreateAnswers>;
}

/** A combination the declarations do not allow (e.g. a backend the framework cannot use), or undefined. */
export function combinationProblem(answers: Partial<CreateAnswers>): string | undefined {
  for (const decl of OPTION_DECLS as readonly OptionDecl[]) {
    if (decl.kind !== 'select' || !decl.allowed) continue;
    const value = answers[decl.key as keyof CreateAnswers];
    if (value === undefined) continue;
    const allowed = allowedValues(decl, answers);
    if (!allowed.includes(value as string)) {
      const { after, because } = decl.allowed;
      const earlier = String(answers[after.key as keyof CreateAnswers]);
      const reason = because?.(earlier, allowed);
      return `${decl.flag} ${JSON.stringify(value)} cannot be combined with ${after.flag} ${earlier} (allowed: ${allowed.join(', ') || 'none'})${reason ? `: ${reason}` : ''}`;
    }
  }
  return undefined;
}

/** The stored value of one project option, as a manifest records it. */
function storedSchema(decl: (typeof PROJECT_OPTIONS)[number]): z.ZodType<unknown> {
  const values = z.enum(decl.choices as unknown as [string, ...string[]]);
  return decl.kind === 'multiselect' ? z.array(values) : values;
}

export const projectOptionsSchema: z.ZodType<ProjectOptions> = z
  .object({
    name: z.string().superRefine((name, ctx) => {
      const problem = packageNameProblem(name);
      if (problem) ctx.addIssue({ code: 'custom', message: `invalid project name ${JSON.stringify(name)}: ${problem}` });
    }),
    ...Object.fromEntries(PROJECT_OPTIONS.map((decl) => [decl.key, storedSchema(decl)])),
  })
  .strict()
  .superRefine((options, ctx) => {
    const problem = combinationProblem(options as Partial<CreateAnswers>);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
    for (const decl of PROJECT_OPTIONS) {
      if (decl.kind !== 'multiselect') continue;
      const list = (options as Record<string, unknown>)[decl.key] as string[];
      if ([...new Set(list)].sort().join(',') !== list.join(',')) {
        ctx.addIssue({ code: 'custom', message: `${decl.key} must be sorted and without duplicates` });
      }
    }
  }) as unknown as z.ZodType<ProjectOptions>;

/** Validate complete options (throws UsageError with the first problem). */
export function validateProjectOptions(options: unknown): ProjectOptions {
  const result = projectOptionsSchema.safeParse(options);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length ? `${issue.path.join('.')}: ` : '';
    throw new UsageError(`${issue?.code === 'custom' ? '' : where}${issue?.message ?? 'invalid options'}`);
  }
  return result.data;
}
