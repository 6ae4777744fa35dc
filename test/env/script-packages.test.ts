// Packages a package.json script runs without installing them (npx, pnpm dlx, bunx, yarn dlx):
// they read variables like any dependency, so they count as dependencies of the project.
import { describe, expect, it } from 'vitest';
import { scriptRunPackages } from '../../src/env/script-packages.js';

describe('scriptRunPackages', () => {
  it('names the package each npx / pnpm dlx / bunx / yarn dlx / pnpx runs, without its version, anywhere in a command', () => {
    const scripts = {
      i18n: 'dotenv -e ../../.env -- npx lingo.dev@latest run && dotenv -e ../../.env -- npx lingo.dev@latest lockfile --force',
      gen: 'pnpm dlx @scope/codegen@1.2.3 --out src',
      fmt: 'bunx prettier --write .',
      sub: 'yarn dlx create-thing@^2',
      old: 'pnpx  -y   some-tool',
      yes: 'npx --yes @scope/other generate',
    };
    expect(scriptRunPackages(scripts)).toEqual(['lingo.dev', '@scope/codegen', 'prettier', 'create-thing', 'some-tool', '@scope/other']);
  });

  it('ignores scripts that run no package, words that only contain npx, and non-string values', () => {
    expect(scriptRunPackages({ build: 'tsc -p .', odd: 'echo mynpx foo', n: 3, empty: 'npx' })).toEqual([]);
    expect(scriptRunPackages(undefined)).toEqual([]);
  });
});
