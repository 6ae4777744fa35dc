// gen env writes all its files in one transaction (src/writer/transaction.ts): when one write
// fails, the files written before it are put back, so a project is never left half-updated.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGenEnvCommand } from '../../src/commands/gen-env.js';
import { runGenEnv } from '../../src/env/gen.js';
import { EXPRESS_OPTIONS, fixtureEnvVarsFor, manifestFor } from './fixture-registry.js';
import { captureIo, tempDir } from './helpers.js';

const inject = { envVarsFor: fixtureEnvVarsFor, makeSecret: () => 'GENERATED-SECRET-0123456789abcdef0123456789' };

function project(files: Record<string, string>): string {
  const dir = path.join(tempDir(), 'app');
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('gen env on disk', () => {
  it('leaves every file as it was when a later write fails: the files moved before it are put back', async () => {
    const readme = '# app\n\n<!-- env-table:start -->\n<!-- env-table:end -->\n';
    const dir = project({ 'create-better-auth-jwt.json': manifestFor(EXPRESS_OPTIONS), 'README.md': readme });
    const manifest = readFileSync(path.join(dir, 'create-better-auth-jwt.json'), 'utf8');
    const before = readdirSync(dir).sort();
    const moved: string[] = [];
    // The transaction's test hook: the third file's move fails, after two are in place.
    const hooks = {
      beforeMove(file: string, index: number) {
        moved.push(file);
        if (index === 2) throw new Error('disk full (simulated)');
      },
    };
    const options = { cwd: dir, writeEnv: true, ...inject, hooks };
    await expect(runGenEnv(options, captureIo())).rejects.toThrow('disk full (simulated)');
    expect(moved).toHaveLength(3);
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe(readme);
    expect(readFileSync(path.join(dir, 'create-better-auth-jwt.json'), 'utf8')).toBe(manifest);
    expect(readdirSync(path.dirname(dir))).toEqual(['app']);
  });

  it('keeps the mode of a file it rewrites, and writes a new .env 0600', async () => {
    const dir = project({ 'create-better-auth-jwt.json': manifestFor(EXPRESS_OPTIONS), 'README.md': '# app\n<!-- env-table:start -->\n<!-- env-table:end -->\n' });
    const { chmodSync } = await import('node:fs');
    chmodSync(path.join(dir, 'README.md'), 0o640);
    const io = captureIo();
    expect(await runGenEnvCommand({ cwd: dir, writeEnv: true }, io, inject)).toBe(0);
    expect(statSync(path.join(dir, 'README.md')).mode & 0o777).toBe(0o640);
    expect(statSync(path.join(dir, '.env')).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(dir, 'backend/.env')).mode & 0o777).toBe(0o600);
    expect(readdirSync(path.dirname(dir))).toEqual(['app']);
  });

  it('creates nothing beside the project while it writes (the folder above may be read-only or someone else\'s)', async () => {
    const dir = project({ 'create-better-auth-jwt.json': manifestFor(EXPRESS_OPTIONS), 'README.md': '# app\n<!-- env-table:start -->\n<!-- env-table:end -->\n' });
    const beside: string[][] = [];
    const hooks = {
      beforeMove() {
        beside.push(readdirSync(path.dirname(dir)));
      },
    };
    await runGenEnv({ cwd: dir, writeEnv: true, ...inject, hooks }, captureIo());
    expect(beside.length).toBeGreaterThan(0);
    for (const names of beside) expect(names).toEqual(['app']);
    expect(readdirSync(dir).filter((n) => n.includes('cbaj-tmp'))).toEqual([]);
  });
});
