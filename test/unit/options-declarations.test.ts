// Each option is declared once (src/options/choices.ts); the type, the zod schema, the flags'
// help, the prompts and the combination rules are derived from it and must agree.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import {
  BACKENDS,
  FRAMEWORKS,
  OPTION_DECLS,
  SAME_APP_BACKENDS,
  STORAGES,
  backend,
  framework,
  storage,
  type CreateAnswers,
  type ProjectOptions,
} from '../../src/options/choices.js';
import { allowedValues, defaultAnswer } from '../../src/options/define.js';
import { defaultProjectOptions } from '../../src/options/schema.js';
import { combinationProblem, validateProjectOptions } from '../../src/options/validate.js';
import { parseCreateArgs as parse, usageError } from '../helpers/parse-args.js';

describe('the option declarations', () => {
  it('give the option types by inference', () => {
    expectTypeOf<ProjectOptions['framework']>().toEqualTypeOf<'next' | 'react-vite' | 'sveltekit' | 'nuxt'>();
    expectTypeOf<ProjectOptions['providers']>().toEqualTypeOf<('google' | 'github' | 'discord' | 'microsoft' | 'apple' | 'gitlab')[]>();
    expectTypeOf<ProjectOptions['name']>().toEqualTypeOf<string>();
    expectTypeOf<CreateAnswers['install']>().toEqualTypeOf<boolean>();
    expectTypeOf<keyof ProjectOptions>().toEqualTypeOf<'name' | 'framework' | 'backend' | 'storage' | 'providers' | 'db' | 'http' | 'pm'>();
    expectTypeOf<(typeof FRAMEWORKS)[0]>().toEqualTypeOf<'next'>();
  });

  it('name each option once, flags and keys alike', () => {
    expect(new Set(OPTION_DECLS.map((d) => d.key)).size).toBe(OPTION_DECLS.length);
    expect(new Set(OPTION_DECLS.map((d) => d.flag)).size).toBe(OPTION_DECLS.length);
  });

  it('a combination is refused exactly when the prompt would not offer it', () => {
    for (const fw of FRAMEWORKS) {
      for (const decl of [backend, storage]) {
        const offered = allowedValues(decl, { framework: fw });
        for (const value of decl.choices) {
          const problem = combinationProblem({ framework: fw, [decl.key]: value });
          expect(problem === undefined, `${fw} ${decl.flag} ${value}`).toBe(offered.includes(value));
        }
      }
    }
  });

  it('each framework defaults to an API it allows: its own server routes, else the first it offers', () => {
    const defaults = Object.fromEntries(FRAMEWORKS.map((fw) => [fw, defaultAnswer(backend, { framework: fw }, { env: {} })]));
    expect(defaults).toEqual({ next: 'next', 'react-vite': 'hono', sveltekit: 'sveltekit', nuxt: 'nuxt' });
    for (const fw of FRAMEWORKS) expect(defaultAnswer(storage, { framework: fw }, { env: {} })).toBe('memory');
  });

  it('an own-server-routes backend goes with its framework only', () => {
    for (const own of SAME_APP_BACKENDS) {
      expect(FRAMEWORKS.filter((fw) => allowedValues(backend, { framework: fw }).includes(own))).toEqual([own]);
    }
  });

  it('the zod schema accepts what the flags accept and refuses a combination with the flags\' message', async () => {
    for (const fw of FRAMEWORKS) {
      for (const be of allowedValues(backend, { framework: fw })) {
        for (const st of allowedValues(storage, { framework: fw })) {
          const options = { ...defaultProjectOptions('app'), framework: fw, backend: be, storage: st } as ProjectOptions;
          expect(validateProjectOptions(options)).toEqual(options);
        }
      }
    }
    const refused = { ...defaultProjectOptions('app'), framework: 'react-vite', backend: 'next' } as const;
    const flagMessage = await usageError(parse(['app', '--framework', 'react-vite', '--backend', 'next', '--yes']));
    expect(() => validateProjectOptions(refused)).toThrow(flagMessage);
    expect(() => validateProjectOptions({ ...refused, backend: 'django' })).toThrow(/^backend: /);
  });

  it('--help quotes the combination table instead of restating it', () => {
    const help = buildProgram().helpInformation().replace(/\s+/g, ' ');
    const reactVite = { framework: 'react-vite' };
    const backends = allowedValues(backend, reactVite);
    const storages = allowedValues(storage, reactVite);
    expect(backends.length).toBeLessThan(BACKENDS.length);
    expect(storages.length).toBeLessThan(STORAGES.length);
    expect(help).toContain(`(--backend ${backends.join('|')}, --storage ${storages.join('|')})`);
    expect(help).toContain(`(react-vite: ${backends.join(' or ')}, the auth server itself)`);
    expect(help).toContain(`(react-vite: ${storages.join(' or ')}; cookie needs server-side code)`);
    expect(help).toContain(`default: the framework's own: ${SAME_APP_BACKENDS.join(', ')}; react-vite: ${backends[0]})`);
    expect(framework.choices.every((fw) => help.includes(fw))).toBe(true);
  });
});
