// ${VAR} in an env file is only a problem where the loader leaves it literal (a warning
// where the app's own loader expands it would be false). Next.js (@next/env), Vite (and SvelteKit, Astro on it), Nuxt (c12),
// dotenv-expand, dotenvx and docker compose expand it; python-dotenv expands ${VAR} only.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loaderExpands } from '../../src/env/loader.js';
import { tempDir } from './helpers.js';

function project(files: Record<string, string>): string {
  const root = tempDir();
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}
const pkg = (deps: Record<string, string>, dev: Record<string, string> = {}) => JSON.stringify({ name: 'x', dependencies: deps, devDependencies: dev });

describe('loaderExpands', () => {
  it('is true where a JavaScript framework or loader that expands reads the env file', () => {
    for (const dep of ['next', 'vite', 'nuxt', '@sveltejs/kit', 'astro', 'dotenv-expand', '@dotenvx/dotenvx', 'dotenv-cli']) {
      expect(loaderExpands(project({ 'package.json': pkg({ [dep]: '1.0.0' }) }), ''), dep).toBe(true);
    }
    expect(loaderExpands(project({ 'package.json': pkg({}, { vite: '6.0.0' }) }), '')).toBe(true);
  });

  it('is true beside a docker compose file, which reads .env and interpolates it', () => {
    expect(loaderExpands(project({ 'compose.yaml': 'services: {}\n' }), '')).toBe(true);
    expect(loaderExpands(project({ 'docker-compose.yml': 'services: {}\n' }), '')).toBe(true);
  });

  it('is "braced" where python-dotenv loads it: only ${VAR} is expanded, not $VAR', () => {
    expect(loaderExpands(project({ 'requirements.txt': 'fastapi==0.115\npython-dotenv>=1.0\n' }), '')).toBe('braced');
    expect(loaderExpands(project({ 'requirements-dev.txt': 'python_dotenv==1.0.1\n' }), '')).toBe('braced');
    expect(loaderExpands(project({ 'pyproject.toml': '[project]\ndependencies = ["pydantic-settings>=2"]\n' }), '')).toBe('braced');
  });

  it('is false for plain dotenv, Node\'s --env-file and projects without a loader it knows', () => {
    expect(loaderExpands(project({ 'package.json': pkg({ dotenv: '16.0.0', express: '5.0.0' }) }), '')).toBe(false);
    expect(loaderExpands(project({ 'requirements.txt': 'fastapi\n# python-dotenv is not used\n' }), '')).toBe(false);
    expect(loaderExpands(project({}), '')).toBe(false);
  });

  it('looks at the env file\'s own directory first, then up to the root', () => {
    const root = project({ 'package.json': pkg({ express: '5.0.0' }), 'apps/web/package.json': pkg({ next: '15.0.0' }), 'backend/requirements.txt': 'python-dotenv\n' });
    expect(loaderExpands(root, 'apps/web')).toBe(true);
    expect(loaderExpands(root, 'backend')).toBe('braced');
    expect(loaderExpands(root, '')).toBe(false);
  });
});
