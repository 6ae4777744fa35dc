// Benchmark of `check env`, so that a CI check stays fast on a large repository: a synthetic
// project of 5,000 source files (about 5% reading env variables, some Python) must be checked
// in under a second and 150 MB, and one of 20,000 shows the time grows linearly. Each is timed
// through the built bin in a child process (median of several runs after a warm-up) and
// its peak RSS is read from /usr/bin/time -v (or from the child's own resourceUsage).
//
//   node scripts/bench/check-env.mjs          prints a table
//   import { run } from './check-env.mjs'     returns rows { name, value, unit, budget, ok }
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/create-better-auth-jwt.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

/** Deterministic pseudo-random numbers, so every run benchmarks the same tree. */
function rng(seed) {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
}

function tsFile(i, reads) {
  const lines = [
    `import { helper${i % 7} } from '../shared/helper${i % 7}';`,
    `import type { Item } from '../types';`,
    '',
    `export interface Props${i} { id: string; items: Item[]; limit?: number }`,
    '',
  ];
  for (let f = 0; f < 6; f++) {
    lines.push(
      `export function compute${i}_${f}(props: Props${i}): number {`,
      '  let total = 0;',
      `  for (const item of props.items.slice(0, props.limit ?? ${10 + f})) {`,
      `    total += helper${i % 7}(item.value * ${f + 1}, "label-${i}-${f}");`,
      '  }',
      '  return total > 100 ? Math.round(total / 3) : total;',
      '}',
      '',
    );
  }
  for (const [k, name] of reads.entries()) {
    lines.push(k % 2 === 0 ? `export const setting${k} = process.env.${name} ?? 'default';` : `const { ${name} } = process.env;\nexport const setting${k} = ${name};`);
  }
  return `${lines.join('\n')}\n`;
}

function tsxFile(i) {
  return `import { useState } from 'react';

export default function Widget${i}({ title }: { title: string }) {
  const [open, setOpen] = useState(false);
  return (
    <section className="widget-${i}">
      <h2 onClick={() => setOpen(!open)}>{title}</h2>
      {open && <ul>{[1, 2, 3].map((n) => <li key={n}>{n * ${i}}</li>)}</ul>}
    </section>
  );
}
`;
}

function pyFile(i, reads) {
  const lines = ['import json', 'from dataclasses import dataclass', '', '@dataclass', `class Record${i}:`, '    id: str', '    value: float', ''];
  for (let f = 0; f < 5; f++) {
    lines.push(`def handle_${i}_${f}(records):`, '    """Sum the values."""', `    return sum(r.value * ${f + 1} for r in records if r.id != "skip-${i}")`, '');
  }
  if (reads.length) lines.splice(1, 0, 'import os');
  for (const name of reads) lines.push(`${name.toLowerCase()} = os.environ.get("${name}", "")`);
  return `${lines.join('\n')}\n`;
}

/** Writes a synthetic project; returns its directory. */
export function generateTree(dir, files, { git = true } = {}) {
  const rand = rng(files);
  const envNames = Array.from({ length: 60 }, (_, k) => `APP_SETTING_${k}`);
  mkdirSync(dir, { recursive: true });
  const perDir = 50;
  const made = new Set();
  for (let i = 0; i < files; i++) {
    const sub = path.join(dir, i % 10 === 9 ? 'api' : 'src', `module${Math.floor(i / perDir)}`);
    if (!made.has(sub)) {
      mkdirSync(sub, { recursive: true });
      made.add(sub);
    }
    const reads = rand(100) < 5 ? [envNames[rand(envNames.length)], envNames[rand(envNames.length)]] : [];
    if (i % 10 === 9) writeFileSync(path.join(sub, `file${i}.py`), pyFile(i, reads));
    else if (i % 5 === 0 && reads.length === 0) writeFileSync(path.join(sub, `Widget${i}.tsx`), tsxFile(i));
    else writeFileSync(path.join(sub, `file${i}.ts`), tsFile(i, reads));
  }
  // Some noise that must be skipped.
  mkdirSync(path.join(dir, 'node_modules/lib'), { recursive: true });
  writeFileSync(path.join(dir, 'node_modules/lib/index.js'), 'module.exports = process.env.SHOULD_BE_SKIPPED;\n');
  writeFileSync(path.join(dir, '.env.example'), envNames.map((n) => `# ${n} (optional)\n${n}=value`).join('\n') + '\n');
  writeFileSync(path.join(dir, '.env'), envNames.map((n) => `${n}=local`).join('\n') + '\n');
  writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\n.env\n');
  if (git) spawnSync('git', ['init', '-q'], { cwd: dir });
  return dir;
}

function ensureBuilt() {
  if (existsSync(path.join(ROOT, 'dist/cli.js'))) return;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build failed');
}

function once(dir) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, 'check', 'env', '--cwd', dir, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`check env exited ${r.status}: ${r.stderr}`);
  JSON.parse(r.stdout); // it really ran
  return seconds;
}

function peakRssMb(dir) {
  if (existsSync('/usr/bin/time')) {
    const r = spawnSync('/usr/bin/time', ['-v', process.execPath, BIN, 'check', 'env', '--cwd', dir, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
    if (m) return Number(m[1]) / 1024;
  }
  // Fallback: the child reports its own peak after running the CLI in-process.
  const script = `const { main } = await import(${JSON.stringify(path.join(ROOT, 'dist/cli.js'))});
const write = process.stdout.write.bind(process.stdout); process.stdout.write = () => true;
await main([process.argv[0], 'cli', 'check', 'env', '--cwd', ${JSON.stringify(dir)}, '--format', 'json']);
write(String(process.resourceUsage().maxRSS));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return Number(r.stdout.trim()) / 1024;
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export async function run({ runs = RUNS } = {}) {
  ensureBuilt();
  const base = mkdtempSync(path.join(tmpdir(), 'cbaj-bench-env-'));
  try {
    const rows = [];
    const times = {};
    for (const files of [5000, 20000]) {
      const dir = generateTree(path.join(base, `tree-${files}`), files);
      once(dir); // warm the file system cache
      const samples = Array.from({ length: runs }, () => once(dir));
      times[files] = median(samples);
      const rss = peakRssMb(dir);
      const label = files.toLocaleString('en-US');
      rows.push({ name: `check env, ${label} files: median wall`, value: round(times[files], 3), unit: 's', budget: files === 5000 ? 1.0 : null, ok: files === 5000 ? times[files] <= 1.0 : true });
      rows.push({ name: `check env, ${label} files: peak RSS`, value: round(rss, 1), unit: 'MB', budget: files === 5000 ? 150 : null, ok: files === 5000 ? rss <= 150 : true });
    }
    const ratio = times[20000] / times[5000];
    rows.push({ name: 'check env, 20,000 / 5,000 files wall ratio', value: round(ratio, 2), unit: '×', budget: 4.5, ok: ratio <= 4.5 });
    return rows;
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

function round(n, digits) {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const rows = await run();
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const r of rows) {
    const budget = r.budget === null ? '' : `  (budget ${r.budget} ${r.unit})`;
    console.log(`${r.ok ? 'ok  ' : 'FAIL'}  ${r.name.padEnd(width)}  ${String(r.value).padStart(8)} ${r.unit}${budget}`);
  }
  if (rows.some((r) => !r.ok)) process.exitCode = 1;
}
