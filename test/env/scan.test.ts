import { mkdtempSync, mkdirSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { scanJs } from '../../src/env/scan-js.js';
import { scanPython } from '../../src/env/scan-py.js';
import { scanProject } from '../../src/env/scan.js';

const names = (r: { reads: { name: string; line: number }[] }) => r.reads.map((x) => `${x.name}:${x.line}`);

describe('scanJs', () => {
  it('finds every spelling of a process.env read', () => {
    const code = [
      'const a = process.env.A;',
      'const b = process.env["B"];',
      "const c = process?.env?.C ?? 'x';",
      'const d = process.env[`D`];',
      'const { E, F = "d", G: renamed, ...rest } = process.env;',
      'const h = import.meta.env.VITE_H;',
      'const i = (process.env as Record<string, string>).I!;',
      "if ('J' in process.env) {}",
      'const { env: { K } } = process;',
    ].join('\n');
    expect(names(scanJs(code, 'a.ts', '.ts'))).toEqual(['A:1', 'B:2', 'C:3', 'D:4', 'E:5', 'F:5', 'G:5', 'VITE_H:6', 'I:7', 'J:8', 'K:9']);
  });

  it('ignores comments, strings and writes', () => {
    const code = [
      '// process.env.COMMENT',
      '/* process.env.BLOCK */',
      'const s = "process.env.STRING";',
      'const t = `process.env.TEMPLATE`;',
      'process.env.WRITTEN = "1";',
      'delete process.env.DELETED;',
      'const real = process.env.REAL;',
    ].join('\n');
    expect(names(scanJs(code, 'a.js', '.js'))).toEqual(['REAL:7']);
  });

  it('follows an alias of process.env and SvelteKit $env modules', () => {
    const code = [
      "import { PRIVATE_X } from '$env/static/private';",
      "import { env as dyn } from '$env/dynamic/private';",
      'const env = process.env;',
      'export const y = env.ALIASED + dyn.DYNAMIC;',
    ].join('\n');
    expect(names(scanJs(code, 'a.ts', '.ts')).sort()).toEqual(['ALIASED:4', 'DYNAMIC:4', 'PRIVATE_X:1']);
  });

  it('follows a parameter that defaults to process.env, through a helper (the generated API server config)', () => {
    const code = [
      'export function readConfig(env: NodeJS.ProcessEnv = process.env) {',
      '  const get = (name: string) => env[name]?.trim() || undefined;',
      "  const url = get('BETTER_AUTH_URL');",
      "  return { url, algorithm: get('JWT_ALGORITHM') ?? 'EdDSA', port: env.PORT };",
      '}',
    ].join('\n');
    const r = scanJs(code, 'config.ts', '.ts');
    expect(names(r).sort()).toEqual(['BETTER_AUTH_URL:3', 'JWT_ALGORITHM:4', 'PORT:4']);
    expect(r.problems).toEqual([]);
  });

  it('resolves a helper that reads process.env[name] through its call sites', () => {
    const code = [
      'function seconds(name: string, fallback: number) {',
      '  const raw = process.env[name];',
      '  return raw ? Number(raw) : fallback;',
      '}',
      'const flag = (key: string) => process.env[key] === "1";',
      "export const a = seconds('ACCESS_TTL', 900);",
      'export const b = flag(`FEATURE_X`);',
    ].join('\n');
    const r = scanJs(code, 'h.ts', '.ts');
    expect(names(r).sort()).toEqual(['ACCESS_TTL:6', 'FEATURE_X:7']);
    expect(r.problems).toEqual([]);
  });

  it('parses JSX and TSX and reports computed names', () => {
    const tsx = 'export const C = <T,>(p: T) => <div>{process.env.NEXT_PUBLIC_A}{process.env[key]}</div>;';
    const r = scanJs(tsx, 'c.tsx', '.tsx');
    expect(names(r)).toEqual(['NEXT_PUBLIC_A:1']);
    expect(r.problems).toEqual([{ kind: 'dynamic', file: 'c.tsx', line: 1 }]);
    expect(names(scanJs('const x = <a href={process.env.URL} />;', 'c.jsx', '.jsx'))).toEqual(['URL:1']);
  });

  it('handles CommonJS and reports a syntax error instead of throwing', () => {
    expect(names(scanJs('module.exports = { a: process.env.CJS };\nreturn;', 'a.cjs', '.cjs'))).toEqual(['CJS:1']);
    const r = scanJs('const = = process.env.X', 'bad.js', '.js');
    expect(r.problems[0]?.kind).toBe('parse-error');
  });
});

describe('scanPython', () => {
  it('finds os.environ / getenv reads with imports and aliases', () => {
    const src = [
      'import os',
      'import os as o',
      'from os import environ as E, getenv',
      'a = os.environ["A"]',
      "b = os.environ.get('B', 'd')",
      'c = os.getenv("C")',
      'd = o.getenv("D")',
      'e = E["E"]',
      'f = getenv("""F""")',
      '# os.getenv("COMMENT")',
      's = "os.getenv(\'STRING\')"',
      'os.environ["WRITTEN"] = "1"',
      'g = os.environ[name]',
      'h = os.environ["H"] == "1"',
    ].join('\n');
    const r = scanPython(src, 'm.py');
    expect(names(r)).toEqual(['A:4', 'B:5', 'C:6', 'D:7', 'E:8', 'F:9', 'H:14']);
    expect(r.problems).toEqual([{ kind: 'dynamic', file: 'm.py', line: 13 }]);
  });

  it('counts lines through multi-line strings', () => {
    expect(names(scanPython('x = """\nos.getenv("NO")\n"""\ny = os.getenv("YES")\n', 'm.py'))).toEqual(['YES:4']);
  });
});

describe('scanProject', () => {
  function project(files: Record<string, string | Buffer>): string {
    const root = mkdtempSync(path.join(tmpdir(), 'cbaj-scan-'));
    for (const [rel, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), content);
    }
    return root;
  }

  it('skips node_modules, build output and git-ignored files', async () => {
    const root = project({
      'src/a.ts': 'process.env.KEEP',
      'node_modules/x/index.js': 'process.env.NM',
      '.next/server.js': 'process.env.NEXT_BUILD',
      'dist/a.js': 'process.env.DIST',
      'ignored/x.ts': 'process.env.IGNORED',
      '.gitignore': 'ignored/\n',
    });
    spawnSync('git', ['init', '-q'], { cwd: root });
    const r = await scanProject(root);
    expect(r.via).toBe('git');
    expect(r.reads.map((x) => x.name)).toEqual(['KEEP']);
  });

  it('walks the tree outside git and skips the same folders', async () => {
    const root = project({ 'src/a.ts': 'process.env.KEEP', 'build/a.js': 'process.env.BUILD', 'coverage/x.js': 'process.env.COV' });
    const r = await scanProject(root);
    expect(r.via).toBe('walk');
    expect(r.reads.map((x) => x.name)).toEqual(['KEEP']);
  });

  it('leaves nested projects (own .env.example or manifest) to their own run, with and without git', async () => {
    for (const withGit of [true, false]) {
      const root = project({ 'src/a.ts': 'process.env.ROOT', 'apps/web/.env.example': 'X=1\n', 'apps/web/src/b.ts': 'process.env.WEB' });
      if (withGit) spawnSync('git', ['init', '-q'], { cwd: root });
      const r = await scanProject(root);
      expect(r.reads.map((x) => x.name)).toEqual(['ROOT']);
      expect(r.problems).toEqual([expect.objectContaining({ kind: 'nested', file: 'apps/web' })]);
    }
  });

  it('reports binary, unreadable and huge files and goes on', async () => {
    const root = project({
      'bin.js': Buffer.from([0x70, 0x72, 0x6f, 0x63, 0x65, 0x73, 0x73, 0x2e, 0x65, 0x6e, 0x76, 0, 1, 2]),
      'huge.js': `process.env.HUGE;\n${'x'.repeat(3 * 1024 * 1024)}`,
      'locked.ts': 'process.env.LOCKED',
      'ok.py': 'import os\nos.getenv("OK")\n',
    });
    chmodSync(path.join(root, 'locked.ts'), 0o000);
    const r = await scanProject(root);
    const root0 = process.getuid?.() === 0;
    expect(r.reads.map((x) => x.name)).toEqual(root0 ? ['LOCKED', 'OK'] : ['OK']);
    const skipped = r.problems.filter((p) => p.kind === 'skipped').map((p) => p.file).sort();
    // root can read a 000 file; elsewhere it is reported as unreadable.
    const expected = root0 ? ['bin.js', 'huge.js'] : ['bin.js', 'huge.js', 'locked.ts'];
    expect(skipped).toEqual(expected);
  });
});
