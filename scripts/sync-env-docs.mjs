#!/usr/bin/env node
// Rewrites this repository's .env.example and the README env table (between
// <!-- env-table:start --> and <!-- env-table:end -->; every other README byte is kept) from
// the env registry: the default generated project's root .env variables. Bundles the
// sources with esbuild, so it needs no build first. test/unit/repo-env-example.test.ts fails
// until this has been run after a change to the registry.
import { build } from 'esbuild';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

const tmp = await mkdtemp(join(tmpdir(), 'cbaj-sync-env-docs-'));
try {
  const outfile = join(tmp, 'env-docs.mjs');
  await build({
    absWorkingDir: root,
    stdin: {
      contents: [
        "export { envVarsFor } from './src/features/index.ts';",
        "export { repoEnvDocs } from './src/env/repo-docs.ts';",
        "export { replaceEnvTable } from './src/env/render.ts';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.12',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cbajCreateRequire } from 'node:module'; const require = __cbajCreateRequire(import.meta.url);" },
    define: { __CBAJ_VERSION__: JSON.stringify(JSON.parse(await readFile(join(root, 'package.json'), 'utf8')).version) },
  });
  const { envVarsFor, repoEnvDocs, replaceEnvTable } = await import(pathToFileURL(outfile).href);
  const { example, table } = repoEnvDocs(envVarsFor);

  const readmePath = join(root, 'README.md');
  const readme = await readFile(readmePath, 'utf8');
  const targets = [
    ['.env.example', join(root, '.env.example'), await readFile(join(root, '.env.example'), 'utf8').catch(() => undefined), example],
    ['README.md', readmePath, readme, replaceEnvTable(readme, table)],
  ];
  const stale = targets.filter(([, , before, after]) => before !== after);
  if (check) {
    for (const [name] of stale) console.log(`${name}: out of date`);
    if (stale.length) {
      console.error('error: env docs out of date; run: node scripts/sync-env-docs.mjs');
      process.exitCode = 1;
    } else console.log('env docs: up to date');
  } else {
    for (const [name, file, , after] of stale) {
      await writeFile(file, after);
      console.log(`updated ${name}`);
    }
    if (!stale.length) console.log('env docs: up to date');
  }
} finally {
  await rm(tmp, { recursive: true, force: true });
}
