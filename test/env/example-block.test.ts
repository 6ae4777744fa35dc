// The gen env block of a foreign .env.example: the only lines of such a file gen env rewrites.
import { describe, expect, it } from 'vitest';
import { GEN_BLOCK_END, GEN_BLOCK_HEADER, GEN_BLOCK_START } from '../../src/env/example-block.js';
import { updateForeignExample } from '../../src/env/gen-foreign.js';

const read = (name: string, line: number) => ({ name, file: 'src/a.ts', line });

describe('the gen env block of an .env.example it does not own', () => {
  it('is removed, and only it, once everything in it is documented above it', () => {
    const mine = '# mine\nA=1\n\n';
    const withA = updateForeignExample(`${mine}`, [], [read('B', 2)], new Set());
    expect(withA.after).toBe(`${mine}${GEN_BLOCK_START}\n${GEN_BLOCK_HEADER}\n# read in src/a.ts:2\n# B=\n${GEN_BLOCK_END}\n`);
    const documented = withA.after.replace('A=1\n', 'A=1\n# B documented by hand\nB=2\n').concat('TAIL=1\n');
    const r = updateForeignExample(documented, [], [], new Set());
    expect(r.removed).toEqual(['B']);
    expect(r.after).toBe('# mine\nA=1\n# B documented by hand\nB=2\n\nTAIL=1\n');
  });

  it('drops a read no code makes any more (check env calls it unused), but never a registry variable', () => {
    const v = { name: 'R', group: 'G', description: 'A registry variable.', required: true, kind: 'string' as const, example: 'x', usedBy: ['backend' as const], secret: false };
    const first = updateForeignExample('A=1\n', [v], [read('B', 2)], new Set());
    expect(first.added.map((a) => a.name)).toEqual(['R', 'B']);
    const again = updateForeignExample(first.after, [v], [], new Set(['B', 'R']));
    expect(again.removed).toEqual(['B']);
    expect(again.after).toBe(`A=1\n\n${GEN_BLOCK_START}\n${GEN_BLOCK_HEADER}\n# A registry variable. (required)\nR=x\n${GEN_BLOCK_END}\n`);
  });

  it('changes nothing in a file whose start marker has lost its end marker', () => {
    const broken = `A=1\n${GEN_BLOCK_START}\n# B=\nUSER_LINE=1\n`;
    const r = updateForeignExample(broken, [], [read('C', 1)], new Set());
    expect(r).toMatchObject({ after: broken, added: [], unclosed: true });
  });
});
