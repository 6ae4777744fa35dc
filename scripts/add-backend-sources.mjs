// Everything `add backend` writes into an existing API, derived from templates/: the generated
// backends' verifier as it is, `add backend`'s own settings modules (Handlebars, sharing the
// generated backends' partials), and the JavaScript verifier: the TypeScript one without types
// (TypeScript's transpileModule, comments kept). Run at build time, where scripts/build.mjs puts
// the texts into the bundle in place of src/add-backend/sources.ts, so the published CLI needs
// neither typescript nor templates/ for it; from source (tests), src/add-backend/sources.ts
// calls verifierSources() itself. test/add-backend/sources.test.ts checks both give the same.
import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { COMPILE_OPTIONS } from './precompile-templates.mjs';

/** Each text add backend writes → its source under templates/ (a `.hbs` one is rendered). */
export const VERIFIER_TEMPLATES = {
  'verify-jwt.ts': 'backend-node/backend/src/auth.ts',
  'config.ts': 'add-backend/node/config.ts.hbs',
  'require-auth-express.ts': 'backend-express/backend/src/require-auth.ts',
  'require-auth-fastify.ts': 'backend-fastify/backend/src/require-auth.ts',
  'require-auth-hono.ts': 'backend-hono/backend/src/require-auth.ts',
  'require-auth.cjs': 'add-backend/cjs/require-auth.js',
  'auth.py': 'backend-fastapi/backend/auth.py',
  'auth_settings.py': 'add-backend/fastapi/auth_settings.py.hbs',
};

/** Handlebars as src/plan/handlebars.ts sets it up for these templates: templates/_partials registered. */
function handlebarsWithPartials(templatesRoot) {
  const hb = Handlebars.create();
  const partials = join(templatesRoot, '_partials');
  for (const file of readdirSync(partials)) {
    if (file.endsWith('.hbs')) hb.registerPartial(file.slice(0, file.indexOf('.')), readFileSync(join(partials, file), 'utf8'));
  }
  return hb;
}

/** A template rendered as src/plan/handlebars.ts renders it: the same options, the same partials, no context. */
function rendered(hb, templatesRoot, rel) {
  const source = readFileSync(join(templatesRoot, rel), 'utf8');
  return rel.endsWith('.hbs') ? hb.compile(source, COMPILE_OPTIONS)({}) : source;
}

/** `source` (TypeScript, from templates/<rel>) without its types. */
export function transpiled(source, rel) {
  const { outputText } = ts.transpileModule(source, {
    fileName: rel.replace(/\.hbs$/, ''),
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, removeComments: false, newLine: ts.NewLineKind.LineFeed },
  });
  return `// Generated from templates/${rel} by create-better-auth-jwt: the same code as the TypeScript backends, without types.\n${outputText}`;
}

/** Every text add backend writes, by name: those of VERIFIER_TEMPLATES, and `<name>.js` for each `<name>.ts`. */
export function verifierSources(templatesRoot) {
  const hb = handlebarsWithPartials(templatesRoot);
  const sources = {};
  for (const [name, rel] of Object.entries(VERIFIER_TEMPLATES)) {
    sources[name] = rendered(hb, templatesRoot, rel);
    if (name.endsWith('.ts')) sources[name.replace(/\.ts$/, '.js')] = transpiled(sources[name], rel);
  }
  return sources;
}

/** The module that replaces src/add-backend/sources.ts in the bundle. */
export function verifierSourcesModule(templatesRoot) {
  return `const SOURCES = ${JSON.stringify(verifierSources(templatesRoot), null, 1)};\nexport async function verifierSources() { return SOURCES; }\n`;
}
