// The one declaration of every create option. Commander flags and `--help` (flags.ts),
// clack prompts (prompts.ts), zod validation (validate.ts) and the printed "reproduce this
// run" command (reproduce.ts) are all derived from OPTION_DECLS — add an option here and it
// appears everywhere. This module imports nothing heavy: `--help` loads it.
import {
  BACKENDS,
  DATABASES,
  FRAMEWORKS,
  HTTP_CLIENTS,
  PACKAGE_MANAGERS,
  PROVIDERS,
  STORAGES,
  type Backend,
  type Framework,
  type PackageManager,
  type ProjectOptions,
  type Storage,
} from './choices.js';

/** Every answer the create command needs, besides the directory. */
export interface CreateAnswers extends Omit<ProjectOptions, 'name'> {
  install: boolean;
  git: boolean;
}
export type OptionKey = keyof CreateAnswers;

export interface ChoiceInfo {
  label: string;
  hint?: string;
}

export interface DefaultContext {
  env: Readonly<Record<string, string | undefined>>;
}

interface DeclBase<K extends OptionKey> {
  key: K;
  /** Long flag, e.g. `--framework`. */
  flag: string;
  /** Prompt question. */
  question: string;
  /** One line for `--help`. */
  description: string;
}

export interface SelectDecl<K extends OptionKey = OptionKey> extends DeclBase<K> {
  kind: 'select';
  /** Shown in `--help`: `--framework <name>`. */
  valueName: string;
  choices: readonly string[];
  labels: Readonly<Record<string, ChoiceInfo>>;
  default: string;
  /** Human description of a computed default, for `--help`. */
  defaultLabel?: string;
  computeDefault?(ctx: DefaultContext): string;
  /** Choices allowed given earlier answers (combinations). Defaults to all choices. */
  allowed?(answers: Partial<CreateAnswers>): readonly string[];
  /** Why a choice outside `allowed` is refused, appended to the combination error. */
  refusedBecause?(answers: Partial<CreateAnswers>): string | undefined;
}

export interface MultiSelectDecl<K extends OptionKey = OptionKey> extends DeclBase<K> {
  kind: 'multiselect';
  valueName: string;
  choices: readonly string[];
  labels: Readonly<Record<string, ChoiceInfo>>;
  default: readonly string[];
  /** The flag value meaning "empty list". */
  none: string;
}

export interface BooleanDecl<K extends OptionKey = OptionKey> extends DeclBase<K> {
  kind: 'boolean';
  default: boolean;
  /** `--no-<flag>` help line. */
  negatedDescription: string;
}

export type OptionDecl = SelectDecl | MultiSelectDecl | BooleanDecl;

/** Which API locations each framework supports. */
export const SUPPORTED_BACKENDS: Readonly<Record<Framework, readonly Backend[]>> = {
  next: ['next', 'express', 'hono', 'fastify', 'fastapi'],
  // The API lives in the project's own Node auth server (Hono or Express), next to Better Auth.
  'react-vite': ['hono', 'express'],
  sveltekit: ['sveltekit', 'express', 'hono', 'fastify', 'fastapi'],
  nuxt: ['nuxt', 'express', 'hono', 'fastify', 'fastapi'],
};

/**
 * Which token storages each framework supports. Cookie storage is a backend-for-frontend
 * (server-side code mints the JWT): react-vite's SPA has no server-side rendering, so it keeps
 * the token in the page (memory or localStorage).
 */
export const SUPPORTED_STORAGES: Readonly<Record<Framework, readonly Storage[]>> = {
  next: STORAGES,
  'react-vite': ['memory', 'local'],
  sveltekit: STORAGES,
  nuxt: STORAGES,
};

/** Package manager that launched us (`npm_config_user_agent`, e.g. "pnpm/9.1.0 npm/? node/v20"). */
export function detectPackageManager(env: DefaultContext['env']): PackageManager {
  const agent = env.npm_config_user_agent ?? '';
  const name = agent.split(' ')[0]?.split('/')[0] ?? '';
  return (PACKAGE_MANAGERS as readonly string[]).includes(name) ? (name as PackageManager) : 'npm';
}

