// Monorepos (class 3): `check env` run inside an app of a workspace counts the reads of the
// workspace packages the app depends on. Each c3-* fixture's expected.json is its run at the
// workspace root (fixtures.test.ts); expected-in-app.json lists runs inside its apps.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheckEnvCommand } from '../../src/commands/check-env.js';
import { checkEnv } from '../../src/env/check.js';
import { fixtureEnvVarsFor } from './fixture-registry.js';
import { captureIo, FIXTURES, fixtureNames, git, materialise, tempDir } from './helpers.js';

interface AppRun {
  cwd: string;
  about: string;
  exitCode: number;
  findings: Array<[string, string | null, string | null, number | null]>;
}

const inject = { envVarsFor: fixtureEnvVarsFor };

async function findingsAt(dir: string): Promise<AppRun['findings']> {
  const result = await checkEnv({ cwd: dir, ...inject });
  return result.findings.map((f) => [f.rule, f.variable ?? null, f.file ?? null, f.line ?? null]);
}

describe('check env inside an app of a workspace', () => {
  for (const name of fixtureNames().filter((n) => existsSync(path.join(FIXTURES, n, 'expected-in-app.json')))) {
    const { runs } = JSON.parse(readFileSync(path.join(FIXTURES, name, 'expected-in-app.json'), 'utf8')) as { runs: AppRun[] };
    for (const run of runs) {
      it(`${name} in ${run.cwd}: ${run.about}`, async () => {
        const dir = path.join(materialise(name), run.cwd);
        expect(await findingsAt(dir)).toEqual(run.findings);
        for (const format of ['text', 'json', 'github']) {
          const io = captureIo();
          expect(await runCheckEnvCommand({ cwd: dir, format, strict: false, fromProcess: false }, io, inject), format).toBe(run.exitCode);
        }
      });
    }
  }

  it('at the root, asks for a root .env.example when root code reads a variable that a package reads too', async () => {
    const root = materialise('c3-monorepo-pnpm');
    rmSync(path.join(root, 'tools/codegen.ts'));
    writeFileSync(path.join(root, 'tools/log.ts'), 'export const level = process.env.LOG_LEVEL;\n');
    const found = await findingsAt(root);
    expect(found.filter((f) => f[0] === 'example-missing' || f[1] === 'LOG_LEVEL')).toEqual([
      ['example-missing', null, '.env.example', null],
      ['undocumented', 'LOG_LEVEL', 'packages/config/index.ts', 1],
    ]);
  });

  it('counts the files of the workspace packages it read in the stats (--format json)', async () => {
    const result = await checkEnv({ cwd: path.join(materialise('c3-monorepo-pnpm'), 'apps/web'), ...inject });
    expect([result.stats.filesListed, result.stats.filesParsed, result.stats.reads]).toEqual([3, 3, 5]);
  });

  it('stops at a .git boundary: an app that is a repository of its own does not look for a workspace above it', async () => {
    const dir = path.join(materialise('c3-monorepo-pnpm'), 'apps/web');
    git(dir, 'init', '-q');
    const found = await findingsAt(dir);
    expect(found.filter((f) => f[0] === 'undocumented')).toEqual([]);
    expect(found.filter((f) => f[0] === 'unused').map((f) => f[1])).toEqual(['SMTP_HOST', 'EMAIL_FROM']);
  });

  it('never reads a package outside the workspace root, even when a workspace glob points there', async () => {
    const outer = tempDir();
    const root = path.join(outer, 'repo');
    cpSync(path.join(FIXTURES, 'c3-monorepo-npm'), root, { recursive: true });
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'acme', private: true, workspaces: ['apps/*', 'packages/*', '../shared/*'] }));
    mkdirSync(path.join(outer, 'shared/tokens'), { recursive: true });
    writeFileSync(path.join(outer, 'shared/tokens/package.json'), JSON.stringify({ name: '@acme/tokens' }));
    writeFileSync(path.join(outer, 'shared/tokens/index.ts'), 'export const t = process.env.OUTSIDE_TOKEN;\n');
    writeFileSync(path.join(root, 'apps/site/package.json'), JSON.stringify({ name: '@acme/site', dependencies: { '@acme/ui': '*', '@acme/tokens': '*' } }));
    const found = await findingsAt(path.join(root, 'apps/site'));
    expect(found.some((f) => f[1] === 'OUTSIDE_TOKEN' || String(f[2]).includes('shared'))).toBe(false);
    expect(found.some((f) => f[1] === 'ANALYTICS_ID')).toBe(true);
  });
});
