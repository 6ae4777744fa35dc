// The exact names that platforms, runtimes and frameworks set, from their own reference
// pages (Vercel "System environment variables", GitHub Actions "Variables reference",
// Railway "Variables reference", Fly.io "Machine runtime environment", Render "Default
// environment variables", Cloudflare Pages build variables, Netlify build variables).
// Exact names, not prefixes: GITHUB_CLIENT_ID, VERCEL_API_TOKEN or RAILWAY_API_TOKEN are the
// app's own variables and must be documented like any other.
import { existsSync } from 'node:fs';
import path from 'node:path';

const VERCEL_SYSTEM = [
  'VERCEL', 'VERCEL_ENV', 'VERCEL_TARGET_ENV', 'VERCEL_URL', 'VERCEL_BRANCH_URL', 'VERCEL_PROJECT_PRODUCTION_URL',
  'VERCEL_REGION', 'VERCEL_DEPLOYMENT_ID', 'VERCEL_SKEW_PROTECTION_ENABLED', 'VERCEL_AUTOMATION_BYPASS_SECRET', 'VERCEL_OIDC_TOKEN',
  'VERCEL_GIT_PROVIDER', 'VERCEL_GIT_REPO_SLUG', 'VERCEL_GIT_REPO_OWNER', 'VERCEL_GIT_REPO_ID', 'VERCEL_GIT_COMMIT_REF',
  'VERCEL_GIT_COMMIT_SHA', 'VERCEL_GIT_COMMIT_MESSAGE', 'VERCEL_GIT_COMMIT_AUTHOR_LOGIN', 'VERCEL_GIT_COMMIT_AUTHOR_NAME',
  'VERCEL_GIT_PREVIOUS_SHA', 'VERCEL_GIT_PULL_REQUEST_ID',
];
// Vercel also exposes its system variables under each framework's public prefix.
// (Never the two secrets: a browser-prefixed copy of those would be the app's own mistake.)
const VERCEL_FRAMEWORK_PREFIXES = ['NEXT_PUBLIC_', 'VITE_', 'PUBLIC_', 'NUXT_ENV_', 'REACT_APP_', 'GATSBY_', 'VUE_APP_', 'REDWOOD_ENV_', 'SANITY_STUDIO_'];
const VERCEL_SECRETS = new Set(['VERCEL_AUTOMATION_BYPASS_SECRET', 'VERCEL_OIDC_TOKEN']);

const GITHUB_ACTIONS = [
  'GITHUB_ACTION', 'GITHUB_ACTION_PATH', 'GITHUB_ACTION_REPOSITORY', 'GITHUB_ACTIONS', 'GITHUB_ACTOR', 'GITHUB_ACTOR_ID',
  'GITHUB_API_URL', 'GITHUB_BASE_REF', 'GITHUB_ENV', 'GITHUB_EVENT_NAME', 'GITHUB_EVENT_PATH', 'GITHUB_GRAPHQL_URL',
  'GITHUB_HEAD_REF', 'GITHUB_JOB', 'GITHUB_OUTPUT', 'GITHUB_PATH', 'GITHUB_REF', 'GITHUB_REF_NAME', 'GITHUB_REF_PROTECTED',
  'GITHUB_REF_TYPE', 'GITHUB_REPOSITORY', 'GITHUB_REPOSITORY_ID', 'GITHUB_REPOSITORY_OWNER', 'GITHUB_REPOSITORY_OWNER_ID',
  'GITHUB_RETENTION_DAYS', 'GITHUB_RUN_ATTEMPT', 'GITHUB_RUN_ID', 'GITHUB_RUN_NUMBER', 'GITHUB_SERVER_URL', 'GITHUB_SHA',
  'GITHUB_STEP_SUMMARY', 'GITHUB_TRIGGERING_ACTOR', 'GITHUB_WORKFLOW', 'GITHUB_WORKFLOW_REF', 'GITHUB_WORKFLOW_SHA',
  'GITHUB_WORKSPACE', 'RUNNER_ARCH', 'RUNNER_DEBUG', 'RUNNER_ENVIRONMENT', 'RUNNER_NAME', 'RUNNER_OS', 'RUNNER_TEMP',
  'RUNNER_TOOL_CACHE',
];

