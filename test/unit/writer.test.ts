import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CancelledError, CliError, UnsafePathError } from '../../src/errors.js';
import { MANIFEST_FILE } from '../../src/plan/manifest.js';
import { fileBytes } from '../../src/plan/plan.js';
import { apply, stagingLeftovers, type ApplyOptions } from '../../src/writer/apply.js';
import { dotEnvKeys, mergeDotEnv } from '../../src/writer/dotenv.js';
import { formatPlan, formatReport, planJson } from '../../src/writer/print.js';
import { testPlan } from './plan-fixture.js';

const SECRET = 'TEST-SECRET-c2VjcmV0LXZhbHVlLXRoYXQtbXVzdC1uZXZlci1sZWFr';

function tempParent(): string {
  return mkdtempSync(join(tmpdir(), 'cbaj-writer-'));
}

/** Every file under dir (relative path → content + mode), for before/after comparisons. */
function tree(dir: string): Record<string, { content: string; mode: number }> {
  const out: Record<string, { content: string; mode: number }> = {};
  if (!existsSync(dir)) return out;
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else out[relative(dir, p)] = { content: readFileSync(p, 'base64'), mode: statSync(p).mode & 0o777 };
    }
  };
  walk(dir);
  return out;
}

function opts(dir: string, extra: Partial<ApplyOptions> = {}): ApplyOptions {
  return { dir, dryRun: false, force: false, interactive: false, makeSecret: () => SECRET, handleSignals: true, ...extra };
}

