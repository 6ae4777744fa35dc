// scripts/env-benchmark.mjs, the measurement of check env on real projects, on a tiny synthetic
// checkout: it prints the per-rule table and never writes into the checkout it measures.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { lineDiff } from '../../scripts/env-benchmark.mjs';
import { git, REPO, tempDir } from './helpers.js';

const SCRIPT = path.join(REPO, 'scripts/env-benchmark.mjs');

beforeAll(async () => {
  if (!existsSync(path.join(REPO, 'dist/cli.js'))) {
    const { buildCli } = (await import(path.join(REPO, 'scripts/build.mjs'))) as { buildCli: () => Promise<unknown> };
    await buildCli();
  }
}, 60_000);

function checkout(): string {
  const dir = path.join(tempDir(), 'tiny-app');
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  writeFileSync(path.join(dir, 'src/config.ts'), 'export const key = process.env.PAYMENT_KEY;\nexport const host = process.env.MAIL_HOST;\n');
  writeFileSync(path.join(dir, '.env.example'), '# Mail server\nMAIL_HOST=smtp.example.com\n\n# Never read\nLEFTOVER_SETTING=1\n');
  writeFileSync(path.join(dir, 'README.md'), '# Tiny app\n\nHand-written.\n');
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  return dir;
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const p = path.join(dir, name);
    if (!name.startsWith('.git') && statSync(p).isFile()) out[name] = readFileSync(p, 'utf8');
  }
  return out;
}

it('prints findings per rule for each checkout and leaves the checkout untouched, gen env included', () => {
  const dir = checkout();
  const before = snapshot(dir);
  const r = spawnSync(process.execPath, [SCRIPT, '--gen-env-dry', dir], { encoding: 'utf8', env: { ...process.env, BENCH_RUNS: '1' } });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toMatch(/\| undocumented \(error\) \| 1 \| 1 \|/);
  expect(r.stdout).toMatch(/\| unused \(warning\) \| 1 \| 1 \|/);
  expect(r.stdout).toContain('| tiny-app |');
  expect(r.stdout).toContain('lost lines');
  expect(snapshot(dir)).toEqual(before);
});

it('--json gives one result per checkout with the rule counts and wall time', () => {
  const dir = checkout();
  const r = spawnSync(process.execPath, [SCRIPT, '--json', dir], { encoding: 'utf8', env: { ...process.env, BENCH_RUNS: '1' } });
  expect(r.status, r.stderr).toBe(0);
  const { results } = JSON.parse(r.stdout) as { results: { repository: string; perRule: Record<string, number>; seconds: number; crash: string | null }[] };
  expect(results).toHaveLength(1);
  expect(results[0]).toMatchObject({ repository: 'tiny-app', crash: null, perRule: { 'undocumented (error)': 1, 'unused (warning)': 1 } });
  expect(results[0]!.seconds).toBeGreaterThan(0);
});

it('a lost line is a non-blank line of the original that the result no longer holds', () => {
  expect(lineDiff('A=1\n# doc\nB=2\n', 'A=1\nB=2\nC=3\n')).toEqual({ lost: 1, added: 1 });
  expect(lineDiff('A=1\n\nB=2\n', 'B=2\nA=1\n')).toEqual({ lost: 0, added: 0 });
});
