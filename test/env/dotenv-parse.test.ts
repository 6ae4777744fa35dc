// Our parser must load exactly what the real `dotenv` package loads: a differential test on
// hand-picked edge cases and on generated inputs.
import dotenv from 'dotenv';
import { describe, expect, it } from 'vitest';
import { dotenvValues, parseDotenv } from '../../src/env/dotenv.js';

const CASES: Record<string, string> = {
  basic: 'A=1\nB=two\n',
  export: 'export A=1\nexport   B="two"\n',
  'single quotes': "A='a b c'\nB='has \\n no escape'\n",
  'double quotes with escapes': 'A="line1\\nline2"\nB="cr\\rx"\nC="tab\\tkept"\nD="q\\"x"\n',
  backticks: 'A=`it\'s "both"`\n',
  'multiline double': 'KEY="-----BEGIN-----\nabc\ndef\n-----END-----"\nNEXT=1\n',
  'multiline single': "KEY='a\nb'\nNEXT=1\n",
  'inline comments': 'A=value # comment\nB="quoted" # comment\nC=abc#def\nD= # only comment\n',
  'hash in quotes': 'A="a#b"\nB=\'c # d\'\n',
  crlf: 'A=1\r\nB="x"\r\nC=multi\r\n',
  'lone cr': 'A=1\rB=2\r',
  bom: '\uFEFFA=1\nB=2\n',
  'variable refs': 'A=${HOME}/x\nB="$OTHER"\nC=\'${LIT}\'\n',
  'spaces around equals': 'A = 1\nB= 2\nC =3\n  D=4  \n',
  'colon syntax': 'A: 1\nB:2\n',
  'empty values': 'A=\nB=""\nC=\'\'\nD=\n',
  'invalid lines': 'not a line\nA=1\n=nokey\nB\nC=3\n',
  duplicates: 'A=1\nA=2\n',
  'trailing text after quote': 'A="x" y\nB=\'q\'z\n',
  unterminated: 'A="abc\nB=2\n',
  'value on next line': 'A=\n"quoted"\nB=1\n',
  'dots and dashes in keys': 'a.b=1\nc-d=2\n',
  'tabs and unicode': 'A=\tvalue\t\nB="héllo wörld ✓"\n',
  'comment lines': '# header\n  # indented\nA=1 #c\n#B=2\n',
  empty: '',
  'only newlines': '\n\n\n',
  'no trailing newline': 'A=1',
  'escaped quotes inside singles': "A='it\\'s'\n",
  'equals in value': 'A=b=c\nB="x=y"\n',
  'url with query and hash': 'A=https://x.test/p?q=1#frag\nB="https://x.test/#f"\n',
};

describe('parseDotenv matches dotenv.parse', () => {
  for (const [name, src] of Object.entries(CASES)) {
    it(name, () => {
      expect(dotenvValues(src)).toEqual(dotenv.parse(src));
    });
  }

  it('on generated inputs', () => {
    // Deterministic pseudo-random lines built from the fragments that make dotenv interesting.
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const keys = ['A', 'B_2', 'export C', 'd.e', 'f-g', ' H', 'I '];
    const seps = ['=', ' = ', '= ', ': ', '=\t'];
    const values = ['x', '"q"', "'s'", '`b`', '"a\\nb"', 'v #c', 'v#c', '"m\nl"', '', '"x" y', '${X}', ' spaced ', '"unterminated', "'a\nb'"];
    const ends = ['\n', '\r\n', '\n\n', '\n# c\n'];
    for (let round = 0; round < 400; round++) {
      let src = rand(5) === 0 ? '\uFEFF' : '';
      const lines = 1 + rand(6);
      for (let l = 0; l < lines; l++) {
        src += `${keys[rand(keys.length)]}${seps[rand(seps.length)]}${values[rand(values.length)]}${ends[rand(ends.length)]}`;
      }
      expect(dotenvValues(src), JSON.stringify(src)).toEqual(dotenv.parse(src));
    }
  });
});

describe('positions', () => {
  it('reports the line of each key, multi-line values included', () => {
    const parsed = parseDotenv('# c\nA=1\n\nKEY="x\ny\nz"\nexport B=2\r\nC=3');
    expect(parsed.entries.map((e) => [e.key, e.line, e.endLine])).toEqual([
      ['A', 2, 2],
      ['KEY', 4, 6],
      ['B', 7, 7],
      ['C', 8, 8],
    ]);
  });

  it('keeps every assignment of a duplicated key; the last one wins', () => {
    const parsed = parseDotenv('A=1\nA=2\n');
    expect(parsed.entries.map((e) => e.value)).toEqual(['1', '2']);
    expect(parsed.values.get('A')).toBe('2');
  });
});