export const DIR_ARGUMENT = {
  name: 'dir',
  question: 'Where should the project be created?',
  description: 'directory to create (its name becomes the npm package name)',
  default: 'my-better-auth-app',
} as const;

export const OPTION_DECLS: readonly OptionDecl[] = [
  {
    key: 'framework',
    kind: 'select',
    flag: '--framework',
    valueName: 'name',
    question: 'Which framework?',
    description:
      'frontend framework; react-vite is a Vite React SPA plus a Node auth server that also hosts the API (--backend hono|express, --storage memory|local); react-vite, sveltekit and nuxt need Node >=20.19',
    choices: FRAMEWORKS,
    labels: {
      next: { label: 'Next.js', hint: 'App Router' },
      'react-vite': { label: 'React + Vite', hint: 'SPA + Node auth server, Node >=20.19' },
      sveltekit: { label: 'SvelteKit', hint: 'Svelte 5, Node >=20.19' },
      nuxt: { label: 'Nuxt', hint: 'Nuxt 4, Node >=20.19' },
    },
    default: 'next',
  },
  {
    key: 'backend',
    kind: 'select',
    flag: '--backend',
    valueName: 'name',
    question: 'Where does the protected API live?',
    description:
      "where the JWT-protected API lives: the app's own server routes (next, sveltekit or nuxt, matching --framework) or a separate server in backend/ (react-vite: hono or express, the auth server itself)",
    choices: BACKENDS,
    labels: {
      next: { label: 'Next.js route handlers', hint: 'same app' },
      sveltekit: { label: 'SvelteKit server routes', hint: 'same app' },
      nuxt: { label: 'Nuxt server routes', hint: 'same app' },
      express: { label: 'Express', hint: 'separate Node server in backend/ (react-vite: the auth server itself)' },
      hono: { label: 'Hono', hint: 'separate Node server in backend/ (react-vite: the auth server itself)' },
      fastify: { label: 'Fastify', hint: 'separate Node server in backend/' },
      fastapi: { label: 'FastAPI', hint: 'separate Python server in backend/' },
    },
    default: 'next',
    // A framework that cannot use the default takes its first supported backend (resolve.ts).
    defaultLabel: "the framework's own: next, sveltekit, nuxt; react-vite: hono",
    allowed: (answers) => (answers.framework ? SUPPORTED_BACKENDS[answers.framework] : BACKENDS),
    refusedBecause: (answers) => {
      if (answers.framework === 'react-vite') return 'the API lives in the auth server that hosts Better Auth (Hono or Express)';
      if (answers.framework) return `the app's own server routes are --backend ${SUPPORTED_BACKENDS[answers.framework][0]}`;
      return undefined;
    },
  },
  {
    key: 'storage',
    kind: 'select',
    flag: '--storage',
    valueName: 'mode',
    question: 'Where should the browser keep the access token?',
    description: 'where the browser keeps the access token (react-vite: memory or local; cookie needs server-side code)',
    choices: STORAGES,
    labels: {
      memory: { label: 'In memory', hint: 'Authorization: Bearer on each call (recommended)' },
      cookie: { label: 'httpOnly cookie only', hint: 'server-side code mints the JWT (backend-for-frontend)' },
      local: { label: 'localStorage', hint: 'survives reloads, readable by any XSS' },
    },
    default: 'memory',
    allowed: (answers) => (answers.framework ? SUPPORTED_STORAGES[answers.framework] : STORAGES),
    refusedBecause: (answers) =>
      answers.framework === 'react-vite'
        ? 'cookie storage needs server-side code that mints the JWT (a backend-for-frontend); a Vite SPA keeps the token in the page'
        : undefined,
  },
  {
    key: 'providers',
    kind: 'multiselect',
    flag: '--providers',
    valueName: 'list',
    question: 'Which OAuth providers? (space to select, enter to confirm)',
    description: 'OAuth sign-in providers, comma-separated',
    choices: PROVIDERS,
    labels: {
      google: { label: 'Google' },
      github: { label: 'GitHub' },
      discord: { label: 'Discord' },
      microsoft: { label: 'Microsoft' },
      apple: { label: 'Apple' },
      gitlab: { label: 'GitLab' },
    },
    default: [],
    none: 'none',
  },
  {
    key: 'db',
    kind: 'select',
    flag: '--db',
    valueName: 'name',
    question: 'Which database?',
    description: 'database for users and sessions',
    choices: DATABASES,
    labels: {
      sqlite: { label: 'SQLite', hint: 'a local file, no server needed' },
      postgres: { label: 'PostgreSQL', hint: 'pg' },
      mysql: { label: 'MySQL', hint: 'mysql2' },
    },
    default: 'sqlite',
  },
  {
    key: 'http',
    kind: 'select',
    flag: '--http',
    valueName: 'client',
    question: 'Which API client flavour?',
    description: 'API client that attaches and refreshes the JWT',
    choices: HTTP_CLIENTS,
    labels: {
      fetch: { label: 'fetch', hint: 'no dependency' },
      axios: { label: 'axios', hint: 'interceptors' },
    },
    default: 'fetch',
  },
  {
    key: 'pm',
    kind: 'select',
    flag: '--pm',
    valueName: 'name',
    question: 'Which package manager?',
    description: 'package manager for install and scripts',
    choices: PACKAGE_MANAGERS,
    labels: { npm: { label: 'npm' }, pnpm: { label: 'pnpm' }, yarn: { label: 'yarn' }, bun: { label: 'bun' } },
    default: 'npm',
    defaultLabel: 'the one that launched this command, else npm',
    computeDefault: (ctx) => detectPackageManager(ctx.env),
  },
  {
    key: 'install',
    kind: 'boolean',
    flag: '--install',
    question: 'Install dependencies now?',
    description: 'install dependencies after writing (default)',
    negatedDescription: 'do not install dependencies',
    default: true,
  },
  {
    key: 'git',
    kind: 'boolean',
    flag: '--git',
    question: 'Initialise a git repository?',
    description: 'git init and make an initial commit (default)',
    negatedDescription: 'do not initialise git',
    default: true,
  },
];

