// `# NAME=value` in an .env.example documents an optional variable: it is how most projects
// document the ones they can run without, so it must count as documentation.
import { describe, expect, it } from 'vitest';
import { exampleToEnvVar, mergeWithExample, parseExample } from '../../src/env/registry.js';

const pick = (text: string) => parseExample(text).map((e) => [e.name, e.value, e.line, e.commented ?? false, e.comment]);

describe('parseExample: commented-out variables', () => {
  it('returns `# NAME=`, `#NAME=value` and `# export NAME="value"` as commented entries with the comment above as description', () => {
    const text = [
      '# --- Mail ---',
      '# Outgoing mail server (optional)',
      '# SMTP_HOST=',
      '#SMTP_PORT=587',
      '# export SMTP_FROM="Demo <noreply@example.com>" # shown as sender',
      '',
      '# The client of your identity provider',
      "#   OIDC_CLIENT_ID='demo client'",
    ].join('\n');
    expect(pick(text)).toEqual([
      ['SMTP_HOST', '', 3, true, ['Outgoing mail server (optional)']],
      ['SMTP_PORT', '587', 4, true, []],
      ['SMTP_FROM', 'Demo <noreply@example.com>', 5, true, []],
      ['OIDC_CLIENT_ID', 'demo client', 8, true, ['The client of your identity provider']],
    ]);
    const [host] = parseExample(text);
    expect(host).toMatchObject({ group: 'Mail', required: false, commented: true });
  });

  it('does not take prose that mentions a name for an entry', () => {
    const text = [
      '# Note: SENTRY_DSN comes from the platform.',
      '# Set OIDC_ISSUER=https://issuer.example to enable sign-on.',
      '# DEBUG = true turns on logging',
      '# QUOTED="never closed',
      '# ==== Section ====',
      '# 1=one',
      '## Heading',
      'REAL=1',
    ].join('\n');
    expect(pick(text)).toEqual([['REAL', '1', 8, false, ['Note: SENTRY_DSN comes from the platform.', 'Set OIDC_ISSUER=https://issuer.example to enable sign-on.', 'DEBUG = true turns on logging', 'QUOTED="never closed', '==== Section ====', '1=one', '# Heading']]]);
  });

  it('lets an assignment win over a commented-out line of the same name, and stops a description at a commented-out variable', () => {
    const text = ['# API_URL=https://staging.example', '# The API (required)', 'API_URL=https://api.example', '# API_URL=https://old.example'].join('\n');
    expect(pick(text)).toEqual([['API_URL', 'https://api.example', 3, false, ['The API (required)']]]);
    expect(parseExample(text)[0]?.required).toBe(true);
  });

  it('lists a name commented out twice (two alternative set-ups) once, at its first line', () => {
    const text = ['# Option A: Google', '# AI_PROVIDER=google', '', '# Option B: a local model', '# AI_PROVIDER=openai-compatible'].join('\n');
    expect(pick(text)).toEqual([['AI_PROVIDER', 'google', 2, true, ['Option A: Google']]]);
  });

  it('ignores `#` lines inside a multi-line quoted value, and reads CRLF and a BOM', () => {
    const text = '\uFEFF# FIRST=1\r\nKEY="line one\r\n# NOT_AN_ENTRY=x\r\nline three"\r\n# LAST=2\r\n';
    expect(pick(text).map((e) => e[0])).toEqual(['FIRST', 'KEY', 'LAST']);
  });

  it('turns a commented entry into an optional variable, and never renders it as an assignment when merging', () => {
    const [entry] = parseExample('# Outgoing mail server (required)\n# SMTP_HOST=smtp.example\n');
    expect(entry).toBeDefined();
    const v = exampleToEnvVar(entry!);
    expect(v).toMatchObject({ name: 'SMTP_HOST', required: false, description: 'Outgoing mail server', example: 'smtp.example' });
    expect(mergeWithExample([], [entry!], new Set()).kept).toEqual([]);
  });
});
