// Loads a TypeScript module from a generated project: transpiled with esbuild (types
// stripped, no bundling) into a temp .mjs and imported, so tests run the exact code a user gets.
import { transform } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export async function importGeneratedModule<T>(file: string, outDir: string): Promise<T> {
  const source = fs.readFileSync(file, 'utf8');
  const { code } = await transform(source, { loader: file.endsWith('x') ? 'tsx' : 'ts', format: 'esm', target: 'node20', sourcefile: file });
  const out = path.join(outDir, `${path.basename(file).replace(/\.tsx?$/, '')}-${process.hrtime.bigint()}.mjs`);
  fs.writeFileSync(out, code);
  return (await import(pathToFileURL(out).href)) as T;
}
