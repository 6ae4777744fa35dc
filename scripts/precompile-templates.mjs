// Precompiles every `.hbs` file under templates/ into the source of a module that replaces
// src/plan/precompiled.ts in the bundle (see that file). The compile options must match
// src/plan/handlebars.ts; test/unit/precompiled.test.ts proves both render the same bytes.
import Handlebars from 'handlebars';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const COMPILE_OPTIONS = { noEscape: true, strict: true };

function* hbsFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* hbsFiles(path);
    else if (entry.name.endsWith('.hbs')) yield path;
  }
}

export function precompiledModuleSource(templatesRoot) {
  const entries = new Map();
  for (const file of hbsFiles(templatesRoot)) {
    const source = readFileSync(file, 'utf8');
    const key = createHash('sha1').update(source).digest('hex');
    entries.set(key, Handlebars.precompile(source, COMPILE_OPTIONS));
  }
  const body = [...entries].map(([key, spec]) => `  ${JSON.stringify(key)}: ${spec},`).join('\n');
  return [
    "import { createHash } from 'node:crypto';",
    `export const PRECOMPILED_TEMPLATES = {\n${body}\n};`,
    "export function templateKey(source) { return createHash('sha1').update(source).digest('hex'); }",
    '',
  ].join('\n');
}
