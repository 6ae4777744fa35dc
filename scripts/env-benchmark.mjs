// Real-project benchmark of `check env`: a CI check is only kept if few of its findings are
// false on real code. This runs the built CLI on a list of local checkouts and prints, per
// repository and per rule, how many findings it reported, how many files it listed and parsed,
// and its wall and CPU time. Judging which findings are false is left to a person reading the
// code. A measurement, not a test: exits 0 unless a run crashed (exit code other than 0/1, or
// output that is not JSON).
//
//   npm run build && node scripts/env-benchmark.mjs ../bench-repos/documenso ../bench-repos/dub
//   node scripts/env-benchmark.mjs --list repos.txt     one path a line (# comments allowed)
//   node scripts/env-benchmark.mjs --json …             machine output
//   node scripts/env-benchmark.mjs --gen-env-dry …      also `gen env --check`, and `gen env` in a
//                                                       temp copy, counting lost lines
//   node scripts/env-benchmark.mjs --findings …         also print every undocumented/unused finding
//   node scripts/env-benchmark.mjs --no-nested …        do not follow nested projects
//   BENCH_RUNS=5 node scripts/env-benchmark.mjs …       timing samples per repository (median; default 3)
//
// A nested project (`nested-project` info: a folder with its own .env.example) is checked too,
// as `<repo>/<folder>`, because that is what the finding tells the user to do.
//
// The checkouts are never written to: `gen env --check` writes nothing, and the writing
// `gen env` runs in a temporary copy (without node_modules and .git) that is then compared
// with the original. A "lost line" is a line of a file that existed before which occurs fewer
// times afterwards (a multiset difference, so moved lines are not lost but deleted or
// rewritten ones are).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin/create-better-auth-jwt.js');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const SKIP_DIRS = new Set(['node_modules', '.git']);

function parseArgs(argv) {
  const opts = { json: false, genEnv: false, findings: false, nested: true, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') opts.json = true;
    else if (a === '--gen-env-dry') opts.genEnv = true;
    else if (a === '--findings') opts.findings = true;
    else if (a === '--no-nested') opts.nested = false;
    else if (a === '--list' || a.startsWith('--list=')) {
      const file = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (!file) fail('--list needs a file');
      const base = path.dirname(path.resolve(file));
      for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
        const p = line.replace(/#.*/, '').trim();
        if (p) opts.paths.push(path.resolve(base, p));
      }
    } else if (a === '-h' || a === '--help') {
      console.log('usage: node scripts/env-benchmark.mjs [--json] [--gen-env-dry] [--findings] [--no-nested] [--list file] <checkout>…');
      process.exit(0);
    } else if (a.startsWith('-')) fail(`unknown option ${a}`);
    else opts.paths.push(path.resolve(a));
  }
  if (opts.paths.length === 0) fail('give one or more checkout paths, or --list <file>');
  for (const p of opts.paths) if (!fs.statSync(p, { throwIfNoEntry: false })?.isDirectory()) fail(`not a directory: ${p}`);
  return opts;
}

function fail(message) {
  console.error(`env-benchmark: ${message}`);
  process.exit(2);
}

// CPU time (user + sys) is read from GNU time where present: on a loaded machine it says more
// about the checker than wall time does.
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