describe('apply()', () => {
  it('dry run writes nothing and reports what would happen', async () => {
    const target = join(tempParent(), 'app');
    const plan = testPlan();
    const report = await apply(plan, opts(target, { dryRun: true }));
    expect(existsSync(target)).toBe(false);
    expect(await stagingLeftovers(target)).toEqual([]);
    expect(report.files.map((f) => f.status)).toEqual(plan.files.map(() => 'new'));
    expect(report.dotenvs).toEqual([{ path: '.env', status: 'new', added: plan.env.map((v) => v.name) }]);
  });

  it('writes every file of the plan, plus .env with mode 0600 and a fresh secret', async () => {
    const target = join(tempParent(), 'deep', 'er', 'app');
    const plan = testPlan({ providers: ['github'] });
    const report = await apply(plan, opts(target));
    for (const f of plan.files) expect(readFileSync(join(target, f.path)).equals(Buffer.from(fileBytes(f)))).toBe(true);
    const env = readFileSync(join(target, '.env'), 'utf8');
    expect(env).toContain(`BETTER_AUTH_SECRET=${SECRET}`);
    expect(env).toContain('BETTER_AUTH_URL=http://localhost:3000');
    expect(statSync(join(target, '.env')).mode & 0o777).toBe(0o600);
    expect(Object.keys(tree(target)).sort()).toEqual([...plan.files.map((f) => f.path), '.env'].sort());
    expect(report.files.every((f) => f.status === 'new')).toBe(true);
    expect(await stagingLeftovers(target)).toEqual([]);
  });

  it('uses a new secret per project by default', async () => {
    const parent = tempParent();
    await apply(testPlan(), { dir: join(parent, 'a'), dryRun: false, force: false, interactive: false });
    await apply(testPlan(), { dir: join(parent, 'b'), dryRun: false, force: false, interactive: false });
    const secret = (d: string) => /BETTER_AUTH_SECRET=(.*)/.exec(readFileSync(join(parent, d, '.env'), 'utf8'))?.[1];
    expect(secret('a')).toMatch(/^"?[A-Za-z0-9+/]{43}="?$/);
    expect(secret('a')).not.toBe(secret('b'));
  });

  it('accepts an existing empty directory', async () => {
    const target = join(tempParent(), 'empty');
    mkdirSync(target);
    await apply(testPlan(), opts(target));
    expect(existsSync(join(target, 'package.json'))).toBe(true);
  });

  it('refuses a non-empty directory without --force and touches nothing', async () => {
    const target = join(tempParent(), 'busy');
    mkdirSync(target);
    writeFileSync(join(target, 'notes.txt'), 'mine');
    const before = tree(target);
    await expect(apply(testPlan(), opts(target))).rejects.toThrow(/is not empty.*--force/);
    await expect(apply(testPlan(), opts(target, { dryRun: true }))).rejects.toBeInstanceOf(CliError);
    expect(tree(target)).toEqual(before);
    expect(await stagingLeftovers(target)).toEqual([]);
  });

  it('refuses a target that is a file', async () => {
    const target = join(tempParent(), 'file');
    writeFileSync(target, 'x');
    await expect(apply(testPlan(), opts(target))).rejects.toThrow(/not a directory/);
  });

  it('is idempotent: applying the same plan again (--force) changes nothing', async () => {
    const target = join(tempParent(), 'app');
    const plan = testPlan({ providers: ['google'] });
    await apply(plan, opts(target));
    const before = tree(target);
    const again = await apply(plan, opts(target, { force: true, makeSecret: () => 'OTHER-SECRET-OTHER-SECRET-OTHER-SECRET' }));
    expect(again.files.every((f) => f.status === 'unchanged')).toBe(true);
    expect(again.dotenvs).toEqual([{ path: '.env', status: 'unchanged', added: [] }]);
    expect(tree(target)).toEqual(before);
    expect(await stagingLeftovers(target)).toEqual([]);
  });

  describe('--force into a directory that is not ours (no manifest, not an existing app)', () => {
    async function generated() {
      const target = join(tempParent(), 'app');
      await apply(testPlan(), opts(target));
      // Without the manifest nothing tells which files are ours (a re-run: test/unit/rerun.test.ts).
      rmSync(join(target, MANIFEST_FILE));
      return target;
    }

    it('skips identical files, and with no TTY overwrites changed ones because --force was given', async () => {
      const target = await generated();
      writeFileSync(join(target, 'src/auth.ts'), '// my edit\n');
      writeFileSync(join(target, 'extra.txt'), 'untouched');
      const report = await apply(testPlan(), opts(target, { force: true }));
      expect(report.files.find((f) => f.path === 'src/auth.ts')?.status).toBe('overwrite');
      expect(report.files.find((f) => f.path === MANIFEST_FILE)?.status).toBe('new');
      expect(report.files.filter((f) => f.status === 'unchanged').length).toBe(report.files.length - 2);
      expect(readFileSync(join(target, 'src/auth.ts'), 'utf8')).toContain('betterAuth');
      expect(readFileSync(join(target, 'extra.txt'), 'utf8')).toBe('untouched');
    });

    it('on a TTY lists changed files and asks; "no" writes nothing at all', async () => {
      const target = await generated();
      writeFileSync(join(target, 'src/auth.ts'), '// my edit\n');
      writeFileSync(join(target, 'README.md'), 'mine');
      const before = tree(target);
      const asked: string[][] = [];
      const confirmOverwrite = async (paths: string[]) => {
        asked.push(paths);
        return false;
      };
      // A plan with a new file too: it must not be written either when the user says no.
      const plan = testPlan({ http: 'axios' });
      await expect(apply(plan, opts(target, { force: true, interactive: true, confirmOverwrite }))).rejects.toThrow(/nothing was written/);
      expect(asked).toEqual([['README.md', 'package.json', 'src/api.ts', 'src/auth.ts']]);
      expect(tree(target)).toEqual(before);
    });

    it('on a TTY, "yes" overwrites', async () => {
      const target = await generated();
      writeFileSync(join(target, 'src/auth.ts'), '// my edit\n');
      await apply(testPlan(), opts(target, { force: true, interactive: true, confirmOverwrite: async () => true }));
      expect(readFileSync(join(target, 'src/auth.ts'), 'utf8')).toContain('betterAuth');
    });

    it('never overwrites an existing .env: keeps every value, appends only missing keys', async () => {
      const target = await generated();
      const envPath = join(target, '.env');
      const original = '# mine\nBETTER_AUTH_SECRET=keep-this-secret-value-keep-this-secret\nexport BETTER_AUTH_URL="https://example.com"\nCUSTOM=1';
      writeFileSync(envPath, original);
      chmodSync(envPath, 0o644);
      const report = await apply(testPlan({ providers: ['github'] }), opts(target, { force: true, makeSecret: () => 'ROTATED' }));
      const env = readFileSync(envPath, 'utf8');
      expect(env.startsWith(`${original}\n`)).toBe(true);
      expect(env).not.toContain('ROTATED');
      expect(report.dotenvs).toEqual([{ path: '.env', status: 'updated', added: ['DATABASE_URL', 'GITHUB_CLIENT_ID', 'GITHUB_CLIENT_SECRET'] }]);
      expect([...dotEnvKeys(env)]).toEqual(['BETTER_AUTH_SECRET', 'BETTER_AUTH_URL', 'CUSTOM', 'DATABASE_URL', 'GITHUB_CLIENT_ID', 'GITHUB_CLIENT_SECRET']);
      expect(statSync(envPath).mode & 0o777).toBe(0o600);
    });

    it('reads existing keys the way dotenv does: a KEY= line inside a quoted value is not a key, KEY: value is', async () => {
      const target = await generated();
      const envPath = join(target, '.env');
      const original = 'NOTE="first line\nGITHUB_CLIENT_ID=not-a-key\n"\nDATABASE_URL: file:./mine.db\n';
      writeFileSync(envPath, original);
      const report = await apply(testPlan({ providers: ['github'] }), opts(target, { force: true, makeSecret: () => 'S' }));
      const added = report.dotenvs[0]?.added ?? [];
      expect(added).toContain('GITHUB_CLIENT_ID');
      expect(added).not.toContain('DATABASE_URL');
      expect(readFileSync(envPath, 'utf8').startsWith(original)).toBe(true);
    });
  });

  describe('atomicity', () => {
    it('a failure while staging leaves no target and no staging folder', async () => {
      const parent = tempParent();
      const target = join(parent, 'app');
      const fail = { beforeStage: (_p: string, i: number) => { if (i === 3) throw new Error('disk full (injected)'); } };
      await expect(apply(testPlan(), opts(target, { hooks: fail }))).rejects.toThrow('disk full (injected)');
      expect(existsSync(target)).toBe(false);
      expect(readdirSync(parent)).toEqual([]);
    });

    it('a failure while moving into the final rename leaves no target (and removes parents it created)', async () => {
      const parent = tempParent();
      const target = join(parent, 'new', 'app');
      const fail = { beforeMove: () => { throw new Error('rename failed (injected)'); } };
      await expect(apply(testPlan(), opts(target, { hooks: fail }))).rejects.toThrow('rename failed');
      expect(readdirSync(parent)).toEqual([]);
    });

    it('a failure mid-way over an existing directory restores every file', async () => {
      const parent = tempParent();
      const target = join(parent, 'app');
      await apply(testPlan(), opts(target));
      writeFileSync(join(target, 'src/auth.ts'), '// my edit\n');
      writeFileSync(join(target, 'README.md'), '# mine\n');
      writeFileSync(join(target, '.env'), 'BETTER_AUTH_SECRET=mine-mine-mine-mine-mine-mine-mine-mine\n');
      const before = tree(target);
      const plan = testPlan({ http: 'axios', providers: ['github'], storage: 'local' });
      let moves = 0;
      const fail = { beforeMove: () => { if (++moves === 5) throw new Error('EIO (injected)'); } };
      await expect(apply(plan, opts(target, { force: true, hooks: fail }))).rejects.toThrow('EIO (injected)');
      expect(moves).toBe(5);
      expect(tree(target)).toEqual(before);
      expect(existsSync(join(target, 'src/storage.ts'))).toBe(false);
      expect(readdirSync(parent)).toEqual(['app']);
    });

    it('a folder swapped for a symbolic link while writing is refused before a rename goes through it, and the run rolls back', async () => {
      const parent = tempParent();
      const target = join(parent, 'app');
      await apply(testPlan(), opts(target));
      const outside = join(parent, 'outside');
      const swap = {
        beforeMove: (path: string) => {
          if (!path.startsWith('src/') || existsSync(outside)) return;
          renameSync(join(target, 'src'), outside);
          symlinkSync(outside, join(target, 'src'));
        },
      };
      const error = await apply(testPlan({ http: 'axios' }), opts(target, { hooks: swap })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnsafePathError);
      expect((error as Error).message).toMatch(/src is a symbolic link/);
      expect(readFileSync(join(outside, 'api.ts'), 'utf8')).not.toContain('axios');
      expect(await stagingLeftovers(target)).toEqual([]);
    });

    it('SIGINT while writing rolls back and reports a cancellation', async () => {
      const parent = tempParent();
      const target = join(parent, 'app');
      const hooks = { beforeStage: (_p: string, i: number) => { if (i === 2) process.emit('SIGINT', 'SIGINT'); } };
      const error = await apply(testPlan(), opts(target, { hooks })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CancelledError);
      expect(readdirSync(parent)).toEqual([]);
      expect(process.listenerCount('SIGINT')).toBe(0);
    });
  });

  it('the secret appears in .env only: not in the plan, its JSON, the manifest, .env.example or any printed text', async () => {
    const target = join(tempParent(), 'app');
    const plan = testPlan({ providers: ['github', 'google'] });
    const report = await apply(plan, opts(target));
    const written = tree(target);
    expect(Buffer.from(written['.env']!.content, 'base64').toString()).toContain(SECRET);
    for (const [path, { content }] of Object.entries(written)) {
      if (path !== '.env') expect(Buffer.from(content, 'base64').toString(), path).not.toContain(SECRET);
    }
    const dry = await apply(plan, opts(join(tempParent(), 'x'), { dryRun: true }));
    for (const text of [JSON.stringify(plan), planJson(plan, dry), formatPlan(plan, dry), formatReport(report)]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('TEST-SECRET');
    }
    expect(readFileSync(join(target, MANIFEST_FILE), 'utf8')).not.toContain(SECRET);
    const json = JSON.parse(planJson(plan, dry)) as { files: { path: string }[]; dotenvs: { variables: string[] }[] };
    expect(json.files.some((f) => f.path === '.env')).toBe(false);
    expect(json.dotenvs[0]?.variables).toContain('BETTER_AUTH_SECRET');
  });

  it('the dry-run text lists files with sizes, dependencies and env var names', async () => {
    const plan = testPlan({ http: 'axios' });
    const text = formatPlan(plan, await apply(plan, opts(join(tempParent(), 'x'), { dryRun: true })));
    expect(text).toMatch(/\+ package\.json\s+\d+ B/);
    expect(text).toContain('axios 1.21.1');
    expect(text).toContain('BETTER_AUTH_SECRET (secret)');
    expect(text).toContain('.env');
  });
});

describe('mergeDotEnv', () => {
  it('adds nothing when every key is present', () => {
    const existing = 'A=1\n';
    expect(mergeDotEnv(existing, [{ name: 'A', group: 'g', description: 'd', required: true, kind: 'string', example: '', usedBy: ['backend'], secret: false }])).toEqual({ content: existing, added: [] });
  });
});
