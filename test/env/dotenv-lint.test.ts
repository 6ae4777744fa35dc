import { describe, expect, it } from 'vitest';
import { lintDotenv } from '../../src/env/dotenv-lint.js';
import { looksSecret } from '../../src/env/names.js';

function lint(src: string) {
  return lintDotenv(src, { file: '.env', isSecret: looksSecret }).findings.map((f) => [f.rule, f.variable, f.line]);
}

describe('lintDotenv', () => {
  it('passes a clean file, export, quotes, multi-line values and comments', () => {
    expect(lint('# c\nexport A=1\nB="two words"\nC=\'lit\'\nKEY="-----BEGIN-----\nabc\n-----END-----"\n\nD=\n')).toEqual([]);
  });

  it('passes CRLF and a BOM', () => {
    expect(lint('\uFEFFA=1\r\nB="x"\r\n')).toEqual([]);
  });

  it('flags a line that is not KEY=value', () => {
    expect(lint('A=1\nnot a line\nJUSTKEY\nMY KEY=1\n')).toEqual([
      ['dotenv-invalid-line', 'not', 2],
      ['dotenv-invalid-line', 'JUSTKEY', 3],
      ['dotenv-invalid-line', 'MY', 4],
    ]);
  });

  it('flags duplicate keys at the later line', () => {
    expect(lint('A=1\nB=2\nA=3\n')).toEqual([['dotenv-duplicate-key', 'A', 3]]);
  });

  it('flags a value cut at # and an inline comment', () => {
    expect(lint('PASSWORD_HINT=abc#def\nURL=https://x.test/#frag\nB=value # comment\nC="a#b"\nD= # empty\n')).toEqual([
      ['dotenv-value-cut', 'PASSWORD_HINT', 1],
      ['dotenv-value-cut', 'URL', 2],
      ['dotenv-inline-comment', 'B', 3],
    ]);
  });

  it('flags whitespace around = and the colon syntax', () => {
    expect(lint('A = 1\nB= 2\nC =3\nD: 4\n')).toEqual([
      ['dotenv-spaces-around-equals', 'A', 1],
      ['dotenv-spaces-around-equals', 'B', 2],
      ['dotenv-spaces-around-equals', 'C', 3],
      ['dotenv-colon-syntax', 'D', 4],
    ]);
  });

  it('flags values dotenv loads differently than written', () => {
    expect(lint('A="x" y\nB="tab\\tkept"\nC="abc\nD=\n"next line"\n')).toEqual([
      ['dotenv-value-mismatch', 'A', 1],
      ['dotenv-value-mismatch', 'B', 2],
      ['dotenv-value-mismatch', 'C', 3],
      ['dotenv-value-mismatch', 'D', 4],
    ]);
  });

  it('warns that ${VAR} is not expanded by dotenv (single quotes excepted)', () => {
    expect(lint('A=${HOME}/x\nB=\'${LIT}\'\nC="$OTHER"\n')).toEqual([
      ['dotenv-unexpanded-reference', 'A', 1],
      ['dotenv-unexpanded-reference', 'C', 3],
    ]);
  });

  it('lets an example file document a value with an inline comment (a copy loads the value meant)', () => {
    const src = 'NEXTAUTH_URL=http://localhost:8888 # only needed for localhost\nURL=https://x.test/#frag\n';
    const rules = (file: string) => lintDotenv(src, { file }).findings.map((f) => [f.rule, f.variable, f.line]);
    expect(rules('.env.example')).toEqual([['dotenv-value-cut', 'URL', 2]]);
    expect(rules('apps/web/.env.sample')).toEqual([['dotenv-value-cut', 'URL', 2]]);
    expect(rules('.env')).toEqual([['dotenv-inline-comment', 'NEXTAUTH_URL', 1], ['dotenv-value-cut', 'URL', 2]]);
  });

  it('does not warn about ${VAR} where the loader expands it', () => {
    const src = 'A=${HOME}/x\nB=$OTHER\nC="${LIT}"\n';
    const with_ = (expandsReferences: boolean | 'braced') => lintDotenv(src, { file: '.env', expandsReferences }).findings.map((f) => [f.rule, f.variable, f.line]);
    expect(with_(true)).toEqual([]);
    // python-dotenv expands only the braced form.
    expect(with_('braced')).toEqual([['dotenv-unexpanded-reference', 'B', 2]]);
    expect(with_(false)).toHaveLength(3);
  });

  it('never shows a secret value in a message', () => {
    const src = 'API_SECRET=s3cr3tvalue#tail\nAUTH_TOKEN="tok3nvalue" trailing\n';
    const findings = lintDotenv(src, { file: '.env', isSecret: looksSecret }).findings;
    expect(findings.map((f) => f.rule)).toEqual(['dotenv-value-cut', 'dotenv-value-mismatch']);
    for (const f of findings) {
      expect(f.message).not.toContain('s3cr3t');
      expect(f.message).not.toContain('tok3n');
    }
  });
});
