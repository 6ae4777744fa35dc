// Code vs documentation for one env file: reads its example lacks, variables its example
// documents that nothing reads, and the example itself missing.
import { finding, type Finding } from './findings.js';
import { libraryReads } from './library-reads.js';
import { hostsOf, isPlatformVar } from './names.js';
import { isSetForWorkflow } from './platform-vars.js';
import { isReadByRuntime } from './runtime-reads.js';
import type { EnvRead } from './scan-types.js';
import { toolingFiles } from './tooling-files.js';
import type { UnitContext, UnitFacts } from './check-facts.js';
import type { DependentExample } from './check-workspace.js';

/** Reads of a name that no example covering them documents. */
interface Undocumented {
  name: string;
  reads: EnvRead[];
  /** One of them is app code of this project's own (not tooling, nor in a package apps with their own example depend on). */
  ownAppRead: boolean;
}

/**
 * Reads no example documents, neither of the name nor of a name read with it as a fallback
 * (`env.A ?? env.B`). A read in a workspace package that apps with their own example
 * depend on (at the workspace root) is documented by any of those examples, or by this one.
 */
function undocumentedReads(facts: UnitFacts, ctx: UnitContext, isTooling: (file: string) => boolean): Undocumented[] {
  const out: Undocumented[] = [];
  const setByScripts = ctx.setByScripts?.(facts.unit.dir);
  const noExample = facts.example === undefined && facts.exampleStatus === 'absent';
  // Netlify's generic names (URL, CONTEXT) are the platform's only where the code deploys there.
  const hosts = hostsOf(ctx.root, facts.unit.dir);
  for (const [name, list] of facts.readsByName) {
    if (isPlatformVar(name, hosts) || facts.exampleByName.has(name) || setByScripts?.has(name)) continue;
    const reads: EnvRead[] = [];
    let ownAppRead = false;
    for (const r of list) {
      const examples = ctx.workspace?.examplesFor(r.file) ?? [];
      const documented = (n: string) => facts.exampleByName.has(n) || examples.some((e) => e.documents(n));
      // A fallback of a documented variable (env.A ?? env.B) needs no documentation of its own.
      if (documented(name) || (r.alternatives ?? []).some(documented)) continue;
      // An override of a default the code has (Nuxt's runtimeConfig) need not be set, nor documented;
      // nor does the workflow token that scripts/ and .github/ read.
      if (r.optional || isSetForWorkflow(name, r.file)) continue;
      if (noExample && ctx.committedEnvDocuments?.(r.file, name)) continue;
      reads.push(r);
      if (examples.length === 0 && !isTooling(r.file)) ownAppRead = true;
    }
    if (reads.length > 0) out.push({ name, reads, ownAppRead });
  }
  return out;
}

/** The first read by app code, else the first read (then only tooling reads the name). */
function firstAppRead(list: readonly EnvRead[], isTooling: (file: string) => boolean): { read: EnvRead; tooling: boolean } {
  const app = list.find((r) => !isTooling(r.file));
  return app ? { read: app, tooling: false } : { read: list[0] as EnvRead, tooling: true };
}

function undocumentedFindings(facts: UnitFacts, ctx: UnitContext, pending: readonly Undocumented[], isTooling: (file: string) => boolean): Finding[] {
  const { unit, example, registryByName } = facts;
  const findings: Finding[] = [];
  for (const { name, reads } of pending) {
    const list = facts.readsByName.get(name) ?? reads;
    const { read: first, tooling } = firstAppRead(reads, isTooling);
    const more = list.length > 1 ? ` (read in ${list.length} places)` : '';
    const elsewhere = ctx.documentedIn(name).filter((f) => f !== unit.example);
    const also = elsewhere.length ? ` (${elsewhere.join(', ')} documents it, but that is another env file: this code does not load it)` : '';
    const apps: DependentExample[] = ctx.workspace?.examplesFor(first.file) ?? [];
    const pkg = ctx.workspace?.packageOf(first.file);
    const inPackage = pkg ? ` (${pkg})` : '';
    let where: string;
    let hint: string;
    if (apps.length > 0) {
      const examples = [...(example === undefined ? [] : [unit.example]), ...apps.map((a) => a.example)];
      where = examples.length === 1
        ? `in ${examples.join('')} (the example of the app that depends on it)`
        : `in any of ${examples.join(', ')} (the examples of ${example === undefined ? '' : 'this project and of '}the apps that depend on it)`;
      hint = `add it to the example of each app that needs it`;
    } else {
      where = `in ${unit.example}`;
      hint = example === undefined ? `there is no ${unit.example}` : registryByName.has(name) ? `run gen env to add it to ${unit.example}` : `add it to ${unit.example} with a comment`;
    }
    const at = { variable: name, file: first.file, line: first.line };
    if (tooling) findings.push(finding('undocumented-tooling', `${name} is read only by tests or tooling${inPackage}, and not documented ${where}${more}${also}; ${hint}, or set it where they run`, at));
    else findings.push(finding('undocumented', `${name} is read here${inPackage} but not documented ${where}${more}${also}; ${hint}`, at));
  }
  return findings;
}

function exampleMissingFindings(facts: UnitFacts, pending: readonly Undocumented[]): Finding[] {
  const { unit, unitRegistry } = facts;
  if (facts.example !== undefined || facts.exampleStatus !== 'absent') return [];
  // Only this project's own app reads make its example necessary: a tooling read is
  // undocumented-tooling, a package read is the business of the apps depending on it.
  const needs = pending.filter((u) => u.ownAppRead).length + (unitRegistry?.length ?? 0);
  if (needs === 0) return [];
  const what = facts.isRoot ? 'every variable the project reads' : `every variable ${facts.codeWhere} reads`;
  return [finding('example-missing', `there is no ${unit.example}: document ${what} there${unitRegistry ? ' (gen env writes it)' : ''}`, { file: unit.example })];
}

function exampleFindings(facts: UnitFacts, ctx: UnitContext): Finding[] {
  const { unit, example, exampleByName, readsByName } = facts;
  if (example === undefined) return [];
  const findings: Finding[] = [];
  for (const v of facts.unitRegistry ?? []) {
    if (exampleByName.has(v.name) || readsByName.has(v.name)) continue;
    findings.push(finding('not-in-example', `${v.name} is a variable of this project but is missing from ${unit.example}; run gen env`, { variable: v.name, file: unit.example }));
  }
  const readElsewhere = ctx.workspace?.readByDependencies;
  const readByLibrary = ctx.readByLibraries?.(unit.dir) ?? libraryReads(new Set());
  for (const e of example) {
    if (readsByName.has(e.name) || readElsewhere?.has(e.name) || readByLibrary(e.name) || isReadByRuntime(e.name) || facts.referencedInValues.has(e.name)) continue;
    // A commented-out entry (# NAME=) documents an optional variable: stale all the same when nothing reads it.
    const how = e.commented ? ' (commented out)' : '';
    findings.push(finding('unused', `${e.name} is documented${how} but never read by ${facts.codeWhere}`, { variable: e.name, file: unit.example, line: e.line }));
  }
  return findings;
}

export function docFindings(facts: UnitFacts, ctx: UnitContext): Finding[] {
  const isTooling = toolingFiles(ctx.root);
  const pending = undocumentedReads(facts, ctx, isTooling);
  return [...undocumentedFindings(facts, ctx, pending, isTooling), ...exampleMissingFindings(facts, pending), ...exampleFindings(facts, ctx)];
}