/** Flags that steer the run rather than the generated project. */
export const RUN_FLAGS = [
  { flags: '-y, --yes', description: 'take defaults for everything not given; never prompt' },
  { flags: '--dry-run', description: 'print the plan (files, dependencies, env var names) and write nothing' },
  { flags: '--json', description: 'with --dry-run: print the plan as JSON' },
  {
    flags: '--force',
    description: 'start in an existing app whose git tree has uncommitted changes; write into a non-empty folder that is neither our project nor a Next.js app (changed files are listed and confirmed; no TTY: overwritten). Re-runs in a project of ours need no --force and never overwrite your edits; an existing .env is never overwritten, only missing keys are added',
  },
  { flags: '--cwd <path>', description: 'run in this folder (the directory argument defaults to it): a project of ours is updated, an existing Next.js app gets Better Auth added' },
] as const;

export interface RunFlags {
  yes: boolean;
  dryRun: boolean;
  json: boolean;
  force: boolean;
  /** --cwd as given (resolved against the real current directory by the command). */
  cwd?: string;
}

export function defaultFor(decl: OptionDecl, ctx: DefaultContext): string | readonly string[] | boolean {
  if (decl.kind === 'select') return decl.computeDefault ? decl.computeDefault(ctx) : decl.default;
  return decl.default;
}

/**
 * What `--yes` chooses, from the declarations above: the one place defaults live. The package
 * manager is npm unless `ctx.env` says another one launched us.
 */
export function defaultProjectOptions(name: string, ctx: DefaultContext = { env: {} }): ProjectOptions {
  const options: Record<string, unknown> = { name };
  for (const decl of OPTION_DECLS) {
    if (decl.kind === 'boolean') continue; // install/git: run choices, not project options
    const value = defaultFor(decl, ctx);
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
