// The unit checks pass what they know on to the shared helpers: which values the registry calls
// public (shown in lint messages, every other value masked), which hosts a directory deploys to
// (Netlify's generic names exempt only beside netlify.toml), and the masking of a compared value.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crossFileFindings } from '../../src/env/check-cross-file.js';
import { loadExample, type UnitContext } from '../../src/env/check-facts.js';
import { checkUnit, type UnitValues } from '../../src/env/check-unit.js';
import type { Finding } from '../../src/env/findings.js';
import { envFileUnits } from '../../src/env/registry.js';
import type { EnvRead } from '../../src/env/scan-types.js';
import type { EnvVar } from '../../src/env/types.js';
import { DEFAULT_PROJECT_OPTIONS } from '../../src/env/repo-docs.js';
import { fixtureEnvVarsFor } from './fixture-registry.js';
import { tempDir } from './helpers.js';

function project(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text, { mode: 0o600 });
  }
  return dir;
}

function check(dir: string, registry: EnvVar[] | undefined, reads: EnvRead[] = []): Finding[] {
  const unit = envFileUnits(registry ?? [])[0];
  if (!unit) throw new Error('no root unit');
  const ctx: UnitContext = { root: dir, registry, fromProcess: false, processEnv: {}, envVarsFor: fixtureEnvVarsFor, documentedIn: () => [] };
  const findings: Finding[] = [];
  checkUnit(unit, loadExample(dir, unit), reads, ctx, findings);
  return findings;
}

const registry = fixtureEnvVarsFor(DEFAULT_PROJECT_OPTIONS).filter((v) => !v.name.includes('_CLIENT_'));

describe('dotenv lint messages of a unit', () => {
  it('show the value of a variable the registry declares public, and mask a secret one', () => {
    const dir = project({
      '.env.example': 'JWT_ALGORITHM=EdDSA #the default\nBETTER_AUTH_SECRET=\n',
      '.env': 'JWT_ALGORITHM=ES256 #picked\nBETTER_AUTH_SECRET=SecretLeakValue0123456789abcdefXYZ #x\n',
    });
    const lint = check(dir, registry).filter((f) => f.rule.startsWith('dotenv-'));
    const algorithm = lint.filter((f) => f.variable === 'JWT_ALGORITHM').map((f) => f.message).join('\n');
    expect(algorithm).toContain('"ES256"');
    const all = lint.map((f) => f.message).join('\n');
    expect(all).toContain('BETTER_AUTH_SECRET');
    expect(all).not.toContain('SecretLeakValue');
  });
});

describe('Netlify\'s generic names (URL, CONTEXT)', () => {
  const read: EnvRead = { name: 'URL', file: 'src/site.ts', line: 1, kind: 'member' };
  const undocumented = (findings: Finding[]) => findings.filter((f) => f.rule === 'undocumented').map((f) => f.variable);

  it('need no documentation beside a netlify.toml', () => {
    const dir = project({ '.env.example': '# Mail\nSMTP_HOST=\n', 'netlify.toml': '[build]\ncommand = "npm run build"\n' });
    expect(undocumented(check(dir, undefined, [read]))).toEqual([]);
  });

  it('are the app\'s own variables without one', () => {
    const dir = project({ '.env.example': '# Mail\nSMTP_HOST=\n' });
    expect(undocumented(check(dir, undefined, [read]))).toEqual(['URL']);
  });
});

describe('cross-file-mismatch', () => {
  const unit = (file: string): UnitValues['unit'] => ({ file, example: `${file}.example`, dir: path.dirname(file) === '.' ? '' : path.dirname(file), vars: [] });
  const describeAs = (secret: boolean) => (name: string): EnvVar => ({ name, group: '', description: '', required: false, kind: 'string', example: '', usedBy: ['backend'], secret });
  const units = (secret: boolean): UnitValues[] => [
    { unit: unit('.env'), values: new Map([['BETTER_AUTH_URL', 'http://localhost:3000'], ['JWT_AUDIENCE', 'svc:AudPassw0rdLeak@api']]), lines: new Map([['JWT_AUDIENCE', 2]]), describe: describeAs(secret) },
    { unit: unit('backend/.env'), values: new Map([['BETTER_AUTH_URL', 'http://localhost:3000'], ['JWT_AUDIENCE', 'other-api']]), lines: new Map([['JWT_AUDIENCE', 2]]), describe: describeAs(secret) },
  ];

  it('shows a public value but masks a password written before an "@"', () => {
    const [f] = crossFileFindings(units(false));
    expect(f?.message).toContain('"other-api"');
    expect(f?.message).not.toContain('AudPassw0rdLeak');
  });

  it('masks the values of a variable that is not declared public', () => {
    const [f] = crossFileFindings(units(true));
    expect(f?.message).toContain('JWT_AUDIENCE differs');
    expect(f?.message).not.toContain('other-api');
  });
});
