// The template sources under templates/, for tests that check what is written once (in
// templates/_partials) and who includes it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packageRoot } from '../../src/plan/disk-store.js';

export const TEMPLATES = join(packageRoot(), 'templates');

/** Every file below `dir`, as absolute paths. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** Every template as its path under templates/ (posix) and its source. */
export function templateSources(): { path: string; source: string }[] {
  return filesUnder(TEMPLATES).map((file) => ({ path: relative(TEMPLATES, file).split('\\').join('/'), source: readFileSync(file, 'utf8') }));
}

/** The templates (paths under templates/, sorted) whose source contains `text`. */
export function templatesWriting(text: string): string[] {
  return templateSources()
    .filter((t) => t.source.includes(text))
    .map((t) => t.path)
    .sort();
}
