// `create-better-auth-jwt --help` start-up against a bare `node -e 0`.
import { BIN, compare, round, RUNS, timeRun } from './lib.mjs';

const BUDGET_RATIO = 2.5;

export async function run({ runs = RUNS } = {}) {
  const { a: help, b: node } = compare(
    runs,
    () => timeRun(process.execPath, [BIN, '--help']),
    () => timeRun(process.execPath, ['-e', '0']),
  );
  // Judged on the ratio as printed (2 decimals), so the table never contradicts itself.
  const ratio = round(help / node, 2);
  return [
    {
      name: '`--help` start-up',
      value: round(help * 1000, 1),
      unit: 'ms',
      baseline: `\`node -e 0\`: ${round(node * 1000, 1)} ms`,
      ratio,
      budget: `< ${BUDGET_RATIO}× node`,
      ok: ratio < BUDGET_RATIO,
    },
  ];
}
