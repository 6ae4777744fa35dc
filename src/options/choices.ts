// Every create option, declared once: its choices (with the prompt's labels and hints), its
// default, which choices earlier answers allow, its flag, question and help line. The option
// types below, the zod schema (validate.ts), the flags and `--help` (flags.ts), the prompts
// (resolve.ts), the reproduce command (reproduce.ts) and the combination errors all derive from
// these declarations. Free of zod and clack: `--help` loads this module.
import { defineList, defineSelect, defineSwitch, labelIn, orList, type AnswersOf, type Choice } from './define.js';
import { launchingPackageManager } from './launcher.js';

/** The positional argument. */
export const DIR_ARGUMENT = {
  name: 'dir',
  question: 'Where should the project be created?',
  description: 'directory to create (its name becomes the npm package name)',
  default: 'my-better-auth-app',
} as const;

export const framework = defineSelect({
  key: 'framework',
  flag: '--framework',
  valueName: 'name',
  question: 'Which framework?',
  help: (facts) =>
    `frontend framework; react-vite is a Vite React SPA plus a Node auth server that also hosts the API (${facts.limitsOf('react-vite')}); every generated project needs Node >=20.19`,
  choices: [
    { value: 'next', label: 'Next.js', hint: 'App Router' },
    { value: 'react-vite', label: 'React + Vite', hint: 'SPA + Node auth server' },
    { value: 'sveltekit', label: 'SvelteKit', hint: 'Svelte 5' },
    { value: 'nuxt', label: 'Nuxt', hint: 'Nuxt 4' },
  ],
  default: 'next',
});

const BACKEND_CHOICES = [
  // `sameApp`: the API is the app's own server routes (Next.js route handlers, SvelteKit or Nuxt server routes).
  { value: 'next', label: 'Next.js route handlers', hint: 'same app', sameApp: true },
  { value: 'express', label: 'Express', hint: 'separate Node server in backend/ (react-vite: the auth server itself)' },
  { value: 'hono', label: 'Hono', hint: 'separate Node server in backend/ (react-vite: the auth server itself)' },
  { value: 'fastify', label: 'Fastify', hint: 'separate Node server in backend/' },
  { value: 'fastapi', label: 'FastAPI', hint: 'separate Python server in backend/' },
  { value: 'sveltekit', label: 'SvelteKit server routes', hint: 'same app', sameApp: true },
  { value: 'nuxt', label: 'Nuxt server routes', hint: 'same app', sameApp: true },
] as const satisfies readonly (Choice & { sameApp?: true })[];

/** The API is the app's own server routes (Next.js route handlers, SvelteKit or Nuxt server routes). */
export type SameAppBackend = Extract<(typeof BACKEND_CHOICES)[number], { sameApp: true }>['value'];
export const SAME_APP_BACKENDS = BACKEND_CHOICES.flatMap((c) => ('sameApp' in c ? [c.value] : [])) as readonly SameAppBackend[];
/** Backends that run as their own server in `backend/`, verifying the JWT against the JWKS. */
export type SeparateBackend = Exclude<(typeof BACKEND_CHOICES)[number]['value'], SameAppBackend>;
const SEPARATE_BACKENDS = BACKEND_CHOICES.flatMap((c) => ('sameApp' in c ? [] : [c.value])) as readonly SeparateBackend[];

export const backend = defineSelect({
  key: 'backend',
  flag: '--backend',
  valueName: 'name',
  question: 'Where does the protected API live?',
  help: (facts) =>
    `where the JWT-protected API lives: the app's own server routes (${orList(SAME_APP_BACKENDS)}, matching --framework) or a separate server in backend/ (react-vite: ${facts.allowedAfter('react-vite')}, the auth server itself)`,
  choices: BACKEND_CHOICES,
  default: 'next',
  defaultHelp: (facts) => `the framework's own: ${SAME_APP_BACKENDS.join(', ')}; react-vite: ${facts.defaultAfter('react-vite')}`,
  allowed: {
    after: framework,
    table: {
      next: ['next', ...SEPARATE_BACKENDS],
      // The API lives in the project's own Node auth server (Hono or Express), next to Better Auth.
      'react-vite': ['hono', 'express'],
      sveltekit: ['sveltekit', ...SEPARATE_BACKENDS],
      nuxt: ['nuxt', ...SEPARATE_BACKENDS],
    },
    because: (chosen, allowed) =>
      chosen === 'react-vite'
        ? `the API lives in the auth server that hosts Better Auth (${orList(allowed.map((b) => labelIn(BACKEND_CHOICES, b)))})`
        : `the app's own server routes are --backend ${allowed[0]}`,
  },
});