// GitLab CI's most used predefined variables (the full list is long; these are the ones code reads).
const GITLAB_CI = [
  'GITLAB_CI', 'CI_COMMIT_SHA', 'CI_COMMIT_SHORT_SHA', 'CI_COMMIT_REF_NAME', 'CI_COMMIT_REF_SLUG', 'CI_COMMIT_BRANCH',
  'CI_COMMIT_TAG', 'CI_DEFAULT_BRANCH', 'CI_ENVIRONMENT_NAME', 'CI_JOB_ID', 'CI_JOB_TOKEN', 'CI_MERGE_REQUEST_IID',
  'CI_PIPELINE_ID', 'CI_PROJECT_DIR', 'CI_PROJECT_PATH', 'CI_PROJECT_NAME', 'CI_REGISTRY', 'CI_REGISTRY_IMAGE',
  'CI_SERVER_URL', 'CI_API_V4_URL',
];

const RAILWAY = [
  'RAILWAY_PUBLIC_DOMAIN', 'RAILWAY_PRIVATE_DOMAIN', 'RAILWAY_TCP_PROXY_DOMAIN', 'RAILWAY_TCP_PROXY_PORT',
  'RAILWAY_TCP_APPLICATION_PORT', 'RAILWAY_PROJECT_NAME', 'RAILWAY_PROJECT_ID', 'RAILWAY_ENVIRONMENT_NAME',
  'RAILWAY_ENVIRONMENT_ID', 'RAILWAY_ENVIRONMENT', 'RAILWAY_SERVICE_NAME', 'RAILWAY_SERVICE_ID', 'RAILWAY_REPLICA_ID',
  'RAILWAY_REPLICA_REGION', 'RAILWAY_DEPLOYMENT_ID', 'RAILWAY_SNAPSHOT_ID', 'RAILWAY_VOLUME_NAME', 'RAILWAY_VOLUME_MOUNT_PATH',
  'RAILWAY_STATIC_URL', 'RAILWAY_GIT_COMMIT_SHA', 'RAILWAY_GIT_AUTHOR', 'RAILWAY_GIT_BRANCH', 'RAILWAY_GIT_REPO_NAME',
  'RAILWAY_GIT_REPO_OWNER', 'RAILWAY_GIT_COMMIT_MESSAGE',
];

const RENDER = [
  'RENDER', 'IS_PULL_REQUEST', 'RENDER_CPU_COUNT', 'RENDER_DISCOVERY_SERVICE', 'RENDER_EXTERNAL_HOSTNAME', 'RENDER_EXTERNAL_URL',
  'RENDER_GIT_BRANCH', 'RENDER_GIT_COMMIT', 'RENDER_GIT_REPO_SLUG', 'RENDER_INSTANCE_ID', 'RENDER_SERVICE_ID',
  'RENDER_SERVICE_NAME', 'RENDER_SERVICE_TYPE',
];

const FLY = [
  'FLY_APP_NAME', 'FLY_MACHINE_ID', 'FLY_ALLOC_ID', 'FLY_REGION', 'FLY_PUBLIC_IP', 'FLY_PRIVATE_IP', 'FLY_IMAGE_REF',
  'FLY_MACHINE_VERSION', 'FLY_PROCESS_GROUP', 'FLY_VM_MEMORY_MB', 'PRIMARY_REGION',
];

const CLOUDFLARE = ['CF_PAGES', 'CF_PAGES_COMMIT_SHA', 'CF_PAGES_BRANCH', 'CF_PAGES_URL', 'WORKERS_CI', 'WORKERS_CI_BUILD_UUID', 'WORKERS_CI_COMMIT_SHA', 'WORKERS_CI_BRANCH'];

