// Env helpers defined in one file and called in others (issue 11, class 2): a first pass
// collects the helpers each file exports, then calls of an imported helper with a literal
// name are reads (kind 'helper').
import { describe, expect, it } from 'vitest';
import { scanProject } from '../../src/env/scan.js';
import { materialise } from './helpers.js';

describe('scanProject: env helpers across files', () => {
  it('resolves imported JS and Python helpers, and nothing that only looks like one', async () => {
    const dir = materialise('c2-helper-cross-file');
    const scan = await scanProject(dir);
    const reads = scan.reads.map((r) => `${r.name} ${r.file}:${r.line} ${r.kind}`).sort();
    expect(reads).toEqual([
      'API_KEY src/api.ts:3 helper',
      'DATABASE_URL src/db.ts:3 helper',
      'FEATURE_FLAG_X src/feature.ts:2 helper',
      'FLAG_EMAIL src/flags.ts:5 helper',
      'FLAG_GOOGLE src/flags.ts:5 helper',
      'PY_PORT app/worker.py:3 helper',
      'PY_SECRET app/main.py:3 helper',
      'REDIS_URL src/cache.ts:3 helper',
      'SMTP_HOST src/mail.ts:3 helper',
      'THEME src/flags.ts:6 helper',
    ]);
    expect(scan.problems.filter((p) => p.kind === 'dynamic')).toEqual([]);
  });
});
