// The engines check must read the ranges packages really declare; a wrong answer here would
// let a dependency that needs Node 22 through, or fail on one that runs on Node 20.
import { describe, expect, it } from 'vitest';
import { declaredMinimum, rangeAdmits } from './node-range.js';

describe('rangeAdmits', () => {
  it.each([
    ['>=22.0.0', '20.12.0', false],
    ['>=20.12', '20.12.0', true],
    ['^18.17.0 || >=20.5.0', '20.12.0', true],
    ['^18.17.0 || >=20.5.0', '20.4.0', false],
    ['^20.19.0 || >=22.12.0', '20.12.0', false],
    ['^20.19.0 || >=22.12.0', '20.19.0', true],
    ['>=20.19 <21 || >=22.12', '20.20.2', true],
    ['>= 18', '20.12.0', true],
    ['>=18 <20', '20.12.0', false],
    ['20.x', '20.12.0', true],
    ['~20.11', '20.12.0', false],
    ['18 - 22', '20.12.0', true],
    ['>12', '20.12.0', true],
    ['*', '20.12.0', true],
    ['', '20.12.0', true],
    ['^0.28', '0.29.0', false],
  ])('%s admits %s: %s', (range, version, expected) => {
    expect(rangeAdmits(range, version)).toBe(expected);
  });

  it('refuses a range it cannot read instead of passing it', () => {
    expect(() => rangeAdmits('>=twenty', '20.12.0')).toThrow(/unreadable/);
  });
});

describe('declaredMinimum', () => {
  it('reads the project engines the CLI writes', () => {
    expect(declaredMinimum('>=20.12')).toBe('20.12.0');
    expect(declaredMinimum('>=20.19.0')).toBe('20.19.0');
  });
});