// Netlify's prefixed or unmistakable names; its generic ones are in NETLIFY_GENERIC below.
const NETLIFY = ['NETLIFY', 'NETLIFY_LOCAL', 'NETLIFY_DEV', 'NETLIFY_IMAGES_CDN_DOMAIN', 'DEPLOY_URL', 'DEPLOY_PRIME_URL', 'DEPLOY_ID', 'CACHED_COMMIT_REF', 'INCOMING_HOOK_TITLE', 'INCOMING_HOOK_URL', 'INCOMING_HOOK_BODY'];

const OTHER_HOSTS = [
  // Heroku (DYNO always; the rest with dyno metadata enabled)
  'DYNO', 'HEROKU_APP_ID', 'HEROKU_APP_NAME', 'HEROKU_DYNO_ID', 'HEROKU_RELEASE_CREATED_AT', 'HEROKU_RELEASE_VERSION',
  'HEROKU_SLUG_COMMIT', 'HEROKU_SLUG_DESCRIPTION',
  // Google Cloud Run, AWS Lambda
  'K_SERVICE', 'K_REVISION', 'K_CONFIGURATION', 'CLOUD_RUN_JOB', 'CLOUD_RUN_EXECUTION', 'CLOUD_RUN_TASK_INDEX',
  'AWS_LAMBDA_FUNCTION_NAME', 'AWS_LAMBDA_FUNCTION_VERSION', 'AWS_LAMBDA_FUNCTION_MEMORY_SIZE', 'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME', 'AWS_EXECUTION_ENV', 'LAMBDA_TASK_ROOT', '_HANDLER',
  // Docker, Kubernetes
  'HOSTNAME', 'KUBERNETES_SERVICE_HOST', 'KUBERNETES_SERVICE_PORT', 'KUBERNETES_PORT',
];

// Read by the runtime, the framework or a library by itself (runtime-reads.ts keeps the list the
// unused rule exempts); here they only need no documentation.
const RUNTIME_READ = [
  'NODE_ENV', 'NODE_OPTIONS', 'NODE_DEBUG', 'NODE_EXTRA_CA_CERTS', 'NODE_TLS_REJECT_UNAUTHORIZED', 'NODE_PATH', 'NODE_NO_WARNINGS',
  'UV_THREADPOOL_SIZE', 'PORT', 'HOST', 'TZ', 'LANG', 'LC_ALL', 'DEBUG', 'NO_COLOR', 'FORCE_COLOR',
  'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy',
  'NEXT_TELEMETRY_DISABLED', 'NUXT_TELEMETRY_DISABLED', 'ASTRO_TELEMETRY_DISABLED',
  'PYTHONPATH', 'PYTHONUNBUFFERED', 'PYTHONDONTWRITEBYTECODE',
];

const RUNTIME_SET = [
  'CI', 'HOME', 'PATH', 'PWD', 'USER', 'SHELL', 'TMPDIR', 'TEMP', 'TMP', 'INIT_CWD', 'VIRTUAL_ENV',
  // Next.js sets these for the code it runs
  'NEXT_RUNTIME', 'NEXT_PHASE', 'NEXT_DEPLOYMENT_ID',
  // Vite's import.meta.env built-ins
  'MODE', 'BASE_URL', 'PROD', 'DEV', 'SSR',
  // test runners
  'VITEST', 'VITEST_WORKER_ID', 'VITEST_POOL_ID', 'JEST_WORKER_ID',
];

// Namespaces that belong to a tool by their very spelling: npm's lifecycle variables are
// lower case, Next's internals start with two underscores. No app names its own this way.
const TOOL_PREFIXES = ['npm_config_', 'npm_package_', 'npm_lifecycle_', '__NEXT_'];
const TOOL_EXACT = ['npm_execpath', 'npm_node_execpath', 'npm_command'];

