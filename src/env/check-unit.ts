// Every check of one env file: its example, its values, the code that reads it.
import type { Finding } from './findings.js';
import type { EnvFileUnit } from './registry.js';
import type { EnvRead } from './scan-types.js';
import type { EnvVar } from './types.js';
import { docFindings } from './check-docs.js';
import { gatherFacts, type LoadedExample, type UnitContext } from './check-facts.js';
import { publicSecretFindings } from './check-public.js';
import { valueFindings } from './check-values.js';

/** What one env file's check leaves for the cross-file comparison. */
export interface UnitValues {
  unit: EnvFileUnit;
  /** Values of the env file itself (undefined with --from-process or without the file). */
  values: Map<string, string> | undefined;
  lines: Map<string, number>;
  describe: (name: string) => EnvVar | undefined;
}

export function checkUnit(unit: EnvFileUnit, loaded: LoadedExample, reads: readonly EnvRead[], ctx: UnitContext, findings: Finding[]): UnitValues {
  const facts = gatherFacts(unit, loaded, reads, ctx, findings);
  findings.push(...docFindings(facts, ctx), ...valueFindings(facts, ctx), ...publicSecretFindings(facts));
  return { unit, values: ctx.fromProcess ? undefined : facts.dotenv?.values, lines: facts.dotenvLine, describe: facts.describe };
}
