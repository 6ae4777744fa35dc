// Handlebars set up for code: no HTML escaping, strict (a misspelt variable is an error,
// not an empty string), and a few helpers for small variations inside one template.
import Handlebars from 'handlebars';
import { PINNED_VERSIONS } from '../versions.js';
import { PRECOMPILED_TEMPLATES, templateKey } from './precompiled.js';

export type RenderTemplate = (source: string, context: object) => string;

/** Must match scripts/precompile-templates.mjs (test/unit/precompiled.test.ts checks it). */
export const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

/**
 * `partials`: name → source of the shared pieces templates include with `{{> name}}`
 * (templates/_partials, read by the TemplateStore). Each is compiled (or taken precompiled)
 * with the same options as a template.
 */
export function createRenderer(
  precompiled: Readonly<Record<string, unknown>> = PRECOMPILED_TEMPLATES,
  partials: Readonly<Record<string, string>> = {},
): RenderTemplate {
  const hb = Handlebars.create();
  const compile = (source: string) => {
    const spec = precompiled[templateKey(source)];
    return spec ? hb.template(spec as Parameters<typeof hb.template>[0]) : hb.compile(source, COMPILE_OPTIONS);
  };
  for (const [name, source] of Object.entries(partials)) hb.registerPartial(name, compile(source));
  // The last argument of every helper call is Handlebars' options object.
  const args = (list: unknown[]): unknown[] => list.slice(0, -1);
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('ne', (a: unknown, b: unknown) => a !== b);
  hb.registerHelper('includes', (list: unknown, item: unknown) => Array.isArray(list) && list.includes(item));
  hb.registerHelper('and', (...list: unknown[]) => args(list).every(Boolean));
  hb.registerHelper('or', (...list: unknown[]) => args(list).some(Boolean));
  hb.registerHelper('not', (value: unknown) => !value);
  // `{{pin "express"}}` in a template's package.json: the pinned version, or an error, so a
  // template can no more add an unpinned package than a feature can.
  hb.registerHelper('pin', (name: unknown) => {
    const version = typeof name === 'string' ? (PINNED_VERSIONS as Record<string, string>)[name] : undefined;
    if (version === undefined) throw new Error(`bug: template pins "${String(name)}", which has no version in src/versions.ts`);
    return version;
  });
  return (source, context) => compile(source)(context);
}
