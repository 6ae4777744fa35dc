// Keeps the benchmark's synthetic tree honest (timings are not asserted here).
import path from 'node:path';
import { expect, it } from 'vitest';
import { checkEnv } from '../../src/env/check.js';
// @ts-expect-error plain ESM script without types
import { generateTree } from '../../scripts/bench/check-env.mjs';
import { tempDir } from './helpers.js';

it('the bench tree has env reads in TS and Python, and node_modules is skipped', async () => {
  const dir = (generateTree as (dir: string, files: number) => string)(path.join(tempDir(), 'tree'), 400);
  const result = await checkEnv({ cwd: dir, envVarsFor: () => [] });
  expect(result.stats.via).toBe('git');
  expect(result.stats.filesListed).toBe(400);
  expect(result.stats.reads).toBeGreaterThan(10);
  expect(result.findings.some((f) => f.variable === 'SHOULD_BE_SKIPPED')).toBe(false);
  expect(result.findings.filter((f) => f.rule === 'undocumented')).toEqual([]);
});
