// zod validation derived from OPTION_DECLS: raw flag strings → typed answers with one-line
// messages naming the bad value and the allowed ones, and the full ProjectOptions schema
// (also usable to validate a manifest read back from disk). Loaded lazily (zod is heavy).
import * as z from 'zod';
import { UsageError } from '../errors.js';
import {
  BACKENDS,
  DATABASES,
  FRAMEWORKS,
  HTTP_CLIENTS,
  PACKAGE_MANAGERS,
  PROVIDERS,
  STORAGES,
  type ProjectOptions,
} from './choices.js';
import type { GivenValues } from './flags.js';
import { packageNameProblem } from './package-name.js';
import { OPTION_DECLS, SUPPORTED_BACKENDS, SUPPORTED_STORAGES, type CreateAnswers, type OptionDecl } from './schema.js';

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

/** A combination problem (e.g. a backend the framework does not support), or undefined. */
export function combinationProblem(answers: Partial<CreateAnswers>): string | undefined {
  for (const decl of OPTION_DECLS) {
    if (decl.kind !== 'select' || !decl.allowed) continue;
    const value = answers[decl.key];
    if (value === undefined) continue;
    const allowed = decl.allowed(answers);
    if (!allowed.includes(value as string)) {
      const because = decl.refusedBecause?.(answers);
      return `${decl.flag} ${JSON.stringify(value)} cannot be combined with ${describeContext(decl, answers)} (allowed: ${allowed.join(', ') || 'none'})${because ? `: ${because}` : ''}`;
    }
  }
  return undefined;
}

function describeContext(decl: OptionDecl, answers: Partial<CreateAnswers>): string {
  if (decl.key === 'backend' || decl.key === 'storage') return `--framework ${answers.framework}`;
  return 'the other options';
}

export const projectOptionsSchema = z
  .object({
    name: z.string().superRefine((name, ctx) => {
      const problem = packageNameProblem(name);
      if (problem) ctx.addIssue({ code: 'custom', message: `invalid project name ${JSON.stringify(name)}: ${problem}` });
    }),
    framework: z.enum(FRAMEWORKS),
    backend: z.enum(BACKENDS),
    storage: z.enum(STORAGES),
    providers: z.array(z.enum(PROVIDERS)),
    db: z.enum(DATABASES),
    http: z.enum(HTTP_CLIENTS),
    pm: z.enum(PACKAGE_MANAGERS),
  })
  .strict()
  .superRefine((options, ctx) => {
    if (!SUPPORTED_BACKENDS[options.framework].includes(options.backend)) {
      ctx.addIssue({ code: 'custom', message: combinationProblem(options) ?? 'unsupported backend' });
    } else if (!SUPPORTED_STORAGES[options.framework].includes(options.storage)) {
      ctx.addIssue({ code: 'custom', message: combinationProblem(options) ?? 'unsupported storage' });
    }
    const sorted = [...new Set(options.providers)].sort();
    if (sorted.join(',') !== options.providers.join(',')) {
      ctx.addIssue({ code: 'custom', message: 'providers must be sorted and without duplicates' });
    }
  });

/** Validate complete options (throws UsageError with the first problem). */
export function validateProjectOptions(options: unknown): ProjectOptions {
  const result = projectOptionsSchema.safeParse(options);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length ? `${issue.path.join('.')}: ` : '';
    throw new UsageError(`${issue?.code === 'custom' ? '' : where}${issue?.message ?? 'invalid options'}`);
  }
  return result.data as ProjectOptions;
}
