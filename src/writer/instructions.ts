// What to tell the user about a file of an existing app that we did not write because it is
// theirs: the framework's exact lines to add (src/existing-app), or what we would have written
// as a diff against theirs. Pure: contents in, lines out.
import { unifiedDiff } from '../env/diff.js';
import { existingAppInstruction } from '../existing-app/index.js';
import type { Plan } from '../plan/plan.js';

export interface Instruction {
  /** One line: what we did not do, and whether anything is needed. */
  summary: string;
  /** Exact code/lines to add (or a diff), printed indented. Empty when nothing is needed. */
  lines: string[];
}

function lines(text: string): string[] {
  return text.replace(/\n$/, '').split('\n');
}

/**
 * The instruction for a planned file `path` that exists in the app as `actual` (the same
 * path, or the same module with another extension, e.g. a `.js` or `.mjs` config).
 */
export function instructionFor(path: string, actual: string, planned: string, current: string, plan: Plan): Instruction {
  const own = existingAppInstruction({ path, actual, planned, current, plan });
  if (own) return own;
  return {
    summary: `${actual} is yours, so it was left as it is. What we would have written, as a diff against yours:`,
    lines: lines(unifiedDiff(actual, current, planned)),
  };
}
