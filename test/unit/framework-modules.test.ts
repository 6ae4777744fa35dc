// A framework is one module (src/features/define-framework.ts): its features apply to its own
// projects only, and the templates shared across frameworks learn what differs from the
// profile, never by testing a framework's name.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRAMEWORK_MODULES, FRAMEWORK_PROFILES } from '../../src/features/frameworks.js';
import { FRAMEWORKS } from '../../src/options/choices.js';
import { defaultProjectOptions } from '../../src/options/schema.js';
import { packageRoot } from '../../src/plan/disk-store.js';

const TEMPLATES = join(packageRoot(), 'templates');

function templateFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return templateFiles(path);
    return entry.name.endsWith('.hbs') ? [path] : [];
  });
}

describe('framework modules', () => {
  it('one module per framework choice, each registered once', () => {
    expect(FRAMEWORK_MODULES.map((m) => m.id).sort()).toEqual([...FRAMEWORKS].sort());
    for (const id of FRAMEWORKS) expect(FRAMEWORK_PROFILES[id].label).toBe(FRAMEWORK_MODULES.find((m) => m.id === id)!.label);
  });

  it("a module's features apply to its own framework's projects only", () => {
    for (const module of FRAMEWORK_MODULES) {
      for (const framework of FRAMEWORKS) {
        const options = { ...defaultProjectOptions('app'), framework };
        const applying = module.features.filter((f) => f.applies(options)).map((f) => f.id);
        if (framework !== module.id) expect(applying, `${module.id} in a ${framework} project`).toEqual([]);
        else expect(applying.length, `${module.id} in its own project`).toBeGreaterThan(0);
      }
    }
  });

  it("no template tests a framework's name (framework, or a backend that is a framework's own routes)", () => {
    const names = FRAMEWORKS.map((f) => f.replace(/[-]/g, '\\-')).join('|');
    const test = new RegExp(`\\(\\s*(?:eq|ne)\\s+(?:framework\\b|backend\\s+"(?:${names})")|\\b(?:eq|ne)\\s+framework\\b`);
    const offenders = templateFiles(TEMPLATES).filter((file) => test.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
