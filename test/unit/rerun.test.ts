// Re-running in a project of ours: the manifest's hashes tell which generated files the user
// has not edited (updated) from the ones they edited (kept, with the diff we did not apply);
// .env files only ever gain keys, so BETTER_AUTH_SECRET survives every run.
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_TABLE_END, ENV_TABLE_START } from '../../src/env/render.js';
import type { ProjectOptions } from '../../src/options/choices.js';
import { MANIFEST_FILE, hashContent, type Manifest } from '../../src/plan/manifest.js';
import { apply, stagingLeftovers, type ApplyOptions } from '../../src/writer/apply.js';
import { formatDetails, formatPlan } from '../../src/writer/print.js';
import { fileTree } from '../helpers/tree.js';
import { testPlan } from './plan-fixture.js';

const SECRET = 'FIRST-SECRET-Zmlyc3Qtc2VjcmV0LWZpcnN0LXNlY3JldC1maXJzdA';

const tree = (dir: string) => fileTree(dir, { mode: true });

/** Every run after the first generates a different secret: none may ever land in .env. */
let runs = 0;
function opts(dir: string, extra: Partial<ApplyOptions> = {}): ApplyOptions {
  runs++;
  return { dir, dryRun: false, force: false, interactive: false, makeSecret: () => `ROTATED-${runs}-ROTATED-ROTATED-ROTATED-ROTATED`, ...extra };
}

async function generated(options: Partial<ProjectOptions> = {}): Promise<string> {
  const target = join(mkdtempSync(join(tmpdir(), 'cbaj-rerun-')), 'app');
  await apply(testPlan(options), opts(target, { makeSecret: () => SECRET }));
  return target;
}

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');
const manifestOf = (dir: string) => JSON.parse(read(dir, MANIFEST_FILE)) as Manifest;
const secretOf = (dir: string) => /^BETTER_AUTH_SECRET=(.*)$/m.exec(read(dir, '.env'))?.[1];