const PLATFORM_EXACT = new Set<string>([
  ...VERCEL_SYSTEM,
  ...VERCEL_SYSTEM.filter((n) => !VERCEL_SECRETS.has(n)).flatMap((n) => VERCEL_FRAMEWORK_PREFIXES.map((p) => `${p}${n}`)),
  ...GITHUB_ACTIONS, ...GITLAB_CI, ...RAILWAY, ...RENDER, ...FLY, ...CLOUDFLARE, ...NETLIFY, ...OTHER_HOSTS,
  ...RUNTIME_READ, ...RUNTIME_SET, ...TOOL_EXACT,
]);

/** Netlify's unprefixed build variables: exempt only where the project deploys to Netlify. */
const NETLIFY_GENERIC = new Set(['URL', 'CONTEXT', 'BRANCH', 'HEAD', 'COMMIT_REF', 'PULL_REQUEST', 'REVIEW_ID', 'REPOSITORY_URL', 'BUILD_ID', 'SITE_NAME', 'SITE_ID']);

export type Host = 'netlify';

/** Hosts a directory (relative to root) or the project root declares by their config file. */
export function hostsOf(root: string, dir: string): ReadonlySet<Host> {
  const hosts = new Set<Host>();
  for (const d of new Set([dir, ''])) {
    if (existsSync(path.join(root, d, 'netlify.toml'))) hosts.add('netlify');
  }
  return hosts;
}

/** Set by a platform, runtime, framework or tool; `hosts` adds names only a declared host sets. */
export function isSetByPlatform(name: string, hosts: ReadonlySet<Host> = new Set()): boolean {
  if (PLATFORM_EXACT.has(name) || TOOL_PREFIXES.some((p) => name.startsWith(p))) return true;
  return hosts.has('netlify') && NETLIFY_GENERIC.has(name);
}

// Editor, terminal, OS session and CI-runner plumbing: never the app's configuration.
const NOT_APP_EXACT = new Set([
  'TERM', 'TERM_PROGRAM', 'TERM_PROGRAM_VERSION', 'COLORTERM', 'TERMINAL_EMULATOR', 'GH_TOKEN',
  'SSH_AUTH_SOCK', 'SSH_AGENT_PID', 'SSH_CONNECTION', 'SSH_CLIENT', 'SSH_TTY', 'DISPLAY', 'WAYLAND_DISPLAY',
  'EDITOR', 'VISUAL', 'PAGER', 'LOGNAME', 'SHLVL', 'OLDPWD', 'COLUMNS', 'LINES', 'TMUX', 'STY', 'INSIDE_EMACS',
  'ITERM_SESSION_ID', 'WT_SESSION', 'WSL_DISTRO_NAME', 'APPDATA', 'LOCALAPPDATA', 'USERPROFILE', 'COMSPEC', 'SYSTEMROOT', 'WINDIR',
  'PROGRAMFILES', 'GIT_ASKPASS', 'CURSOR_TRACE_ID', 'ZED_TERM',
]);
const NOT_APP_PREFIXES = ['VSCODE_', '__CF', 'ACTIONS_', 'XDG_', 'ITERM_', 'KITTY_', 'WEZTERM_'];

/** Editor, terminal, OS-session and CI-runner variables: not the app's configuration at all. */
export function isNotAppConfig(name: string): boolean {
  return NOT_APP_EXACT.has(name) || NOT_APP_PREFIXES.some((p) => name.startsWith(p));
}

// GitHub Actions issues every workflow run a GITHUB_TOKEN (secrets.GITHUB_TOKEN), which the
// workflow hands to the scripts it runs. Only there is it the runner's: app code that reads
// GITHUB_TOKEN uses the app's own token for the GitHub API, which must be documented.
const SET_FOR_WORKFLOWS = new Set(['GITHUB_TOKEN']);
const WORKFLOW_TOOLING = /(?:^|\/)(?:scripts|\.github)\//;

/** A CI runner's variable read by workflow tooling (`file`: relative path, forward slashes). */
export function isSetForWorkflow(name: string, file: string): boolean {
  return SET_FOR_WORKFLOWS.has(name) && WORKFLOW_TOOLING.test(file);
}
