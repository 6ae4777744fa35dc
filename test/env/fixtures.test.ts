// The fixture corpus: each project in test/fixtures/env has one defect (or a few), and
// expected.json lists the EXACT findings `check env` must report (rule, variable, file,
// line — null where there is none) and the exit code. Clean projects expect none.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheckEnvCommand } from '../../src/commands/check-env.js';
import { checkEnv } from '../../src/env/check.js';
import { fixtureEnvVarsFor } from './fixture-registry.js';
import { captureIo, FIXTURES, fixtureNames, materialise } from './helpers.js';

interface Expected {
  about: string;
  git?: boolean;
  gitAdd?: string[];
  strict?: boolean;
  fromProcess?: Record<string, string>;
  exitCode: number;
  findings: Array<[string, string | null, string | null, number | null]>;
  /** Values that must never appear in any output format. */
  secrets?: string[];
}

describe('check env on the fixture corpus', () => {
  for (const name of fixtureNames()) {
    const expected = JSON.parse(readFileSync(path.join(FIXTURES, name, 'expected.json'), 'utf8')) as Expected;
    it(`${name}: ${expected.about}`, async () => {
      const dir = materialise(name, expected);
      const inject = { envVarsFor: fixtureEnvVarsFor, ...(expected.fromProcess ? { processEnv: expected.fromProcess } : {}) };
      const result = await checkEnv({ cwd: dir, strict: expected.strict ?? false, fromProcess: expected.fromProcess !== undefined, ...inject });
      const actual = result.findings.map((f) => [f.rule, f.variable ?? null, f.file ?? null, f.line ?? null]);
      expect(actual).toEqual(expected.findings);

      for (const format of ['text', 'json', 'github']) {
        const io = captureIo();
        const code = await runCheckEnvCommand({ cwd: dir, format, strict: expected.strict ?? false, fromProcess: expected.fromProcess !== undefined }, io, inject);
        expect(code, format).toBe(expected.exitCode);
        for (const secret of expected.secrets ?? []) {
          expect(io.out() + io.err(), `${format} output leaks a secret`).not.toContain(secret);
        }
        if (format === 'json') expect(JSON.parse(io.out()).findings).toHaveLength(expected.findings.length);
      }
    });
  }
});