describe('re-running in a project of ours', () => {
  it('with the same options changes nothing, byte for byte, and needs no --force', async () => {
    const target = await generated({ providers: ['github'] });
    const before = tree(target);
    const report = await apply(testPlan({ providers: ['github'] }), opts(target));
    expect(report.mode).toBe('rerun');
    expect(report.files.every((f) => f.status === 'unchanged')).toBe(true);
    expect(report.dotenvs).toEqual([{ path: '.env', status: 'unchanged', added: [] }]);
    expect(tree(target)).toEqual(before);
    expect(await stagingLeftovers(target)).toEqual([]);
  });

  it('updates unedited files, keeps edited ones with the diff it did not apply, and remembers they are edited', async () => {
    const target = await generated();
    const original = read(target, 'src/auth.ts');
    writeFileSync(join(target, 'src/auth.ts'), `${original}// my change\n`);
    // New options change src/auth.ts (edited: kept) and src/api.ts (unedited: updated).
    const next = testPlan({ providers: ['github'], http: 'axios' });
    const report = await apply(next, opts(target));
    const status = Object.fromEntries(report.files.map((f) => [f.path, f.status]));
    expect(status['src/auth.ts']).toBe('kept');
    expect(status['src/api.ts']).toBe('update');
    expect(read(target, 'src/api.ts')).toContain('axios');
    expect(read(target, 'src/auth.ts')).toBe(`${original}// my change\n`);
    const diff = report.files.find((f) => f.path === 'src/auth.ts')?.diff ?? '';
    expect(diff).toMatch(/^--- a\/src\/auth\.ts\n\+\+\+ b\/src\/auth\.ts\n@@ /);
    expect(diff).toContain('+    github: {');
    expect(diff).toContain('-// my change');
    expect(formatDetails(report)).toContain(diff.trimEnd());

    // The manifest keeps the generated hash of the edited file, the new hash of the updated one.
    const manifest = manifestOf(target);
    expect(manifest.files['src/auth.ts']).toBe(hashContent(original));
    expect(manifest.files['src/api.ts']).toBe(hashContent(read(target, 'src/api.ts')));
    expect(manifest.options.providers).toEqual(['github']);

    // So a later run with the same options still knows, and still changes nothing.
    const before = tree(target);
    const again = await apply(next, opts(target));
    expect(again.files.find((f) => f.path === 'src/auth.ts')?.status).toBe('kept');
    expect(tree(target)).toEqual(before);
  });

  it('removes files the plan no longer has only when unedited; edited ones are kept and listed', async () => {
    const target = await generated({ storage: 'local', http: 'axios' });
    expect(existsSync(join(target, 'src/storage.ts'))).toBe(true);
    writeFileSync(join(target, 'src/api.ts'), '// mine now\n');
    // Without local storage there is no src/storage.ts; src/api.ts (edited) exists in both.
    const report = await apply(testPlan({ storage: 'memory', http: 'axios' }), opts(target));
    expect(report.files.find((f) => f.path === 'src/storage.ts')?.status).toBe('remove');
    expect(existsSync(join(target, 'src/storage.ts'))).toBe(false);
    expect(existsSync(join(target, 'src'))).toBe(true);

    // Now the other way round with an edited file that would be removed.
    const target2 = await generated({ storage: 'local' });
    const generatedHash = hashContent(read(target2, 'src/storage.ts'));
    writeFileSync(join(target2, 'src/storage.ts'), '// I use this\n');
    const report2 = await apply(testPlan({ storage: 'memory' }), opts(target2));
    expect(report2.files.find((f) => f.path === 'src/storage.ts')?.status).toBe('orphan');
    expect(read(target2, 'src/storage.ts')).toBe('// I use this\n');
    expect(formatDetails(report2)).toContain('No longer generated but edited by you, so kept: src/storage.ts');
    // Still tracked with its generated hash, so it is never mistaken for an unedited file.
    expect(manifestOf(target2).files['src/storage.ts']).toBe(generatedHash);
  });

  it('an edited file that is no longer generated survives every later run, not just the first', async () => {
    const target = await generated({ storage: 'local' });
    const generatedHash = hashContent(read(target, 'src/storage.ts'));
    writeFileSync(join(target, 'src/storage.ts'), '// I use this\n');
    for (const run of [1, 2, 3]) {
      const report = await apply(testPlan({ storage: 'memory' }), opts(target));
      expect(report.files.find((f) => f.path === 'src/storage.ts')?.status, `run ${run}`).toBe('orphan');
      expect(read(target, 'src/storage.ts'), `run ${run}`).toBe('// I use this\n');
    }
    expect(manifestOf(target).files['src/storage.ts']).toBe(generatedHash);
  });

  it('never rotates BETTER_AUTH_SECRET: .env gains the new keys only, every value kept, across runs', async () => {
    const target = await generated();
    expect(secretOf(target)).toBe(SECRET);
    writeFileSync(join(target, '.env'), `${read(target, '.env')}MY_OWN=value\n`);
    await apply(testPlan({ providers: ['google'] }), opts(target));
    await apply(testPlan({ providers: ['github', 'google'], db: 'postgres' }), opts(target));
    await apply(testPlan({ providers: [] }), opts(target));
    const env = read(target, '.env');
    expect(secretOf(target)).toBe(SECRET);
    expect(env).not.toContain('ROTATED');
    expect(env).toContain('MY_OWN=value');
    expect(env).toMatch(/^GOOGLE_CLIENT_ID=$/m);
    expect(env).toMatch(/^GITHUB_CLIENT_SECRET=$/m);
    expect(statSync(join(target, '.env')).mode & 0o777).toBe(0o600);
  });

  it('merges an edited .env.example by key and replaces only the env table of an edited README', async () => {
    const target = await generated();
    writeFileSync(join(target, '.env.example'), `${read(target, '.env.example')}\n# mine\nMY_FLAG=on\nBETTER_AUTH_URL=https://mine.example\n`.replace(/^BETTER_AUTH_URL=http:\/\/localhost:3000$/m, ''));
    const readme = read(target, 'README.md').replace('More text kept as is.', 'My own words.');
    writeFileSync(join(target, 'README.md'), readme);
    const report = await apply(testPlan({ providers: ['github'] }), opts(target));
    const example = read(target, '.env.example');
    expect(example).toContain('MY_FLAG=on');
    expect(example).toContain('BETTER_AUTH_URL=https://mine.example');
    expect(example).toMatch(/^GITHUB_CLIENT_ID=your-client-id$/m);
    const after = read(target, 'README.md');
    expect(after).toContain('My own words.');
    expect(after).toContain('`GITHUB_CLIENT_ID`');
    // Outside the table, the README is exactly the user's.
    const outside = (t: string) => t.slice(0, t.indexOf(ENV_TABLE_START)) + t.slice(t.indexOf(ENV_TABLE_END));
    expect(outside(after)).toBe(outside(readme));
    const status = Object.fromEntries(report.files.map((f) => [f.path, f.status]));
    expect(status['README.md']).toBe('merge');
    expect(status['.env.example']).toBe('merge');
    expect(report.files.find((f) => f.path === 'README.md')?.diff).toContain('+More text kept as is.');
  });

  it('merges the dependencies of new options into an edited package.json, keeping the user\'s', async () => {
    const target = await generated();
    const pkg = JSON.parse(read(target, 'package.json')) as { dependencies: Record<string, string> };
    pkg.dependencies.zod = '^4.0.0';
    writeFileSync(join(target, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
    const report = await apply(testPlan({ http: 'axios' }), opts(target));
    const after = JSON.parse(read(target, 'package.json')) as { dependencies: Record<string, string> };
    expect(after.dependencies.zod).toBe('^4.0.0');
    expect(after.dependencies.axios).toBe('1.21.1');
    expect(Object.keys(after.dependencies)).toEqual(Object.keys(after.dependencies).sort());
    expect(report.files.find((f) => f.path === 'package.json')?.notes).toEqual(['package.json: added dependencies axios@1.21.1']);
  });

  it('dry run reports updates, kept files and removals, and writes nothing', async () => {
    const target = await generated({ storage: 'local' });
    writeFileSync(join(target, 'src/auth.ts'), '// edited\n');
    const before = tree(target);
    const plan = testPlan({ storage: 'memory', http: 'axios' });
    const report = await apply(plan, opts(target, { dryRun: true }));
    expect(tree(target)).toEqual(before);
    const text = formatPlan(plan, report);
    expect(text).toMatch(/~ src\/api\.ts .*would update/);
    expect(text).toMatch(/! src\/auth\.ts .*edited by you: kept/);
    expect(text).toMatch(/- src\/storage\.ts .*would remove/);
    expect(text).toContain('--- a/src/auth.ts');
  });

  it('a failure mid-way leaves the project exactly as it was, removals included', async () => {
    const target = await generated({ storage: 'local', providers: ['github'] });
    writeFileSync(join(target, 'src/auth.ts'), '// edited\n');
    const before = tree(target);
    let moves = 0;
    const hooks = { beforeMove: () => { if (++moves === 4) throw new Error('EIO (injected)'); } };
    await expect(apply(testPlan({ storage: 'memory', http: 'axios', providers: ['google'] }), opts(target, { hooks }))).rejects.toThrow('EIO (injected)');
    expect(moves).toBe(4);
    expect(tree(target)).toEqual(before);
    expect(await stagingLeftovers(target)).toEqual([]);
  });

  it('an invalid manifest is an error that says what to do, and nothing is written', async () => {
    const target = await generated();
    writeFileSync(join(target, MANIFEST_FILE), '{ not json');
    const before = tree(target);
    await expect(apply(testPlan(), opts(target))).rejects.toThrow(/create-better-auth-jwt\.json .* is not valid JSON.*delete it/);
    expect(tree(target)).toEqual(before);
  });
});
