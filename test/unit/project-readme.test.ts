// The generated project's README is written once: the sections every framework shares live in
// templates/_partials, and a framework's README template supplies only what differs (its
// intro, its routes, its production notes) as inline partials.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRAMEWORK_MODULES } from '../../src/features/frameworks.js';
import { defaultProjectOptions } from '../../src/options/schema.js';
import { packageRoot } from '../../src/plan/disk-store.js';

const TEMPLATES = join(packageRoot(), 'templates');
/** The README sections shared by every framework, and the whole README of the apps that host their own auth server. */
const SHARED_SECTIONS = ['readme-setup', 'readme-security'];
const PARTIALS = [...SHARED_SECTIONS, 'project-readme'];

function partialSource(name: string): string {
  return readFileSync(join(TEMPLATES, '_partials', `${name}.md.hbs`), 'utf8');
}

/** The README.md.hbs of each framework, from the template folders its features use. */
function frameworkReadmes(): { id: string; path: string }[] {
  return FRAMEWORK_MODULES.map((module) => {
    const options = { ...defaultProjectOptions('app'), framework: module.id };
    const dirs = module.features.filter((f) => f.applies(options)).flatMap((f) => f.templateDirs(options));
    const found = dirs.map((dir) => join(TEMPLATES, dir, 'README.md.hbs')).filter((path) => existsSync(path));
    expect(found, `${module.id}'s README template`).toHaveLength(1);
    return { id: module.id, path: found[0] as string };
  });
}

/** The partials a template includes itself, and those they include in turn. */
function includedPartials(source: string, seen = new Set<string>()): Set<string> {
  for (const [, name] of source.matchAll(/\{\{#?> ?([\w-]+)/g)) {
    if (name === undefined || seen.has(name) || !existsSync(join(TEMPLATES, '_partials', `${name}.md.hbs`))) continue;
    seen.add(name);
    includedPartials(partialSource(name), seen);
  }
  return seen;
}

const isProse = (line: string) => line.length >= 30 && !line.startsWith('{{') && !line.startsWith('#');

/**
 * A copy: two lines of prose in a row (one line alike may be chance), or a heading. Code
 * samples are left out: a protected route is written in each framework's own idiom.
 */
function copyMarks(source: string): { runs: string[]; headings: string[] } {
  const lines = source
    .split(/^```.*$[^]*?^```$/m)
    .join('')
    .split('\n')
    .map((line) => line.trim());
  return {
    runs: lines.slice(1).flatMap((line, i) => (isProse(lines[i] as string) && isProse(line) ? [`${lines[i]}\n${line}`] : [])),
    headings: lines.filter((line) => line.startsWith('#')),
  };
}

describe('the generated project README', () => {
  it("every framework's README renders the shared Setup and Security sections from templates/_partials", () => {
    for (const { id, path } of frameworkReadmes()) {
      const used = includedPartials(readFileSync(path, 'utf8'));
      for (const name of SHARED_SECTIONS) expect(used.has(name), `${id} includes ${name}`).toBe(true);
    }
  });

  it("no two lines of prose of the shared README partials, nor a heading of those it includes, are written again in a framework's README template", () => {
    const runs = new Set(PARTIALS.flatMap((name) => copyMarks(partialSource(name)).runs));
    for (const { id, path } of frameworkReadmes()) {
      const source = readFileSync(path, 'utf8');
      const headings = new Set([...includedPartials(source)].flatMap((name) => copyMarks(partialSource(name)).headings));
      const own = copyMarks(source);
      const copied = [...own.runs.filter((run) => runs.has(run)), ...own.headings.filter((heading) => headings.has(heading))];
      expect(copied, `${id}'s README repeats the partials`).toEqual([]);
    }
  });
});
