// The JavaScript verifier add backend writes is the TypeScript backends' code without types:
// the committed files must equal a fresh transpile (node scripts/add-backend-js.mjs rewrites them).
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/deps-cache.js';

it('templates/add-backend/js/ is the current TypeScript source without types', async () => {
  const script = path.join(REPO_ROOT, 'scripts/add-backend-js.mjs');
  const { jsTemplates } = (await import(script)) as { jsTemplates: () => Record<string, string> };
  for (const [file, text] of Object.entries(jsTemplates())) {
    expect(fs.readFileSync(path.join(REPO_ROOT, 'templates/add-backend/js', file), 'utf8'), `${file} is stale: run node scripts/add-backend-js.mjs`).toBe(text);
  }
});
