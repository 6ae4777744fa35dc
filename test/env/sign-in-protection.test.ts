// MIN_PASSWORD_LENGTH and TRUSTED_IP_HEADER: declared once in the registry, so `check env`
// validates them in a generated project, and validated again by the generated
// lib/auth-config.ts when the server starts.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { checkEnv } from '../../src/env/check.js';
import { renderDotEnv, varsByFile } from '../../src/env/render.js';
import type { EnvVar } from '../../src/env/types.js';
import { checkValue } from '../../src/env/values.js';
import { FEATURES } from '../../src/features/index.js';
import { diskTemplateStore } from '../../src/plan/disk-store.js';
import { fileBytes, plan } from '../../src/plan/plan.js';
import { importGeneratedModule } from '../helpers/load-generated.js';
import { DEFAULT_OPTIONS, GOOD_SECRET } from './fixture-registry.js';
import { git, tempDir } from './helpers.js';

let dir: string;
let registry: EnvVar[];

beforeAll(() => {
  dir = path.join(tempDir('cbaj-signin-env-'), 'app');
  const p = plan(DEFAULT_OPTIONS, FEATURES, diskTemplateStore(path.resolve('templates')));
  for (const file of p.files) {
    mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    writeFileSync(path.join(dir, file.path), fileBytes(file));
  }
  registry = p.env;
  git(dir, 'init', '-q');
});

/** check env's findings for a .env with the local defaults and these values. */
async function findingsWith(values: Record<string, string>) {
  const [, vars] = [...varsByFile(registry)].find(([file]) => file === '.env') ?? [];
  let dotenv = renderDotEnv(vars ?? [], () => GOOD_SECRET);
  for (const [name, value] of Object.entries(values)) dotenv = dotenv.replace(new RegExp(`^${name}=.*$`, 'm'), `${name}=${value}`);
  writeFileSync(path.join(dir, '.env'), dotenv);
  chmodSync(path.join(dir, '.env'), 0o600); // as the CLI writes it: readable by its owner only
  const result = await checkEnv({ cwd: dir });
  return result.findings.filter((f) => f.severity !== 'info').map((f) => [f.rule, f.variable]);
}

describe('check env validates the sign-in protection settings of a generated project', () => {
  test('both are documented in .env.example with working local values', async () => {
    expect(registry.map((v) => v.name)).toEqual(expect.arrayContaining(['MIN_PASSWORD_LENGTH', 'TRUSTED_IP_HEADER']));
    expect(await findingsWith({})).toEqual([]);
  });

  test('MIN_PASSWORD_LENGTH must be a whole number from 8 to 128', async () => {
    expect(await findingsWith({ MIN_PASSWORD_LENGTH: '12' })).toEqual([]);
    for (const bad of ['6', '129', '10.5', 'twelve']) {
      expect(await findingsWith({ MIN_PASSWORD_LENGTH: bad }), bad).toEqual([['invalid-integer', 'MIN_PASSWORD_LENGTH']]);
    }
  });

  test('TRUSTED_IP_HEADER is empty or one of the known proxy headers, in lower case', async () => {
    expect(await findingsWith({ TRUSTED_IP_HEADER: 'x-real-ip' })).toEqual([]);
    expect(await findingsWith({ TRUSTED_IP_HEADER: 'cf-connecting-ip' })).toEqual([]);
    for (const bad of ['X-Real-IP', 'x-client-ip', 'x-real-ip, x-forwarded-for']) {
      expect(await findingsWith({ TRUSTED_IP_HEADER: bad }), bad).toEqual([['invalid-choice', 'TRUSTED_IP_HEADER']]);
    }
  });
});

describe('the integer kind', () => {
  const v: EnvVar = { name: 'N', group: '', description: '', required: false, kind: 'integer', range: { min: 8, max: 128 }, example: '', usedBy: ['backend'], secret: false };
  test('accepts plain digits within the range, bounds included', () => {
    for (const ok of ['8', '64', '128']) expect(checkValue(v, ok, [], false), ok).toBeUndefined();
  });
  test('refuses anything else with one line that names the range', () => {
    for (const bad of ['7', '129', '-9', '1e2', ' 9', '']) {
      expect(checkValue(v, bad, [], false), bad).toEqual({ rule: 'invalid-integer', message: `N=${JSON.stringify(bad)} is not a whole number from 8 to 128` });
    }
  });
});

interface AuthConfigModule {
  authConfig(): { minPasswordLength: number; trustedIpHeader?: string };
}

describe('the generated lib/auth-config.ts validates both at start-up', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  /** A fresh copy of the module (its config is cached per load) under these variables. */
  async function loadWith(values: Record<string, string>) {
    process.env = { ...saved, BETTER_AUTH_URL: 'http://localhost:3000', ...values };
    const mod = await importGeneratedModule<AuthConfigModule>(path.join(dir, 'lib/auth-config.ts'), path.dirname(dir));
    return () => mod.authConfig();
  }

  test('defaults: Better Auth’s 8-character minimum, no trusted header', async () => {
    const config = (await loadWith({ MIN_PASSWORD_LENGTH: '', TRUSTED_IP_HEADER: '' }))();
    expect(config.minPasswordLength).toBe(8);
    expect(config.trustedIpHeader).toBeUndefined();
  });

  test('valid values are used', async () => {
    const config = (await loadWith({ MIN_PASSWORD_LENGTH: '14', TRUSTED_IP_HEADER: 'x-real-ip' }))();
    expect(config.minPasswordLength).toBe(14);
    expect(config.trustedIpHeader).toBe('x-real-ip');
  });

  test('a bad value stops start-up with a one-line reason', async () => {
    expect(await loadWith({ MIN_PASSWORD_LENGTH: '6' })).toThrow(/^MIN_PASSWORD_LENGTH must be a whole number from 8 to 128, got "6"$/);
    expect(await loadWith({ TRUSTED_IP_HEADER: 'x-client-ip' })).toThrow(/^TRUSTED_IP_HEADER must be empty or one of x-real-ip, .*, got "x-client-ip"$/);
  });
});
