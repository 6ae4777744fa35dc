// No message of any rule, in any format, shows a secret (CI logs are widely readable). Values are
// masked by default; only a variable the registry declares public is shown, and even then a
// password inside a URL is masked.
import { describe, expect, it } from 'vitest';
import { lintDotenv } from '../../src/env/dotenv-lint.js';
import { finding } from '../../src/env/findings.js';
import { looksSecret } from '../../src/env/names.js';
import { formatFindings, summarise, FORMATS } from '../../src/env/report.js';
import type { EnvVar } from '../../src/env/types.js';
import { checkUrl, checkValue } from '../../src/env/values.js';

function messages(src: string, options: Partial<Parameters<typeof lintDotenv>[1]> = {}): string {
  const { findings } = lintDotenv(src, { file: '.env', isSecret: looksSecret, ...options });
  expect(findings.length).toBeGreaterThan(0);
  return findings.map((f) => `${f.variable ?? ''} ${f.message}`).join('\n');
}

describe('dotenv lint messages', () => {
  it('mask an *_API_KEY whose value ends at an inline comment', () => {
    expect(messages('OPENAI_API_KEY=sk-abc123OpenAiLeak #x\n')).not.toContain('sk-abc123OpenAiLeak');
  });

  it('mask a *_KEY whose opening quote is never closed', () => {
    expect(messages('STRIPE_KEY="sk_live_UnclosedStripeLeak\n')).not.toContain('UnclosedStripeLeak');
  });

  it('mask *_TOKEN, *_SECRET and *_PASSWORD values', () => {
    const out = messages('GH_APP_TOKEN=tokLeak1#x\nWEBHOOK_SECRET=secLeak2#x\nSMTP_PASSWORD=pwLeak3#x\n');
    for (const leak of ['tokLeak1', 'secLeak2', 'pwLeak3']) expect(out).not.toContain(leak);
  });

  it('mask the value of a name that says nothing, unless the caller declares it public', () => {
    expect(messages('LOG_LEVEL=verbose#x\n', { isSecret: () => false })).not.toContain('verbose');
    expect(messages('LOG_LEVEL=verbose#x\n', { isSecret: () => false, isPublic: () => true })).toContain('"verbose"');
  });

  it('mask a password in a URL even where the variable is public', () => {
    const out = messages('CACHE_URL=redis://default:Hunter2Pass@cache.internal:6379#0\n', { isSecret: () => false, isPublic: () => true });
    expect(out).not.toContain('Hunter2Pass');
    expect(out).toContain('cache.internal:6379');
  });

  it('keep a secret-looking name masked even where the caller calls it public', () => {
    expect(messages('OPENAI_API_KEY=sk-abc123OpenAiLeak #x\n', { isSecret: () => false, isPublic: () => true })).not.toContain('sk-abc123OpenAiLeak');
  });

  it('name no variable after an unclosed multi-line quote, where the next lines are the secret', () => {
    const out = messages('JWT_PRIVATE_KEY="-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEAPemLeak\nJBSWY3DPEHPK3PXP\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA==\n-----END PRIVATE KEY-----\n');
    expect(out).not.toContain('PemLeak');
    expect(out).not.toContain('JBSWY3DPEHPK3PXP');
    expect(out).not.toContain('MIIBVQ');
  });
});

const publicUrl: EnvVar = { name: 'NEXT_PUBLIC_API_URL', group: '', description: '', required: true, kind: 'http-url', example: '', usedBy: ['frontend'], secret: false };

describe('value check messages', () => {
  it('mask a password in an invalid public URL', () => {
    const problem = checkValue(publicUrl, 'http//api:Ap1Passw0rd@localhost:8000', [], false);
    expect(problem?.rule).toBe('invalid-url');
    expect(problem?.message).not.toContain('Ap1Passw0rd');
    expect(checkUrl('CALLBACK_URL', 'ht tp://u:Ap1Passw0rd@x', false, false)?.message).not.toContain('Ap1Passw0rd');
  });

  it('mask a value the registry calls public when its name says token', () => {
    const v: EnvVar = { name: 'SERVICE_TOKEN_TTL', group: '', description: '', required: false, kind: 'integer', example: '', usedBy: ['backend'], secret: false };
    expect(checkValue(v, 'abc123', [], false)?.message).toContain('"abc123"'); // a TTL is not a secret
    const token: EnvVar = { ...v, name: 'SERVICE_TOKEN', kind: 'seconds' };
    expect(checkValue(token, 'tokLeak99', [], false)?.message).not.toContain('tokLeak99');
  });
});

describe('every output format', () => {
  it('masks a password in a URL that a message carries', () => {
    const findings = [finding('cross-file-mismatch', 'JWT_ISSUER differs between .env ("https://issuer:Issu3rPassw0rd@auth.example.com") and backend/.env', { variable: 'JWT_ISSUER', file: 'backend/.env' })];
    for (const format of FORMATS) {
      const out = formatFindings(format, findings, summarise(findings, false), { strict: false });
      expect(out, format).not.toContain('Issu3rPassw0rd');
      expect(out, format).toContain('auth.example.com');
    }
  });
});
