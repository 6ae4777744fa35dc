// vitest globalSetup: gives the workers a fresh directory for recording suites skipped for a
// missing prerequisite (test/helpers/prerequisites.ts), and lists them at the end of the run so
// a local skip is never silent. One directory per run: several runs may share this machine.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cbaj-skips-'));
  project.provide('prerequisiteSkipsDir', dir);
  return () => {
    const lines = new Set(readdirSync(dir).map((f) => readFileSync(path.join(dir, f), 'utf8').trim()));
    rmSync(dir, { recursive: true, force: true });
    if (lines.size === 0) return;
    const list = [...lines].sort().map((line) => {
      const [suite, reason] = line.split('\t');
      return `  - ${suite}: ${reason}`;
    });
    process.stderr.write(`\n!!! ${lines.size} suite(s) SKIPPED for a missing prerequisite (in CI these fail):\n${list.join('\n')}\n\n`);
  };
}
