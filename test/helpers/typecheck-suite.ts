// One vitest suite shape for "every combination of a framework's options typechecks":
// generate each project into a temp root (node_modules linked to the shared deps cache),
// then check every case. By default the check is the project's `tsc --noEmit`, in process
// (confirmed against the real `tsc` once, and any failure confirmed with the real `tsc` so the
// message is what a user would see). A suite with its own tooling (svelte-check, vue-tsc) names
// its command instead, and a control case with a planted error that must fail it.
// Projects are kept for inspection when a case fails.
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

export interface CheckResult {
  ok: boolean;
  output: string;
}

/** The project's own type check, when it is not plain `tsc --noEmit`. */
export interface ProjectCheck<R extends CheckResult> {
  /** What the failure message calls it: "`<label>` failed in <dir>". */
  label: string;
  /** Runs the check in `dir` (written, deps linked). */
  run(dir: string): Promise<R>;
  /** `setup`: in beforeAll, right after each project is written (in the same pool); `test`: in each case's test. */
  when: 'setup' | 'test';
  /** Timeout of the tests that run the check (when: 'test'). */
  timeout?: number;
  /** More assertions on a passing result (counts…). */
  expectPassed?(result: R, dir: string): void;
  /** A project with a deliberate type error: the check must report it (it is not vacuous). */
  control: {
    title: string;
    /** Writes the control project into `dir`; without it, the control is a copy of the first case's project. */
    write?(dir: string): Promise<unknown>;
    /** Plants the error(s) in the control project. */
    plant(dir: string): void;
    expect(result: R): void;
  };
}

interface SuiteBase<C extends TypecheckCase> {
  title: string;
  /** Prefix of the temp folder; projects are kept there when a case fails. */
  tmpPrefix: string;
  cases: readonly C[];
  /** How many cases the matrix must have, and how that count reads, e.g. "3 storages × …". */
  expectedCount: number;
  countDescription: string;
  /** More assertions on the matrix itself (coverage of option pairs…). */
  checkMatrix?(): void;
  /** Writes the project for `c` into the empty folder `dir`. */
  write(dir: string, c: C): Promise<unknown>;
  /** Assertions on the written project (files present or absent…) before it is typechecked. */
  checkFiles(dir: string, c: C): void;
  /** Projects written (and, when: 'setup', checked) at a time; 4 by default. */
  concurrency?: number;
}

export type TypecheckSuite<C extends TypecheckCase, R extends CheckResult = CheckResult> = SuiteBase<C> &
  (
    | {
        /** The project's own check, with its control. */
        check: ProjectCheck<R>;
        plantErrorIn?: never;
      }
    | {
        check?: undefined;
        /**
         * `tsc --noEmit`. Its control is a copy of the first case's project with a type error
         * planted in each of these files (relative paths): both the in-process checker and the
         * real tsc must report every one, so a checker that checks nothing cannot pass.
         */
        plantErrorIn: readonly string[];
      }
  );

/** Appended to a file of the tsc control: a string where a number is required. */
const PLANTED_TYPE_ERROR = "\n// Planted by the typecheck control.\nexport const plantedTypeError: number = 'not a number';\n";

