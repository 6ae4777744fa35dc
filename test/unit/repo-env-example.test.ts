// This repository's .env.example and the README env table document the default generated
// project's app variables (root .env). They are renderings of the env registry, so any
// change to the registry must be followed by regenerating them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_OPTIONS, SYNC_ENV_DOCS_COMMAND, repoEnvVars } from '../../src/env/repo-docs.js';
import { DEFAULT_ENV_FILE, ENV_TABLE_END, ENV_TABLE_START, envFileOf, renderEnvExample, renderEnvTable } from '../../src/env/render.js';
import { envVarsFor } from '../../src/features/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HOW = `out of date with the env registry; regenerate it with: ${SYNC_ENV_DOCS_COMMAND} (npm run env:docs)`;

describe("this repository's env documentation", () => {
  const vars = envVarsFor(DEFAULT_PROJECT_OPTIONS).filter((v) => envFileOf(v) === DEFAULT_ENV_FILE);

  it('documents the default project: next, no separate backend, memory, no providers, sqlite, fetch', () => {
    expect(DEFAULT_PROJECT_OPTIONS).toMatchObject({ framework: 'next', backend: 'next', storage: 'memory', providers: [], db: 'sqlite', http: 'fetch', pm: 'npm' });
    expect(repoEnvVars(envVarsFor)).toEqual(vars);
    expect(vars.map((v) => v.name)).toContain('BETTER_AUTH_SECRET');
  });

  it('.env.example is renderEnvExample of the root .env variables', () => {
    const actual = readFileSync(path.join(ROOT, '.env.example'), 'utf8');
    expect(actual, `.env.example is ${HOW}`).toBe(renderEnvExample(vars));
  });

  it('the README env table is renderEnvTable of the same variables', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf(ENV_TABLE_START);
    const end = readme.indexOf(ENV_TABLE_END, start);
    expect(start, `README.md has no ${ENV_TABLE_START} … ${ENV_TABLE_END} block; add the markers, then run ${SYNC_ENV_DOCS_COMMAND}`).not.toBe(-1);
    expect(end).not.toBe(-1);
    expect(readme.slice(start, end + ENV_TABLE_END.length), `the README env table is ${HOW}`).toBe(renderEnvTable(vars));
  });
});