export const storage = defineSelect({
  key: 'storage',
  flag: '--storage',
  valueName: 'mode',
  question: 'Where should the browser keep the access token?',
  help: (facts) => `where the browser keeps the access token (react-vite: ${facts.allowedAfter('react-vite')}; cookie needs server-side code)`,
  choices: [
    { value: 'memory', label: 'In memory', hint: 'Authorization: Bearer on each call (recommended)' },
    { value: 'cookie', label: 'httpOnly cookie only', hint: 'server-side code mints the JWT (backend-for-frontend)' },
    { value: 'local', label: 'localStorage', hint: 'survives reloads, readable by any XSS' },
  ],
  default: 'memory',
  allowed: {
    after: framework,
    // Cookie storage is a backend-for-frontend (server-side code mints the JWT): react-vite's SPA
    // has no server-side rendering, so it keeps the token in the page.
    table: { next: 'any', 'react-vite': ['memory', 'local'], sveltekit: 'any', nuxt: 'any' },
    because: (chosen) =>
      chosen === 'react-vite'
        ? 'cookie storage needs server-side code that mints the JWT (a backend-for-frontend); a Vite SPA keeps the token in the page'
        : undefined,
  },
});

export const providers = defineList({
  key: 'providers',
  flag: '--providers',
  valueName: 'list',
  question: 'Which OAuth providers? (space to select, enter to confirm)',
  help: 'OAuth sign-in providers, comma-separated',
  choices: [
    { value: 'google', label: 'Google' },
    { value: 'github', label: 'GitHub' },
    { value: 'discord', label: 'Discord' },
    { value: 'microsoft', label: 'Microsoft' },
    { value: 'apple', label: 'Apple' },
    { value: 'gitlab', label: 'GitLab' },
  ],
  default: [],
  none: 'none',
});

export const db = defineSelect({
  key: 'db',
  flag: '--db',
  valueName: 'name',
  question: 'Which database?',
  help: 'database for users and sessions',
  choices: [
    { value: 'sqlite', label: 'SQLite', hint: 'a local file, no server needed' },
    { value: 'postgres', label: 'PostgreSQL', hint: 'pg' },
    { value: 'mysql', label: 'MySQL', hint: 'mysql2' },
  ],
  default: 'sqlite',
});

export const http = defineSelect({
  key: 'http',
  flag: '--http',
  valueName: 'client',
  question: 'Which API client flavour?',
  help: 'API client that attaches and refreshes the JWT',
  choices: [
    { value: 'fetch', hint: 'no dependency' },
    { value: 'axios', hint: 'interceptors' },
  ],
  default: 'fetch',
});

export const pm = defineSelect({
  key: 'pm',
  flag: '--pm',
  valueName: 'name',
  question: 'Which package manager?',
  help: 'package manager for install and scripts',
  choices: [{ value: 'npm' }, { value: 'pnpm' }, { value: 'yarn' }, { value: 'bun' }],
  default: 'npm',
  defaultHelp: 'the one that launched this command, else npm',
  computeDefault: (ctx) => launchingPackageManager(ctx.env),
});

export const install = defineSwitch({
  key: 'install',
  flag: '--install',
  question: 'Install dependencies now?',
  help: 'install dependencies after writing (default)',
  negatedHelp: 'do not install dependencies',
  default: true,
});

export const git = defineSwitch({
  key: 'git',
  flag: '--git',
  question: 'Initialise a git repository?',
  help: 'git init and make an initial commit (default)',
  negatedHelp: 'do not initialise git',
  default: true,
});

/** The options recorded in the project's manifest: they decide the generated files. */
export const PROJECT_OPTIONS = [framework, backend, storage, providers, db, http, pm] as const;
/** Asked like options, but about this run only (a re-run never runs git init). */
export const RUN_OPTIONS = [install, git] as const;
/** Every option, in the order of the prompts, `--help` and the reproduce command. */
export const OPTION_DECLS = [...PROJECT_OPTIONS, ...RUN_OPTIONS] as const;

export const FRAMEWORKS = framework.choices;
export const BACKENDS = backend.choices;
export const STORAGES = storage.choices;
export const PROVIDERS = providers.choices;
export const DATABASES = db.choices;
export const HTTP_CLIENTS = http.choices;
export const PACKAGE_MANAGERS = pm.choices;

export type Framework = (typeof FRAMEWORKS)[number];
export type Backend = (typeof BACKENDS)[number];
export type Storage = (typeof STORAGES)[number];
export type Provider = (typeof PROVIDERS)[number];
export type Database = (typeof DATABASES)[number];
export type HttpClient = (typeof HTTP_CLIENTS)[number];
export type PackageManager = (typeof PACKAGE_MANAGERS)[number];

/** Everything that decides the generated files. Recorded in the project's manifest. */
export interface ProjectOptions extends AnswersOf<typeof PROJECT_OPTIONS> {
  /** npm package name of the generated project (derived from the directory name). */
  name: string;
}

/** Every answer the create command needs, besides the directory. Lists are sorted, without duplicates. */
export type CreateAnswers = AnswersOf<typeof OPTION_DECLS>;
export type OptionKey = keyof CreateAnswers;
