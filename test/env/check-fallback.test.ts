// A variable read with a fallback (`env.BETTER_AUTH_SECRET ?? env.NEXTAUTH_SECRET`) is not
// missing when the fallback is set. The reads are built here as the scanner reports them
// (EnvRead.alternatives), so the rule is tested apart from the scanner.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExample, type UnitContext } from '../../src/env/check-facts.js';
import { checkUnit } from '../../src/env/check-unit.js';
import type { Finding } from '../../src/env/findings.js';
import { envFileUnits } from '../../src/env/registry.js';
import type { EnvRead } from '../../src/env/scan-types.js';
import { fixtureEnvVarsFor } from './fixture-registry.js';
import { tempDir } from './helpers.js';

const STRONG = 'q7Zp0vX2mK9sL4tB8wN1cR6yH3jF5dG0aE2uI8oP4kM=';

function project(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text, { mode: 0o600 });
  return dir;
}

function missing(dir: string, reads: EnvRead[]): Finding[] {
  const unit = envFileUnits([])[0];
  if (!unit) throw new Error('no root unit');
  const ctx: UnitContext = { root: dir, registry: undefined, fromProcess: false, processEnv: {}, envVarsFor: fixtureEnvVarsFor, documentedIn: () => [] };
  const findings: Finding[] = [];
  checkUnit(unit, loadExample(dir, unit), reads, ctx, findings);
  return findings.filter((f) => f.rule === 'missing-required');
}

const read = (name: string, alternatives?: string[]): EnvRead => ({ name, file: 'src/auth.ts', line: 1, kind: 'member', ...(alternatives ? { alternatives } : {}) });
const EXAMPLE = '# Signs sessions (required)\nBETTER_AUTH_SECRET=\n# Older name of the same secret\nNEXTAUTH_SECRET=\n';

describe('a required variable read with a fallback', () => {
  it('is not missing when the fallback it is read with is set', () => {
    const dir = project({ '.env.example': EXAMPLE, '.env': `NEXTAUTH_SECRET=${STRONG}\n` });
    expect(missing(dir, [read('BETTER_AUTH_SECRET', ['NEXTAUTH_SECRET']), read('NEXTAUTH_SECRET')])).toEqual([]);
  });

  it('is not missing when it is itself the fallback of a variable that is set', () => {
    const dir = project({ '.env.example': '# Mail server (required)\nSMTP_URL=\n# Preferred name\nMAIL_URL=\n', '.env': 'MAIL_URL=smtp://localhost:25\n' });
    expect(missing(dir, [read('MAIL_URL', ['SMTP_URL']), read('SMTP_URL')])).toEqual([]);
  });

  it('is missing when neither it nor its fallback is set, and the message names the fallback', () => {
    const dir = project({ '.env.example': EXAMPLE, '.env': 'NEXTAUTH_SECRET=\n' });
    const found = missing(dir, [read('BETTER_AUTH_SECRET', ['NEXTAUTH_SECRET']), read('NEXTAUTH_SECRET')]);
    expect(found.map((f) => f.variable)).toEqual(['BETTER_AUTH_SECRET']);
    expect(found[0]?.message).toContain('NEXTAUTH_SECRET');
  });

  it('is missing when the other variable is read on its own, not as its fallback', () => {
    const dir = project({ '.env.example': EXAMPLE, '.env': `NEXTAUTH_SECRET=${STRONG}\n` });
    expect(missing(dir, [read('BETTER_AUTH_SECRET'), read('NEXTAUTH_SECRET')]).map((f) => f.variable)).toEqual(['BETTER_AUTH_SECRET']);
  });
});