function cli(args, cwd = ROOT, { cpu = false } = {}) {
  const start = process.hrtime.bigint();
  const [file, pre] = cpu && TIME ? [TIME, ['-f', '__cpu %U %S', process.execPath]] : [process.execPath, []];
  const r = spawnSync(file, [...pre, BIN, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 120_000,
    env: { ...process.env, NO_COLOR: '1', CI: '1' },
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const m = pre.length ? /__cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? '') : null;
  return { ...r, stderr: m ? r.stderr.slice(0, m.index) : r.stderr, seconds, cpuSeconds: m ? Number(m[1]) + Number(m[2]) : null };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Files listed / parsed, wherever the JSON report puts them (older builds have none). */
function fileCounts(report) {
  const found = { listed: null, parsed: null };
  const visit = (obj, depth) => {
    if (!obj || typeof obj !== 'object' || depth > 3 || Array.isArray(obj)) return;
    for (const [k, v] of Object.entries(obj)) {
      if (typeof v === 'number' && /listed/i.test(k) && found.listed === null) found.listed = v;
      else if (typeof v === 'number' && /parsed/i.test(k) && found.parsed === null) found.parsed = v;
      else if (k !== 'findings') visit(v, depth + 1);
    }
  };
  visit(report, 0);
  return found;
}

function gitFileCount(dir) {
  const r = spawnSync('git', ['ls-files'], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return r.status === 0 ? r.stdout.split('\n').filter(Boolean).length : null;
}

function gitCommit(dir) {
  const r = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

function checkEnv(dir) {
  const samples = [];
  const cpuSamples = [];
  let last;
  for (let i = 0; i <= RUNS; i++) {
    last = cli(['check', 'env', '--format', 'json', '--cwd', dir], ROOT, { cpu: true });
    if (i > 0) samples.push(last.seconds); // the first run warms the file-system cache
    if (i > 0 && last.cpuSeconds !== null) cpuSamples.push(last.cpuSeconds);
    if (last.status !== 0 && last.status !== 1) break;
  }
  let report = null;
  let crash = null;
  if (last.error) crash = String(last.error.message ?? last.error);
  else if (last.status !== 0 && last.status !== 1) crash = `exit ${last.status ?? last.signal}: ${last.stderr.trim().split('\n').slice(-3).join(' / ')}`;
  else {
    try {
      report = JSON.parse(last.stdout);
    } catch {
      crash = `output is not JSON: ${last.stdout.slice(0, 200)}`;
    }
  }
  const perRule = {};
  for (const f of report?.findings ?? []) {
    const key = `${f.rule} (${f.severity})`;
    perRule[key] = (perRule[key] ?? 0) + 1;
  }
  return {
    seconds: samples.length ? median(samples) : last.seconds,
    cpuSeconds: cpuSamples.length ? median(cpuSamples) : null,
    exit: last.status, crash, perRule, findings: report?.findings ?? [], ...fileCounts(report) };
}

function walk(dir, rel = '', out = []) {
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    if (SKIP_DIRS.has(e.name)) continue;
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) walk(dir, r, out);
    else if (e.isFile()) out.push(r);
  }
  return out;
}

/** Non-blank lines of `before` missing from `after`, and lines `after` added (multisets). */
export function lineDiff(before, after) {
  const count = new Map();
  for (const l of after.split(/\r?\n/)) count.set(l, (count.get(l) ?? 0) + 1);
  let lost = 0;
  for (const l of before.split(/\r?\n/)) {
    const n = count.get(l) ?? 0;
    if (n > 0) count.set(l, n - 1);
    else if (l.trim() !== '') lost++; // a removed blank line is not counted as lost content
  }
  let added = 0;
  for (const n of count.values()) added += n;
  return { lost, added };
}

/** `gen env --check` on the checkout (writes nothing), then `gen env` in a temp copy. */
function genEnv(dir) {
  const check = cli(['gen', 'env', '--check', '--cwd', dir]);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'env-bench-'));
  const copy = path.join(tmp, path.basename(dir));
  try {
    fs.cpSync(dir, copy, { recursive: true, filter: (src) => !SKIP_DIRS.has(path.basename(src)) });
    const before = new Map(walk(copy).map((f) => [f, fs.readFileSync(path.join(copy, f))]));
    const write = cli(['gen', 'env', '--cwd', copy]);
    const changed = [];
    const created = [];
    let lost = 0;
    for (const f of walk(copy)) {
      const now = fs.readFileSync(path.join(copy, f));
      const was = before.get(f);
      if (!was) created.push(f);
      else if (!was.equals(now)) {
        const { lost: n, added } = lineDiff(was.toString('utf8'), now.toString('utf8'));
        lost += n;
        changed.push({ file: f, lostLines: n, addedLines: added });
      }
    }
    const deleted = [...before.keys()].filter((f) => !fs.existsSync(path.join(copy, f)));
    return {
      check: { exit: check.status, seconds: check.seconds, firstLine: (check.stdout + check.stderr).trim().split('\n')[0] ?? '' },
      write: { exit: write.status, firstLine: (write.stdout + write.stderr).trim().split('\n')[0] ?? '' },
      changed,
      created,
      deleted,
      lostLines: lost,
    };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function benchmark(opts) {
  const results = [];
  const queue = opts.paths.map((p) => ({ dir: p, label: path.basename(p) }));
  while (queue.length) {
    const { dir, label } = queue.shift();
    if (!opts.json) process.stderr.write(`env-benchmark: ${label}…\n`);
    const check = checkEnv(dir);
    const row = { repository: label, path: dir, commit: gitCommit(dir), gitFiles: gitFileCount(dir), ...check };
    if (opts.genEnv) row.genEnv = genEnv(dir);
    results.push(row);
    if (opts.nested) {
      for (const f of check.findings) {
        if (f.rule === 'nested-project' && f.file) queue.push({ dir: path.join(dir, f.file), label: `${label}/${f.file}` });
      }
    }
  }
  return results;
}

function printText(results, opts) {
  const rules = [...new Set(results.flatMap((r) => Object.keys(r.perRule)))].sort();
  const cols = results.map((r) => r.repository);
  const table = (head, rows) => {
    console.log(`| ${head.join(' | ')} |`);
    console.log(`| ${head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`);
    for (const row of rows) console.log(`| ${row.join(' | ')} |`);
    console.log('');
  };
  const show = (v) => (v === null || v === undefined ? '—' : String(v));
  table(
    ['repository', 'commit', 'git files', 'listed', 'parsed', 'wall (s, median)', 'CPU (s, median)', 'exit'],
    results.map((r) => [r.repository, show(r.commit?.slice(0, 12)), show(r.gitFiles), show(r.listed), show(r.parsed), r.seconds.toFixed(3), r.cpuSeconds === null ? '—' : r.cpuSeconds.toFixed(2), r.crash ? `CRASH: ${r.crash}` : show(r.exit)]),
  );
  table(
    ['rule (severity)', ...cols, 'total'],
    rules.map((rule) => {
      const counts = results.map((r) => r.perRule[rule] ?? 0);
      return [rule, ...counts.map(String), String(counts.reduce((a, b) => a + b, 0))];
    }),
  );
  if (opts.genEnv) {
    table(
      ['repository', 'gen env --check', 'gen env (copy)', 'files changed', 'files created', 'files deleted', 'lost lines'],
      results.map((r) => {
        const g = r.genEnv;
        return [
          r.repository,
          `exit ${g.check.exit}`,
          `exit ${g.write.exit}`,
          g.changed.map((c) => `${c.file} (−${c.lostLines} +${c.addedLines})`).join(', ') || '—',
          g.created.join(', ') || '—',
          g.deleted.join(', ') || '—',
          String(g.lostLines),
        ];
      }),
    );
  }
  if (opts.findings) {
    for (const r of results) {
      for (const f of r.findings) {
        if (f.rule === 'undocumented' || f.rule === 'unused') console.log(`${r.repository}\t${f.rule}\t${f.variable ?? ''}\t${f.file ?? ''}:${f.line ?? ''}`);
      }
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(ROOT, 'dist/cli.js'))) fail('dist/ is missing: run `npm run build` first');
  const results = benchmark(opts);
  if (opts.json) console.log(JSON.stringify({ node: process.version, runs: RUNS, results }, null, 2));
  else printText(results, opts);
  if (results.some((r) => r.crash)) process.exitCode = 1;
}
