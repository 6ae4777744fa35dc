// Code vs documentation for one env file: reads its example lacks, variables its example
// documents that nothing reads, and the example itself missing.
import { finding, type Finding } from './findings.js';
import { isPlatformVar, READ_BY_LIBRARIES } from './names.js';
import { isReadByRuntime } from './runtime-reads.js';
import type { EnvRead } from './scan-types.js';
import { isToolingFile } from './tooling-files.js';
import type { UnitContext, UnitFacts } from './check-facts.js';

/** The first read by app code, else the first read (then only tooling reads the name). */
function firstAppRead(list: readonly EnvRead[]): { read: EnvRead; tooling: boolean } {
  const app = list.find((r) => !isToolingFile(r.file));
  return app ? { read: app, tooling: false } : { read: list[0] as EnvRead, tooling: true };
}

function undocumentedFindings(facts: UnitFacts, ctx: UnitContext): Finding[] {
  const { unit, example, exampleByName, registryByName } = facts;
  const findings: Finding[] = [];
  for (const [name, list] of facts.readsByName) {
    if (isPlatformVar(name) || exampleByName.has(name)) continue;
    const { read: first, tooling } = firstAppRead(list);
    const more = list.length > 1 ? ` (read in ${list.length} places)` : '';
    const elsewhere = ctx.documentedIn(name).filter((f) => f !== unit.example);
    const hint = example === undefined ? `there is no ${unit.example}` : registryByName.has(name) ? `run gen env to add it to ${unit.example}` : `add it to ${unit.example} with a comment`;
    const also = elsewhere.length ? ` (${elsewhere.join(', ')} documents it, but that is another env file: this code does not load it)` : '';
    const where = { variable: name, file: first.file, line: first.line };
    if (tooling) findings.push(finding('undocumented-tooling', `${name} is read only by tests or tooling, and not documented in ${unit.example}${more}${also}; ${hint}, or set it where they run`, where));
    else findings.push(finding('undocumented', `${name} is read here but not documented in ${unit.example}${more}${also}; ${hint}`, where));
  }
  return findings;
}

function exampleMissingFindings(facts: UnitFacts): Finding[] {
  const { unit, unitRegistry } = facts;
  if (facts.example !== undefined || facts.exampleStatus !== 'absent') return [];
  // Variables only tests or tooling read do not make the example necessary (undocumented-tooling says it).
  const needs = [...facts.readsByName].filter(([n, list]) => !isPlatformVar(n) && list.some((r) => !isToolingFile(r.file))).length + (unitRegistry?.length ?? 0);
  if (needs === 0) return [];
  const what = facts.isRoot ? 'every variable the project reads' : `every variable ${facts.codeWhere} reads`;
  return [finding('example-missing', `there is no ${unit.example}: document ${what} there${unitRegistry ? ' (gen env writes it)' : ''}`, { file: unit.example })];
}

function exampleFindings(facts: UnitFacts): Finding[] {
  const { unit, example, exampleByName, readsByName } = facts;
  if (example === undefined) return [];
  const findings: Finding[] = [];
  for (const v of facts.unitRegistry ?? []) {
    if (exampleByName.has(v.name) || readsByName.has(v.name)) continue;
    findings.push(finding('not-in-example', `${v.name} is a variable of this project but is missing from ${unit.example}; run gen env`, { variable: v.name, file: unit.example }));
  }
  for (const e of example) {
    if (readsByName.has(e.name) || READ_BY_LIBRARIES.has(e.name) || isReadByRuntime(e.name)) continue;
    findings.push(finding('unused', `${e.name} is documented but never read by ${facts.codeWhere}`, { variable: e.name, file: unit.example, line: e.line }));
  }
  return findings;
}

export function docFindings(facts: UnitFacts, ctx: UnitContext): Finding[] {
  return [...undocumentedFindings(facts, ctx), ...exampleMissingFindings(facts), ...exampleFindings(facts)];
}
