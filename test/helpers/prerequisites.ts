// Tools a suite needs from the machine (Debian packages, binaries). In CI a missing one is a
// failure: .ci/run installs every prerequisite, so a skip there would hide breakage. Locally the
// suite is skipped, and the run ends with a list of what was skipped and why
// (test/helpers/prerequisites-summary.ts, a vitest globalSetup).
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where each skipped suite leaves one file for the end-of-run summary (one file per skip: workers run in parallel). */
    prerequisiteSkipsDir: string | undefined;
  }
}

export interface Prerequisite {
  /** The suite that needs it, as the summary names it. */
  suite: string;
  /** What it needs, e.g. "`script` (util-linux)". */
  needs: string;
  /** undefined when present; otherwise why it is not (the probe's error). */
  missing: string | undefined;
  /** The command that installs it. */
  install: string;
}

/** Whether this is a CI run: CI set to anything but '', 'false' or '0'. */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI?.trim().toLowerCase();
  return ci !== undefined && !['', 'false', '0'].includes(ci);
}

/**
 * Returns undefined when the prerequisite is present. When it is missing: throws in CI (the test
 * file fails), and otherwise returns the reason to skip with, after recording it for the summary.
 */
export function requirePrerequisite(p: Prerequisite): string | undefined {
  if (p.missing === undefined) return undefined;
  const reason = `missing ${p.needs}: ${p.missing} (install: ${p.install})`;
  if (isCi()) throw new Error(`${p.suite}: ${reason}. CI must install every prerequisite (.ci/run).`);
  console.warn(`[skipped] ${p.suite}: ${reason}`);
  const dir = providedSkipsDir();
  if (dir) writeFileSync(path.join(dir, `${process.pid}-${randomUUID()}.txt`), `${p.suite}\t${reason}\n`);
  return reason;
}

function providedSkipsDir(): string | undefined {
  try {
    return inject('prerequisiteSkipsDir');
  } catch {
    return undefined; // outside vitest, or a config without the summary: the warning above stays
  }
}
