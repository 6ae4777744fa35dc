// `add backend` writes the generated backends' verifier into existing JavaScript APIs too.
// Their TypeScript source stays the one truth: this script strips the types (TypeScript's
// transpileModule, comments kept) into templates/add-backend/js/, and
// test/add-backend/js-templates.test.ts fails when a committed file differs from a fresh run.
//   node scripts/add-backend-js.mjs          rewrite templates/add-backend/js/
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Output file (under templates/add-backend/js/) → its TypeScript source (under templates/). */
export const JS_SOURCES = {
  'verify-jwt.js': 'backend-node/backend/src/auth.ts',
  'config.js': 'add-backend/node/config.ts',
  'require-auth-express.js': 'backend-express/backend/src/require-auth.ts',
  'require-auth-fastify.js': 'backend-fastify/backend/src/require-auth.ts',
  'require-auth-hono.js': 'backend-hono/backend/src/require-auth.ts',
};

export function transpiled(source, fileName) {
  const { outputText } = ts.transpileModule(source, {
    fileName,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, removeComments: false, newLine: ts.NewLineKind.LineFeed },
  });
  return `// Generated from templates/${fileName} by scripts/add-backend-js.mjs: the same code as the TypeScript backends, without types.\n${outputText}`;
}

/** Every file of templates/add-backend/js/ as it should be. */
export function jsTemplates(root = ROOT) {
  return Object.fromEntries(
    Object.entries(JS_SOURCES).map(([out, source]) => [out, transpiled(readFileSync(join(root, 'templates', source), 'utf8'), source)]),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = join(ROOT, 'templates/add-backend/js');
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(jsTemplates())) writeFileSync(join(dir, file), text);
  console.log(`wrote ${Object.keys(JS_SOURCES).length} files to templates/add-backend/js/`);
}
