// Re-runs: nothing changes when nothing changed; a generated file the user edited is kept; a
// file that is not ours is left alone; new choices rewrite only our block.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKEND_MANIFEST_FILE } from '../../src/add-backend/manifest.js';
import { runAddBackend, type AddBackendFlags } from '../../src/add-backend/run.js';
import { copyFixture } from './fixtures.js';

async function run(dir: string, flags: AddBackendFlags = {}) {
  const lines: string[] = [];
  const result = await runAddBackend(dir, { yes: true, ...flags }, { out: (line) => lines.push(line), warn: () => {} });
  return { ...result, output: lines.join('\n') };
}

/** Every file under `dir` with its bytes and modification time. */
function snapshot(dir: string, rel = '', out: Record<string, string> = {}): Record<string, string> {
  // A walk of our own: Node 20's recursive readdir with file types can miss entries.
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const child = path.join(rel, entry.name);
    if (entry.isDirectory()) snapshot(dir, child, out);
    else if (entry.isFile()) out[child] = `${fs.statSync(path.join(dir, child)).mtimeMs} ${fs.readFileSync(path.join(dir, child), 'utf8')}`;
  }
  return out;
}

describe('add backend re-runs', () => {
  it('a second run with no change changes no byte and no modification time, and says so', async () => {
    for (const fixture of ['express-generator', 'express5-ts', 'fastify5-esm', 'fastify5-ts', 'fastify4-cjs', 'hono-ts', 'hono-cjs', 'fastapi-router'] as const) {
      const dir = copyFixture(fixture);
      await run(dir);
      const before = snapshot(dir);
      const again = await run(dir);
      expect(snapshot(dir), fixture).toEqual(before);
      expect(again.output, fixture).toContain('Nothing to change');
      expect(Object.values(again.fates).every((fate) => fate === 'unchanged'), fixture).toBe(true);
    }
  });

  it('keeps a generated file the user edited, and rewrites one they did not when ours changed', async () => {
    const dir = copyFixture('express5-ts');
    await run(dir);
    const verifier = path.join(dir, 'src/auth/verify-jwt.ts');
    const edited = `${fs.readFileSync(verifier, 'utf8')}// my change\n`;
    fs.writeFileSync(verifier, edited);
    // An older version of ours, still unedited: the manifest records the hash of what was written.
    const config = path.join(dir, 'src/auth/config.ts');
    const manifestFile = path.join(dir, BACKEND_MANIFEST_FILE);
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    const older = '// an older config\n';
    fs.writeFileSync(config, older);
    const { hashContent } = await import('../../src/plan/manifest.js');
    manifest.files['src/auth/config.ts'] = hashContent(older);
    fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));

    const again = await run(dir);
    expect(again.fates['src/auth/verify-jwt.ts']).toBe('kept (edited since written)');
    expect(fs.readFileSync(verifier, 'utf8')).toBe(edited);
    expect(again.fates['src/auth/config.ts']).toBe('updated');
    expect(fs.readFileSync(config, 'utf8')).toContain('export const config');
    // Still edited on the next run: the manifest keeps the hash of what we wrote.
    expect((await run(dir)).fates['src/auth/verify-jwt.ts']).toBe('kept (edited since written)');
  });

  it('leaves alone a file at one of its paths that it did not write', async () => {
    const dir = copyFixture('hono-ts');
    fs.mkdirSync(path.join(dir, 'src/auth'));
    fs.writeFileSync(path.join(dir, 'src/auth/config.ts'), 'export const mine = 1;\n');
    const result = await run(dir);
    expect(result.fates['src/auth/config.ts']).toBe('left alone (not written by add backend)');
    expect(fs.readFileSync(path.join(dir, 'src/auth/config.ts'), 'utf8')).toBe('export const mine = 1;\n');
    expect(result.output).toMatch(/src\/auth\/config\.ts exists and is not ours: left alone/);
  });

  it('remembers the choices: a re-run without flags keeps them, a new --auth-url rewrites only its block line', async () => {
    const dir = copyFixture('fastify5-esm');
    await run(dir, { authUrl: 'https://auth.example.com', algorithm: 'ES256', corsOrigin: 'https://app.example.com' });
    const example = path.join(dir, '.env.example');
    const first = fs.readFileSync(example, 'utf8');
    expect(first).toContain('BETTER_AUTH_URL=https://auth.example.com\n');
    expect(first).toContain('JWT_ALGORITHM=ES256\n');
    expect(first).toContain('CORS_ORIGIN=https://app.example.com\n');
    await run(dir);
    expect(fs.readFileSync(example, 'utf8')).toBe(first);
    await run(dir, { authUrl: 'https://login.example.com' });
    expect(fs.readFileSync(example, 'utf8')).toBe(first.replace('https://auth.example.com', 'https://login.example.com'));
  });

  it('says what it found the same way on a re-run (the cors it added is not the app\'s own CORS)', async () => {
    const dir = copyFixture('express-generator');
    const first = await run(dir);
    const again = await run(dir);
    expect(again.output.split('\n')[0]).toBe(first.output.split('\n')[0]);
    expect(first.output.split('\n')[0]).toBe('Found an Express ~4.16.1 API (JavaScript, CommonJS, code at the root, app in app.js).');
  });

  it('adds pinned jose (and cors for the printed CORS lines) without lowering a newer version', async () => {
    const dir = copyFixture('express-generator');
    const pkgFile = path.join(dir, 'package.json');
    const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
    pkg.dependencies.jose = '^6.9.0';
    fs.writeFileSync(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
    await run(dir);
    const after = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
    expect(after.dependencies.jose).toBe('^6.9.0');
    expect(after.dependencies.cors).toBe('2.8.6');
    expect(after.dependencies.express).toBe('~4.16.1');
  });
});
