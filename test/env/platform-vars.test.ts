// Only the exact names a platform, runtime or framework sets are exempt from documentation;
// a name that merely shares their prefix (GITHUB_CLIENT_ID) is the app's own.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isNotAppConfig, isPlatformVar } from '../../src/env/names.js';
import { hostsOf } from '../../src/env/platform-vars.js';
import { tempDir } from './helpers.js';

describe('isPlatformVar', () => {
  it('knows the exact names platforms and runtimes set', () => {
    for (const name of [
      'VERCEL', 'VERCEL_ENV', 'VERCEL_URL', 'VERCEL_BRANCH_URL', 'VERCEL_PROJECT_PRODUCTION_URL', 'VERCEL_GIT_COMMIT_SHA', 'NEXT_PUBLIC_VERCEL_URL', 'VITE_VERCEL_ENV',
      'GITHUB_SHA', 'GITHUB_REF_NAME', 'GITHUB_ACTIONS', 'GITHUB_STEP_SUMMARY', 'RUNNER_OS', 'RUNNER_TEMP',
      'RAILWAY_PUBLIC_DOMAIN', 'RAILWAY_ENVIRONMENT_NAME', 'FLY_APP_NAME', 'FLY_REGION', 'RENDER_EXTERNAL_URL', 'CF_PAGES_URL', 'DYNO',
      'NODE_ENV', 'PORT', 'npm_package_version', 'npm_config_user_agent', 'NEXT_RUNTIME', 'MODE', 'KUBERNETES_SERVICE_HOST', 'CI',
    ]) {
      expect(isPlatformVar(name), name).toBe(true);
    }
  });

  it('treats the app\'s own variables that share a platform prefix as the app\'s', () => {
    for (const name of [
      'GITHUB_CLIENT_ID', 'GITHUB_CLIENT_SECRET', 'GITHUB_WEBHOOK_SECRET', 'NEXT_PRIVATE_TELEMETRY_KEY', 'VERCEL_API_TOKEN', 'VERCEL_TOKEN',
      'RAILWAY_API_TOKEN', 'FLY_API_TOKEN', 'NETLIFY_AUTH_TOKEN', 'RUNNER_CONCURRENCY', 'CI_SECRET', 'RENDER_API_KEY', 'HEROKU_API_KEY',
      'NUXT_SESSION_PASSWORD', 'NUXT_OAUTH_GITHUB_CLIENT_ID',
    ]) {
      expect(isPlatformVar(name), name).toBe(false);
    }
  });

  it('exempts Netlify\'s unprefixed names (URL, CONTEXT, …) only in a Netlify project', () => {
    expect(isPlatformVar('URL')).toBe(false);
    expect(isPlatformVar('CONTEXT')).toBe(false);
    const dir = tempDir();
    mkdirSync(path.join(dir, 'web'));
    writeFileSync(path.join(dir, 'web', 'netlify.toml'), '[build]\ncommand = "npm run build"\n');
    expect(isPlatformVar('URL', hostsOf(dir, 'web'))).toBe(true);
    expect(isPlatformVar('DEPLOY_PRIME_URL', hostsOf(dir, 'web'))).toBe(true);
    expect(isPlatformVar('URL', hostsOf(dir, ''))).toBe(false);
  });
});

describe('isNotAppConfig', () => {
  it('recognises editor, terminal, OS and CI-runner variables', () => {
    for (const name of ['VSCODE_GIT_IPC_HANDLE', 'VSCODE_IPC_HOOK', 'CURSOR_TRACE_ID', 'TERM_PROGRAM', 'TERM', '__CFBundleIdentifier', 'ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_URL', 'GH_TOKEN', 'SSH_AUTH_SOCK', 'DISPLAY', 'EDITOR', 'XDG_CONFIG_HOME']) {
      expect(isNotAppConfig(name), name).toBe(true);
      expect(isPlatformVar(name), `${name} needs no docs either`).toBe(true);
    }
  });

  it('leaves runtime settings and the app\'s own names to the checks', () => {
    for (const name of ['NODE_ENV', 'PORT', 'GITHUB_TOKEN', 'GITHUB_CLIENT_ID', 'VERCEL_URL', 'ACTION_TIMEOUT', 'EDITOR_URL']) {
      expect(isNotAppConfig(name), name).toBe(false);
    }
  });
});
