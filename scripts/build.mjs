// Bundles src/cli.ts into dist/ with esbuild: ESM for Node 20.12, code-split so that
// `--help` loads only the entry chunk (commander + option declarations) while zod,
// handlebars, clack, execa, plan and writer load on demand. All runtime dependencies are
// bundled, so they stay devDependencies and the published package installs nothing.
import { build } from 'esbuild';
import { precompiledModuleSource } from './precompile-templates.mjs';
import { verifierSourcesModule } from './add-backend-sources.mjs';
import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildCli({ outdir = join(root, 'dist'), metafile = false } = {}) {
  await rm(outdir, { recursive: true, force: true });
  const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  return build({
    absWorkingDir: root,
    entryPoints: { cli: 'src/cli.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.12',
    minify: true,
    legalComments: 'none',
    chunkNames: 'chunks/[name]-[hash]',
    metafile,
    // `--version` without reading package.json at run time.
    define: { __CBAJ_VERSION__: JSON.stringify(version) },
    logLevel: 'warning',
    plugins: [
      {
        // Swap the empty src/plan/precompiled.ts for every template, compiled ahead of time.
        name: 'precompiled-templates',
        setup(b) {
          b.onLoad({ filter: /[\\/]src[\\/]plan[\\/]precompiled\.ts$/ }, () => ({
            contents: precompiledModuleSource(join(root, 'templates')),
            loader: 'js',
          }));
        },
      },
      {
        // Swap src/add-backend/sources.ts for the texts add backend writes, derived now
        // (JavaScript transpiled by typescript, a devDependency the CLI must not need).
        name: 'add-backend-sources',
        setup(b) {
          b.onLoad({ filter: /[\\/]src[\\/]add-backend[\\/]sources\.ts$/ }, () => ({
            contents: verifierSourcesModule(join(root, 'templates')),
            loader: 'js',
          }));
        },
      },
    ],
    // CJS dependencies (commander, handlebars) call require(); give ESM chunks one.
    banner: {
      js: "import { createRequire as __cbajCreateRequire } from 'node:module'; const require = __cbajCreateRequire(import.meta.url);",
    },
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await buildCli({ metafile: process.argv.includes('--analyze') });
  if (result.metafile) {
    const { analyzeMetafile } = await import('esbuild');
    console.log(await analyzeMetafile(result.metafile));
  }
}
