import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { CancelledError, UsageError } from '../../src/errors.js';
import { packageNameProblem } from '../../src/options/package-name.js';
import type { Prompter } from '../../src/options/prompts.js';
import { reproduceArgs, reproduceCommand, shellQuote } from '../../src/options/reproduce.js';
import { OPTION_DECLS, pm } from '../../src/options/choices.js';
import { declaredDefault } from '../../src/options/define.js';
import { validateProjectOptions } from '../../src/options/validate.js';
import { parseCreateArgs as parse, usageError } from '../helpers/parse-args.js';

/** Minimal POSIX shell word splitting (single quotes only, as shellQuote produces). */
function shellSplit(command: string): string[] {
  const words: string[] = [];
  let current = '';
  let quoted = false;
  let inWord = false;
  for (const ch of command) {
    if (quoted) {
      if (ch === "'") quoted = false;
      else current += ch;
    } else if (ch === "'") {
      quoted = true;
      inWord = true;
    } else if (ch === '\\') {
      continue;
    } else if (ch === ' ') {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}

describe('options round trip: flags → options → reproduce command → same options', () => {
  const cases: string[][] = [
    ['my-app', '--yes'],
    ['app2', '--storage', 'cookie', '--http', 'axios', '--db', 'postgres', '--providers', 'github,google', '--pm', 'pnpm', '--no-install', '--no-git', '--yes'],
    ['./nested/dir/app-3', '--providers', 'gitlab,apple,discord,microsoft,google,github', '--storage', 'local', '--db', 'mysql', '--pm', 'bun', '--yes'],
    ['x', '--framework', 'next', '--backend', 'next', '--storage', 'memory', '--providers', 'none', '--db', 'sqlite', '--http', 'fetch', '--pm', 'yarn', '--install', '--git'],
    ['../some dir/app', '--providers', 'discord', '--yes'],
  ];
  for (const args of cases) {
    it(args.join(' '), async () => {
      const first = await parse(args);
      const again = await parse(reproduceArgs(first.dir, first.answers));
      expect(again.options).toEqual(first.options);
      expect(again.answers).toEqual(first.answers);
      expect(again.targetDir).toBe(first.targetDir);
      // The printed command, split back by a shell, gives the same arguments.
      const words = shellSplit(reproduceCommand(first.dir, first.answers));
      expect(words.slice(0, 2)).toEqual(['npx', 'create-better-auth-jwt']);
      const fromShell = await parse(words.slice(2));
      expect(fromShell.options).toEqual(first.options);
      expect(fromShell.answers).toEqual(first.answers);
    });
  }

  it('the reproduce command names every option explicitly', async () => {
    const request = await parse(['my-app', '--yes']);
    const command = reproduceCommand(request.dir, request.answers);
    for (const decl of OPTION_DECLS) expect(command).toMatch(decl.kind === 'boolean' ? new RegExp(`--(no-)?${decl.flag.slice(2)}\\b`) : new RegExp(`${decl.flag} \\S+`));
    expect(command).toBe(
      'npx create-better-auth-jwt my-app --framework next --backend next --storage memory --providers none --db sqlite --http fetch --pm npm --install --git --yes',
    );
  });

  it('quotes what the shell would split', () => {
    expect(shellQuote('my app')).toBe("'my app'");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('github,google')).toBe('github,google');
  });
});

describe('option values', () => {
  it('defaults with --yes: next, same-app API, memory, no providers, sqlite, fetch, install, git', async () => {
    const r = await parse(['--yes']);
    expect(r.dir).toBe('my-better-auth-app');
    expect(r.options).toEqual({ name: 'my-better-auth-app', framework: 'next', backend: 'next', storage: 'memory', providers: [], db: 'sqlite', http: 'fetch', pm: 'npm' });
    expect(r.answers.install).toBe(true);
    expect(r.answers.git).toBe(true);
  });

  it('providers are sorted and de-duplicated; "none" is the empty list', async () => {
    expect((await parse(['a', '--providers', 'google,github,google', '--yes'])).options.providers).toEqual(['github', 'google']);
    expect((await parse(['a', '--providers', ' gitlab , apple', '--yes'])).options.providers).toEqual(['apple', 'gitlab']);
    expect((await parse(['a', '--providers', 'none', '--yes'])).options.providers).toEqual([]);
  });

  it('the package manager defaults to the one that launched us', async () => {
    const detectPackageManager = (env: Record<string, string>) => declaredDefault(pm, { env });
    expect(detectPackageManager({ npm_config_user_agent: 'pnpm/9.12.0 npm/? node/v20.20.0 linux x64' })).toBe('pnpm');
    expect(detectPackageManager({ npm_config_user_agent: 'bun/1.2.0 npm/? node/v22' })).toBe('bun');
    expect(detectPackageManager({ npm_config_user_agent: 'yarn/4.5.0 npm/? node/v20' })).toBe('yarn');
    expect(detectPackageManager({ npm_config_user_agent: 'cnpm/1 node/v20' })).toBe('npm');
    expect(detectPackageManager({})).toBe('npm');
    expect((await parse(['a', '--yes'], { env: { npm_config_user_agent: 'pnpm/9.0.0 npm/? node/v20' } })).options.pm).toBe('pnpm');
    expect((await parse(['a', '--pm', 'yarn', '--yes'], { env: { npm_config_user_agent: 'pnpm/9.0.0' } })).options.pm).toBe('yarn');
  });

  it('the project name is the basename of the resolved directory', async () => {
    expect((await parse(['../elsewhere/cool-app', '--yes'])).options.name).toBe('cool-app');
    expect((await parse(['../elsewhere/cool-app', '--yes'])).targetDir).toBe('/work/elsewhere/cool-app');
    expect((await parse(['.', '--yes'])).options.name).toBe('projects');
  });
});

describe('bad input is a usage error naming the value and the allowed ones', () => {
  it('unknown framework / backend / storage / db / http / pm', async () => {
    expect(await usageError(parse(['a', '--framework', 'vue', '--yes']))).toBe('unknown --framework "vue" (allowed: next, react-vite, sveltekit, nuxt)');
    expect(await usageError(parse(['a', '--backend', 'django', '--yes']))).toBe('unknown --backend "django" (allowed: next, express, hono, fastify, fastapi, sveltekit, nuxt)');
    expect(await usageError(parse(['a', '--storage', 'session', '--yes']))).toBe('unknown --storage "session" (allowed: memory, cookie, local)');
    expect(await usageError(parse(['a', '--db', 'mongo', '--yes']))).toBe('unknown --db "mongo" (allowed: sqlite, postgres, mysql)');
    expect(await usageError(parse(['a', '--http', 'ky', '--yes']))).toBe('unknown --http "ky" (allowed: fetch, axios)');
    expect(await usageError(parse(['a', '--pm', 'deno', '--yes']))).toBe('unknown --pm "deno" (allowed: npm, pnpm, yarn, bun)');
  });

  it('unknown provider, empty entries, none combined with others', async () => {
    expect(await usageError(parse(['a', '--providers', 'github,twitter', '--yes']))).toBe(
      'unknown --providers "twitter" (allowed: google, github, discord, microsoft, apple, gitlab, or none)',
    );
    expect(await usageError(parse(['a', '--providers', 'github,,google', '--yes']))).toMatch(/^empty entry in --providers "github,,google"/);
    expect(await usageError(parse(['a', '--providers', '', '--yes']))).toMatch(/^empty entry in --providers/);
    expect(await usageError(parse(['a', '--providers', 'none,github', '--yes']))).toMatch(/"none" cannot be combined/);
  });

  for (const [dir, reason] of [
    ['My App', 'uppercase'],
    ['.hidden', 'starts with "."'],
    ['_x', 'starts with "_"'],
    ['my app', 'URL-safe'],
    ['node_modules', 'reserved'],
    ['http', 'core module'],
    ['a'.repeat(215), '214'],
  ] as const) {
    it(`rejects the directory name ${JSON.stringify(dir.slice(0, 20))}`, async () => {
      const message = await usageError(parse([dir, '--yes']));
      expect(message).toContain(`invalid project name ${JSON.stringify(dir)}`);
      expect(message).toContain(reason);
      expect(message).not.toContain('\n');
    });
  }

  it('names the directory when the bad name comes from a path', async () => {
    expect(await usageError(parse(['some/Where', '--yes']))).toContain('(from directory "some/Where")');
  });

  it('accepts the names npm accepts', () => {
    for (const ok of ['my-app', 'a', 'app.js', 'x_y', '123', 'my-better-auth-app', '-dash']) expect(packageNameProblem(ok)).toBeUndefined();
  });

  it('--json without --dry-run conflicts', async () => {
    expect(await usageError(parse(['a', '--json', '--yes']))).toMatch(/--json needs --dry-run/);
  });

  it('without a TTY and without --yes, every option not given is named with its allowed values', async () => {
    const message = await usageError(parse(['my-app', '--framework', 'next', '--db', 'postgres']));
    expect(message).toContain('--storage <memory|cookie|local>');
    expect(message).toContain('--providers <google,github,discord,microsoft,apple,gitlab|none>');
    expect(message).toContain('--install/--no-install');
    expect(message).not.toContain('--framework');
    expect(message).not.toContain('--db');
    expect(message).not.toContain('\n');
    expect(await usageError(parse([]))).toContain('missing [dir] argument');
  });

  it('validates complete options (e.g. a manifest read back) with the same schema', () => {
    expect(() => validateProjectOptions({ name: 'a', framework: 'next', backend: 'next', storage: 'memory', providers: ['google', 'github'], db: 'sqlite', http: 'fetch', pm: 'npm' })).toThrow(/sorted/);
    expect(() => validateProjectOptions({ name: 'a', framework: 'next', backend: 'next', storage: 'memory', providers: [], db: 'sqlite', http: 'fetch', pm: 'npm', extra: 1 })).toThrow(UsageError);
  });
});

describe('prompts (scripted)', () => {
  function scripted(answers: Record<string, unknown>, asked: string[]): Prompter {
    const answer = (message: string) => {
      asked.push(message);
      const entry = Object.entries(answers).find(([q]) => message.startsWith(q));
      if (!entry) throw new Error(`unexpected question ${message}`);
      if (entry[1] === 'CANCEL') throw new CancelledError();
      return entry[1];
    };
    return {
      text: async (q) => answer(q.message) as string,
      select: async (q) => {
        const value = answer(q.message) as string;
        expect(q.options.map((o) => o.value)).toContain(value);
        return value;
      },
      multiselect: async (q) => answer(q.message) as string[],
      confirm: async (q) => answer(q.message) as boolean,
    };
  }

  it('asks only for what flags left open, and the result round-trips without prompts', async () => {
    const asked: string[] = [];
    const prompter = scripted(
      {
        'Where should': 'prompted-app',
        'Which framework': 'next',
        'Where does the protected API': 'next',
        'Which OAuth': ['google', 'apple'],
        'Which database': 'mysql',
        'Which API client': 'axios',
        'Which package manager': 'pnpm',
        'Install dependencies': false,
        'Initialise a git': true,
      },
      asked,
    );
    const r = await parse(['--storage', 'cookie'], { interactive: true, prompter });
    expect(r.prompted).toBe(true);
    expect(asked.some((q) => q.includes('token'))).toBe(false); // --storage was given
    expect(asked).toHaveLength(9);
    expect(r.options).toEqual({ name: 'prompted-app', framework: 'next', backend: 'next', storage: 'cookie', providers: ['apple', 'google'], db: 'mysql', http: 'axios', pm: 'pnpm' });
    const again = await parse(reproduceArgs(r.dir, r.answers));
    expect(again.options).toEqual(r.options);
    expect(again.answers).toEqual(r.answers);
  });

  it('--yes never prompts, even on a TTY', async () => {
    const asked: string[] = [];
    const r = await parse(['a', '--yes'], { interactive: true, prompter: scripted({}, asked) });
    expect(asked).toEqual([]);
    expect(r.prompted).toBe(false);
  });

  it('Ctrl-C at a prompt is a CancelledError (exit 130)', async () => {
    const prompter = scripted({ 'Which framework': 'CANCEL' }, []);
    const error = await parse(['a'], { interactive: true, prompter }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CancelledError);
    expect((error as CancelledError).exitCode).toBe(130);
  });
});

describe('--help', () => {
  it('lists every flag, its choices and its default', () => {
    const help = buildProgram().helpInformation();
    for (const decl of OPTION_DECLS) {
      expect(help).toContain(decl.flag);
      if (decl.kind === 'boolean') expect(help).toContain(`--no-${decl.flag.slice(2)}`);
      else for (const choice of decl.choices) expect(help).toContain(choice);
    }
    for (const flag of ['--yes', '-y', '--dry-run', '--json', '--force', '--version', '--help']) expect(help).toContain(flag);
    expect(help.replace(/\s+/g, ' ')).toContain('default: memory');
  });
});
