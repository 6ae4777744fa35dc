// Scaffolding the default project (`--yes --no-install --no-git`) against create-vite's
// `--template react-ts` scaffold, both writing into a fresh directory of the same temp folder.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { BIN, compare, ROOT, round, RUNS, timeRun } from './lib.mjs';

const BUDGET_RATIO = 2;
const BUDGET_SECONDS = 0.3;

function createViteBin() {
  const require = createRequire(path.join(ROOT, 'package.json'));
  const pkgPath = require.resolve('create-vite/package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin['create-vite'];
  return { bin: path.join(path.dirname(pkgPath), bin), version: pkg.version };
}

export async function run({ runs = RUNS } = {}) {
  const vite = createViteBin();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cbaj-bench-scaffold-'));
  try {
    const ours = (i) => {
      const seconds = timeRun(process.execPath, [BIN, `app-${i + 1}`, '--yes', '--no-install', '--no-git', '--pm', 'npm'], { cwd: root });
      if (!fs.existsSync(path.join(root, `app-${i + 1}`, 'lib/auth.ts'))) throw new Error('the CLI did not write the project');
      return seconds;
    };
    const theirs = (i) => {
      const seconds = timeRun(process.execPath, [vite.bin, `vite-${i + 1}`, '--template', 'react-ts', '--no-interactive', '--no-immediate'], { cwd: root });
      if (!fs.existsSync(path.join(root, `vite-${i + 1}`, 'package.json'))) throw new Error('create-vite did not write the project');
      return seconds;
    };
    const { a, b } = compare(runs, ours, theirs);
    const files = countFiles(path.join(root, 'app-1'));
    const viteFiles = countFiles(path.join(root, 'vite-1'));
    // Judged on the ratio as printed (2 decimals), so the table never contradicts itself.
    const ratio = round(a / b, 2);
    return [
      {
        name: `Scaffold the default project (${files} files)`,
        value: round(a * 1000, 1),
        unit: 'ms',
        baseline: `create-vite ${vite.version} react-ts (${viteFiles} files): ${round(b * 1000, 1)} ms`,
        ratio,
        budget: `≤ ${BUDGET_RATIO}× create-vite and < ${BUDGET_SECONDS * 1000} ms`,
        ok: ratio <= BUDGET_RATIO && a < BUDGET_SECONDS,
      },
    ];
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

function countFiles(dir) {
  let n = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) n++;
  return n;
}
