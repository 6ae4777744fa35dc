// Writes every file plan() produces for every valid combination of options into a folder, so
// a refactor can prove the generated output did not change: dump before, dump after, diff -r.
//   npx esbuild scripts/dump-plans.ts --bundle --platform=node --format=esm --packages=external --outfile=node_modules/.cache/dump-plans.mjs
//   node node_modules/.cache/dump-plans.mjs /tmp/plans-before
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BACKENDS, DATABASES, FRAMEWORKS, HTTP_CLIENTS, PACKAGE_MANAGERS, STORAGES, type Provider } from '../src/options/choices.js';
import { combinationProblem } from '../src/options/validate.js';
import { diskTemplateStore } from '../src/plan/disk-store.js';
import { FEATURES } from '../src/plan/features.js';
import { fileBytes, plan } from '../src/plan/plan.js';

const out = process.argv[2];
if (!out) throw new Error('usage: node dump-plans.mjs <folder>');
const templates = diskTemplateStore(path.resolve('templates'));
const PROVIDER_SETS: Provider[][] = [[], ['github', 'google'], ['apple', 'discord', 'github', 'gitlab', 'google', 'microsoft']];
let count = 0;
for (const framework of FRAMEWORKS)
  for (const backend of BACKENDS)
    for (const storage of STORAGES)
      for (const providers of PROVIDER_SETS)
        for (const db of DATABASES)
          for (const http of HTTP_CLIENTS)
            for (const pm of PACKAGE_MANAGERS) {
              const options = { name: 'my-app', framework, backend, storage, providers, db, http, pm };
              if (combinationProblem(options)) continue;
              const p = plan(options, FEATURES, templates);
              const dir = path.join(out, [framework, backend, storage, providers.length, db, http, pm].join('-'));
              for (const f of p.files) {
                mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
                writeFileSync(path.join(dir, f.path), fileBytes(f));
              }
              writeFileSync(path.join(dir, '__plan.json'), JSON.stringify({ env: p.env, warnings: p.warnings, files: p.files.map((f) => f.path) }, null, 1));
              count++;
            }
console.log(`${count} combinations dumped to ${out}`);