interface Project<R> {
  dir: string;
  error?: string;
  result?: R;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function typecheckSuite<C extends TypecheckCase, R extends CheckResult = CheckResult>(suite: TypecheckSuite<C, R>): void {
  const own = suite.check;
  let root = '';
  let checker: ReturnType<typeof createTypechecker>;
  const generated = new Map<string, Project<R>>();
  let control: Project<R> | undefined;
  let failures = 0;

  /** Writes (own project) or copies (first case's) the control project and plants the error. */
  async function prepareControl(check: ProjectCheck<R>): Promise<string> {
    let dir: string;
    if (check.control.write) {
      dir = path.join(root, 'control');
      await check.control.write(dir);
      await linkDeps(dir);
    } else {
      const source = project(suite.cases[0]!.name).dir;
      dir = `${source}-broken`;
      fs.cpSync(source, dir, { recursive: true, verbatimSymlinks: true });
    }
    check.control.plant(dir);
    return dir;
  }

  /** The control, checked during set-up. */
  async function checkControl(check: ProjectCheck<R>): Promise<Project<R>> {
    try {
      const dir = await prepareControl(check);
      return { dir, result: await check.run(dir) };
    } catch (error) {
      return { dir: '', error: message(error) };
    }
  }

  function project(name: string): Project<R> {
    const p = generated.get(name);
    if (!p) throw new Error('the project was not generated');
    if (p.error) throw new Error(p.error);
    return p;
  }

  beforeAll(async () => {
    const modules = await ensureDepsCache();
    if (!own) checker = createTypechecker(modules);
    root = fs.mkdtempSync(path.join(os.tmpdir(), suite.tmpPrefix));
    const setup = own?.when === 'setup' ? own : undefined;
    type Job = { c: C } | { control: true };
    const jobs: Job[] = suite.cases.map((c) => ({ c }));
    // A control project of its own is written (and checked) along with the cases.
    if (setup?.control.write) jobs.push({ control: true });
    await mapPool(jobs, suite.concurrency ?? 4, async (job) => {
      if (!('c' in job)) {
        control = await checkControl(setup!);
        return;
      }
      const dir = path.join(root, job.c.name.replace(/[= ]+/g, '-'));
      try {
        await suite.write(dir, job.c);
        await linkDeps(dir);
        generated.set(job.c.name, { dir, result: setup ? await setup.run(dir) : undefined });
      } catch (error) {
        generated.set(job.c.name, { dir, error: message(error) });
      }
    });
    // A control copied from the first case needs that case written first.
    if (setup && !setup.control.write) control = await checkControl(setup);
  }, 25 * 60_000);

  afterAll(() => {
    if (root && failures === 0) fs.rmSync(root, { recursive: true, force: true });
    else if (root) console.log(`typecheck projects kept for inspection in ${root}`);
  });

  describe(suite.title, () => {
    test(`the matrix covers ${suite.countDescription}`, () => {
      expect(suite.cases).toHaveLength(suite.expectedCount);
      suite.checkMatrix?.();
    });

    if (!own) {
      // The in-process checker must agree with the real thing; one project is enough to catch a
      // harness that silently checks nothing (a false pass would hide every other case).
      test('the real `tsc --noEmit` passes on the first combination too', async () => {
        const tsc = await checker.runTsc(project(suite.cases[0]!.name).dir);
        expect(tsc.output).toBe('');
        expect(tsc.ok).toBe(true);
      }, 120_000);

      test('the in-process checker and the real `tsc` report planted type errors (the check is not vacuous)', async () => {
        failures++;
        expect(suite.plantErrorIn.length).toBeGreaterThan(0);
        const source = project(suite.cases[0]!.name).dir;
        const dir = `${source}-broken`;
        fs.cpSync(source, dir, { recursive: true, verbatimSymlinks: true });
        try {
          for (const file of suite.plantErrorIn) fs.appendFileSync(path.join(dir, file), PLANTED_TYPE_ERROR);
          const inProcess = checker.check(dir);
          const tsc = await checker.runTsc(dir);
          for (const [name, result] of [['in-process', inProcess], ['tsc', tsc]] as const) {
            expect(result.ok, name).toBe(false);
            expect(result.output, name).toContain('error TS2322');
            for (const file of suite.plantErrorIn) expect(result.output, `${name} reports ${file}`).toContain(`${file}(`);
          }
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
        failures--;
      }, 120_000);
    } else {
      // Guards against a vacuous pass: the planted error must fail the check.
      test(
        own.control.title,
        async () => {
          failures++;
          if (own.when === 'setup') {
            if (control?.error) throw new Error(control.error);
            own.control.expect(control!.result!);
          } else {
            const dir = await prepareControl(own);
            try {
              own.control.expect(await own.run(dir));
            } finally {
              // A copy is removed at once; a control of its own goes with the root.
              if (!own.control.write) fs.rmSync(dir, { recursive: true, force: true });
            }
          }
          failures--;
        },
        own.when === 'test' ? own.timeout : undefined,
      );
    }

    test.each([...suite.cases])(
      '$name',
      async (c) => {
        failures++; // undone at the end when the case passes
        const p = project(c.name);
        suite.checkFiles(p.dir, c);

        if (own) {
          const result = own.when === 'setup' ? p.result : await own.run(p.dir);
          if (!result?.ok) throw new Error(`${own.label} failed in ${p.dir}:\n${result?.output ?? ''}`);
          own.expectPassed?.(result, p.dir);
        } else {
          const result = checker.check(p.dir);
          if (!result.ok) {
            // Confirm with the real tsc and show exactly what a user would see.
            const tsc = await checker.runTsc(p.dir);
            throw new Error(
              tsc.ok
                ? `in-process check failed but tsc passed (harness bug?) in ${p.dir}:\n${result.output}`
                : `tsc --noEmit -p ${p.dir} failed:\n${tsc.output}`,
            );
          }
        }
        failures--;
      },
      own?.when === 'test' ? own.timeout : undefined,
    );
  });
}
