// The guard every read, write, rename and remove of the CLI goes through: a manifest path must
// be a plain relative path inside the project, and no existing part of a path may be a
// symbolic link or lead out of the project.
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError, UnsafePathError } from '../../src/errors.js';
import { assertInsideProject, manifestPathProblem, projectRoot } from '../../src/writer/safe-path.js';

describe('manifestPathProblem', () => {
  for (const path of ['package.json', '.env.example', 'backend/.env.example', 'app/api/auth/[...all]/route.ts', 'a..b/c..', '...', 'lib/x y.ts']) {
    it(`accepts ${JSON.stringify(path)}`, () => {
      expect(manifestPathProblem(path)).toBeUndefined();
    });
  }
  const refused: [unknown, RegExp][] = [
    ['', /empty/],
    ['../outside/victim.txt', /"\.\." segment/],
    ['a/../../x', /"\.\." segment/],
    ['./a', /"\." segment/],
    ['/etc/passwd', /absolute/],
    ['C:/Windows/x', /absolute/],
    ['c:x', /absolute/],
    ['..\\outside\\victim.txt', /backslash/],
    ['lib\\..\\..\\x', /backslash/],
    ['a\0b', /NUL/],
    ['a//b', /empty segment/],
    ['a/', /empty segment/],
    ['.git/config', /\.git/],
    ['sub/.GIT/hooks/pre-commit', /\.git/],
    [42, /not a string/],
  ];
  for (const [path, problem] of refused) {
    it(`refuses ${JSON.stringify(path)}`, () => {
      expect(manifestPathProblem(path)).toMatch(problem);
    });
  }
});

describe('assertInsideProject', () => {
  function setup() {
    const base = realpathSync(mkdtempSync(join(tmpdir(), 'cbaj-safe-')));
    const root = join(base, 'app');
    const outside = join(base, 'outside');
    mkdirSync(join(root, 'lib'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(root, 'lib', 'auth.ts'), '// ours\n');
    writeFileSync(join(outside, 'victim.txt'), 'victim\n');
    return { base, root, outside };
  }

  it('returns the absolute path of a file inside, existing or not', () => {
    const { root } = setup();
    expect(assertInsideProject(root, 'lib/auth.ts')).toBe(join(root, 'lib', 'auth.ts'));
    expect(assertInsideProject(root, 'new/deep/file.ts')).toBe(join(root, 'new', 'deep', 'file.ts'));
  });

  it('works for a project folder that does not exist yet', () => {
    const { base } = setup();
    expect(assertInsideProject(join(base, 'fresh'), 'lib/auth.ts')).toBe(join(base, 'fresh', 'lib', 'auth.ts'));
  });

  it('refuses a path that is not a plain relative path, as a CliError (exit 1)', () => {
    const { root } = setup();
    for (const rel of ['../outside/victim.txt', '/etc/passwd', 'lib\\..\\..\\x', 'lib//auth.ts']) {
      const error = (() => {
        try {
          assertInsideProject(root, rel);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error, rel).toBeInstanceOf(UnsafePathError);
      expect(error, rel).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode).toBe(1);
      expect((error as Error).message).toContain(JSON.stringify(rel));
    }
  });

  it('refuses a symlinked folder on the way, wherever it points', () => {
    const { root, outside } = setup();
    symlinkSync(outside, join(root, 'out'));
    symlinkSync(join(root, 'lib'), join(root, 'alias'));
    expect(() => assertInsideProject(root, 'out/victim.txt')).toThrow(/out is a symbolic link/);
    expect(() => assertInsideProject(root, 'out/new/file.ts')).toThrow(/out is a symbolic link/);
    expect(() => assertInsideProject(root, 'alias/auth.ts')).toThrow(/alias is a symbolic link/);
  });

  it('refuses a file that is a symbolic link, even a dangling one', () => {
    const { root, outside } = setup();
    symlinkSync(join(outside, 'victim.txt'), join(root, 'lib', 'victim.ts'));
    symlinkSync(join(outside, 'nothing-here'), join(root, 'dangling.ts'));
    expect(() => assertInsideProject(root, 'lib/victim.ts')).toThrow(/lib\/victim\.ts is a symbolic link/);
    expect(() => assertInsideProject(root, 'dangling.ts')).toThrow(/dangling\.ts is a symbolic link/);
  });

  it('refuses a path through a file', () => {
    const { root } = setup();
    expect(() => assertInsideProject(root, 'lib/auth.ts/x')).toThrow(/lib\/auth\.ts is not a folder/);
  });

  it('the project folder itself may be a link (the user chose it): projectRoot resolves it once', () => {
    const { base, root } = setup();
    symlinkSync(root, join(base, 'link-to-app'));
    const resolved = projectRoot(join(base, 'link-to-app'));
    expect(resolved).toBe(root);
    expect(assertInsideProject(resolved, 'lib/auth.ts')).toBe(join(root, 'lib', 'auth.ts'));
    expect(projectRoot(join(base, 'not-yet'))).toBe(join(base, 'not-yet'));
  });
});
