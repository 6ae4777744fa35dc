// One vitest suite shape for "every combination of a framework's options typechecks":
// generate each project into a temp root (node_modules linked to the shared deps cache),
// confirm the in-process checker against the real `tsc` once, then check every case and
// confirm any failure with the real `tsc`, so the message is what a user would see.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureDepsCache, linkDeps } from './deps-cache.js';
import { mapPool } from './pool.js';
import { createTypechecker } from './typecheck.js';

export interface TypecheckCase {
  name: string;
}

export interface TypecheckSuite<C extends TypecheckCase> {
  title: string;
  /** Prefix of the temp folder; projects are kept there when a case fails. */
  tmpPrefix: string;
  cases: readonly C[];
  /** How many cases the matrix must have, and how that count reads, e.g. "3 storages × …". */
  expectedCount: number;
  countDescription: string;
  /** Writes the project for `c` into the empty folder `dir`. */
  write(dir: string, c: C): Promise<unknown>;
  /** Assertions on the written project (files present or absent…) before it is typechecked. */
  checkFiles(dir: string, c: C): void;
  concurrency?: number;
}

export function typecheckSuite<C extends TypecheckCase>(suite: TypecheckSuite<C>): void {
  let root = '';
  let checker: ReturnType<typeof createTypechecker>;
  const generated = new Map<string, { dir: string; error?: string }>();
  let failures = 0;

  beforeAll(async () => {
    const modules = await ensureDepsCache();
    checker = createTypechecker(modules);
    root = fs.mkdtempSync(path.join(os.tmpdir(), suite.tmpPrefix));
    // Generation is cheap; type-checking happens per test below.
    await mapPool([...suite.cases], suite.concurrency ?? 4, async (c) => {
      const dir = path.join(root, c.name.replace(/[= ]+/g, '-'));
      try {
        await suite.write(dir, c);
        await linkDeps(dir);
        generated.set(c.name, { dir });
      } catch (error) {
        generated.set(c.name, { dir, error: error instanceof Error ? error.message : String(error) });
      }
    });
  }, 25 * 60_000);

  afterAll(() => {
    if (root && failures === 0) fs.rmSync(root, { recursive: true, force: true });
    else if (root) console.log(`typecheck projects kept for inspection in ${root}`);
  });

  describe(suite.title, () => {
    test(`the matrix covers ${suite.countDescription}`, () => {
      expect(suite.cases).toHaveLength(suite.expectedCount);
    });

    // The in-process checker must agree with the real thing; one project is enough to catch a
    // harness that silently checks nothing (a false pass would hide every other case).
    test('the real `tsc --noEmit` passes on the first combination too', async () => {
      const first = suite.cases[0];
      const project = first && generated.get(first.name);
      if (!project || project.error) throw new Error(`not generated: ${project?.error ?? 'missing'}`);
      const tsc = await checker.runTsc(project.dir);
      expect(tsc.output).toBe('');
      expect(tsc.ok).toBe(true);
    }, 120_000);

    test.each([...suite.cases])('$name', async (c) => {
      failures++; // undone at the end when the case passes
      const project = generated.get(c.name);
      if (!project) throw new Error('the project was not generated');
      if (project.error) throw new Error(project.error);
      suite.checkFiles(project.dir, c);

      const result = checker.check(project.dir);
      if (!result.ok) {
        // Confirm with the real tsc and show exactly what a user would see.
        const tsc = await checker.runTsc(project.dir);
        throw new Error(
          tsc.ok
            ? `in-process check failed but tsc passed (harness bug?) in ${project.dir}:\n${result.output}`
            : `tsc --noEmit -p ${project.dir} failed:\n${tsc.output}`,
        );
      }
      failures--;
    });
  });
}
