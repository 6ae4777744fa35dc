// `npm run bench` (after `npm run build`): a benchmark, not a test. Medians over several runs,
// ratios measured in the same run, printed as a markdown table for the README. Exits 0 even
// over budget, but says so.
//
//   node scripts/bench.mjs                   all sections
//   node scripts/bench.mjs --only startup,scaffold,size,check-env,backends
//   node scripts/bench.mjs --json            rows as JSON (for tooling)
//   BENCH_RUNS=21 node scripts/bench.mjs     more samples per median (default 11)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, RUNS } from './bench/lib.mjs';

const args = process.argv.slice(2);
const json = args.includes('--json');
const onlyArg = args.find((a) => a.startsWith('--only'));
const only = onlyArg ? (onlyArg.includes('=') ? onlyArg.split('=')[1] : args[args.indexOf(onlyArg) + 1]).split(',') : null;

if (!fs.existsSync(path.join(ROOT, 'dist'))) {
  console.error('dist/ is missing: run `npm run bench` (it builds first) or `npm run build`.');
  process.exit(1);
}

const sections = [
  { id: 'startup', title: 'start-up', load: () => import('./bench/startup.mjs') },
  { id: 'scaffold', title: 'scaffold', load: () => import('./bench/scaffold.mjs') },
  { id: 'size', title: 'installed size', load: () => import('./bench/size.mjs') },
  {
    id: 'check-env',
    title: 'check env',
    // Written by another part of the project; included when present.
    load: async () => {
      const file = path.join(ROOT, 'scripts/bench/check-env.mjs');
      return fs.existsSync(file) ? import(pathToFileURL(file).href) : null;
    },
  },
  // Bounded load on 127.0.0.1 against each generated backend (needs the deps cache).
  { id: 'backends', title: 'backends', load: () => import('./bench/backends.mjs') },
];

const rows = [];
const problems = [];
for (const section of sections) {
  if (only && !only.includes(section.id)) continue;
  const mod = await section.load();
  if (!mod) continue;
  if (!json) process.stderr.write(`bench: ${section.title}…\n`);
  const started = Date.now();
  try {
    const sectionRows = await mod.run();
    rows.push(...sectionRows);
    if (!json) process.stderr.write(`bench: ${section.title} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  } catch (error) {
    problems.push(`${section.title}: ${error instanceof Error ? error.message : String(error)}`);
    rows.push({ name: section.title, value: null, unit: '', budget: null, ok: false, baseline: 'did not run (see below)', ratio: null });
  }
}

const over = rows.filter((r) => !r.ok);

if (json) {
  console.log(JSON.stringify({ node: process.version, cpus: os.cpus().length, runs: RUNS, rows, problems }, null, 2));
} else {
  const cell = (v) => (v === null || v === undefined || v === '' ? '—' : String(v).replace(/\|/g, '\\|'));
  const lines = [
    '| metric | median | baseline | ratio | budget | ok |',
    '| --- | ---: | --- | ---: | --- | :---: |',
    ...rows.map((r) =>
      [
        r.name,
        r.value === null ? '—' : `${r.value} ${r.unit}`.trim(),
        cell(r.baseline),
        r.ratio === null || r.ratio === undefined ? '—' : `${r.ratio.toFixed(2)}×`,
        typeof r.budget === 'number' ? `≤ ${r.budget} ${r.unit}` : cell(r.budget),
        r.ok ? '✅' : '❌',
      ]
        .map((c) => ` ${c} `)
        .join('|')
        .replace(/^/, '|')
        .replace(/$/, '|'),
    ),
  ];
  const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown CPU';
  console.log(`\nNode ${process.version}, ${os.platform()} ${os.arch()}, ${os.cpus().length}× ${cpu}; medians of ${RUNS} runs (BENCH_RUNS).\n`);
  console.log(lines.join('\n'));
  console.log('');
  if (problems.length) console.log(`Errors:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
  if (over.length) console.log(`OVER BUDGET (${over.length}): ${over.map((r) => r.name).join('; ')}`);
  else console.log('All within budget.');
}
// A benchmark reports; it does not fail the build.
process.exitCode = 0;
