// What add backend writes is derived from templates/ (scripts/add-backend-sources.mjs): at
// build time into the bundle, or when tests import src/. The published CLI must write exactly
// what the derivation gives, without typescript (a devDependency) at run time, and the
// derivation must render templates as the project's renderer does.
import { execa } from 'execa';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKEND_MANIFEST_FILE } from '../../src/add-backend/manifest.js';
import { runAddBackend } from '../../src/add-backend/run.js';
import { verifierSources } from '../../src/add-backend/sources.js';
import { diskTemplateStore } from '../../src/plan/disk-store.js';
import { createRenderer } from '../../src/plan/handlebars.js';
import { templatePartials } from '../../src/plan/templates.js';
import { REPO_ROOT } from '../helpers/deps-cache.js';
import { copyFixture, type FixtureName } from './fixtures.js';

/** The package as npm would publish it (package.json "files": bin, dist, templates), with no node_modules. */
function publishedCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbaj-published-'));
  for (const entry of ['package.json', 'bin', 'dist', 'templates']) fs.cpSync(path.join(REPO_ROOT, entry), path.join(dir, entry), { recursive: true });
  return dir;
}

/** Every file add backend wrote (its manifest's list), with its content. */
function written(dir: string): Record<string, string> {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, BACKEND_MANIFEST_FILE), 'utf8')) as { files: Record<string, string> };
  return Object.fromEntries(Object.keys(manifest.files).map((file) => [file, fs.readFileSync(path.join(dir, file), 'utf8')]));
}

describe("add backend's derived sources", () => {
  it('the published CLI, with no node_modules, writes what deriving them from templates/ now gives', async () => {
    const cli = path.join(publishedCopy(), 'bin/create-better-auth-jwt.js');
    const fixtures: FixtureName[] = ['express5-ts', 'fastify5-esm', 'hono-cjs', 'express-generator', 'fastapi-router'];
    for (const fixture of fixtures) {
      const [built, fromSource] = [copyFixture(fixture), copyFixture(fixture)];
      const run = await execa(process.execPath, [cli, 'add', 'backend', built, '--yes'], { reject: false, env: { CI: '1', NO_COLOR: '1' }, stdin: 'ignore' });
      expect(run.exitCode, `${fixture}: ${run.stderr}`).toBe(0);
      await runAddBackend(fromSource, { yes: true }, { out: () => {}, warn: () => {} });
      expect(written(built), fixture).toEqual(written(fromSource));
    }
  });

  it("the bundle carries the derived texts, not TypeScript's compiler", () => {
    const chunks = fs.readdirSync(path.join(REPO_ROOT, 'dist/chunks'));
    expect(chunks.filter((file) => fs.readFileSync(path.join(REPO_ROOT, 'dist/chunks', file), 'utf8').includes('transpileModule'))).toEqual([]);
  });

  it('renders the settings templates as the project renderer does, and the JavaScript parses as ES modules', async () => {
    const sources = await verifierSources();
    const store = diskTemplateStore();
    const render = createRenderer({}, templatePartials(store));
    const read = (dir: string, file: string) => new TextDecoder().decode(store.read(dir, file));
    expect(sources['config.ts']).toBe(render(read('add-backend', 'node/config.ts.hbs'), {}));
    expect(sources['auth_settings.py']).toBe(render(read('add-backend', 'fastapi/auth_settings.py.hbs'), {}));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbaj-js-'));
    for (const name of Object.keys(sources).filter((name) => name.endsWith('.js'))) {
      const file = path.join(dir, name.replace(/\.js$/, '.mjs'));
      fs.writeFileSync(file, sources[name]!);
      const check = await execa(process.execPath, ['--check', file], { reject: false });
      expect(check.stderr, name).toBe('');
    }
  });
});
