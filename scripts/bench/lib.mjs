// Shared helpers for `npm run bench`: wall-clock timing of child processes, medians, paths.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin/create-better-auth-jwt.js');
export const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 11));

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function round(n, digits) {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Runs a command to completion and returns its wall time in seconds; throws on failure. */
export function timeRun(file, args, { cwd = ROOT, env, timeoutMs = 60_000 } = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(file, args, {
    cwd,
    env: { ...process.env, NO_COLOR: '1', CI: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${[file, ...args].join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  }
  return seconds;
}

/**
 * Measures two commands alternately (A B A B …, after one warm-up each) so drift in machine
 * load hits both alike; returns their medians in seconds. `prepare(i)` runs before each
 * measured pair, outside the timing (e.g. to pick a fresh target directory).
 */
export function compare(runs, a, b, prepare = () => {}) {
  prepare(-1);
  a(-1);
  b(-1);
  const as = [];
  const bs = [];
  for (let i = 0; i < runs; i++) {
    prepare(i);
    as.push(a(i));
    bs.push(b(i));
  }
  return { a: median(as), b: median(bs), samplesA: as, samplesB: bs };
}
