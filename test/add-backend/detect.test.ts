// Which API add backend finds, and the one line it refuses anything else with.
import { execa } from 'execa';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeApi, detectApi } from '../../src/add-backend/detect.js';
import { BIN } from '../helpers/generate.js';
import { addBackend, copyFixture, FIXTURES } from './fixtures.js';

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbaj-detect-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const pkg = (value: Record<string, unknown>) => JSON.stringify({ name: 'api', ...value });

describe('add backend detects', () => {
  it('an express-generator app: Express 4, JavaScript, CommonJS, code at the root, app.js, morgan, no CORS', () => {
    const api = detectApi(path.join(FIXTURES, 'express-generator'));
    expect(api).toEqual({ kind: 'express', version: '~4.16.1', major: 4, typescript: false, module: 'cjs', codeDir: '', entry: 'app.js', hasCors: false, hasMorgan: true, hasHonoLogger: false });
    expect(describeApi(api!)).toBe('Found an Express ~4.16.1 API (JavaScript, CommonJS, code at the root, app in app.js).');
  });

  it('Express 5 in TypeScript with ES modules, src/, and its own CORS', () => {
    expect(detectApi(path.join(FIXTURES, 'express5-ts'))).toMatchObject({ kind: 'express', major: 5, typescript: true, module: 'esm', codeDir: 'src', entry: 'src/index.ts', hasCors: true });
  });

  it('Fastify 5 in JavaScript ES modules; Hono in TypeScript; hono/cors counts as CORS', () => {
    expect(detectApi(path.join(FIXTURES, 'fastify5-esm'))).toMatchObject({ kind: 'fastify', major: 5, typescript: false, module: 'esm', codeDir: 'src', entry: 'src/server.js', hasCors: false });
    expect(detectApi(path.join(FIXTURES, 'hono-ts'))).toMatchObject({ kind: 'hono', typescript: true, module: 'esm', entry: 'src/index.ts', hasCors: false });
    const withCors = project({ 'package.json': pkg({ type: 'module', dependencies: { hono: '^4' } }), 'index.js': "import { Hono } from 'hono';\nimport { cors } from 'hono/cors';\nconst app = new Hono();\n" });
    expect(detectApi(withCors)).toMatchObject({ kind: 'hono', typescript: false, module: 'esm', codeDir: '', entry: 'index.js', hasCors: true });
  });

  it('Fastify 4 in TypeScript compiled to CommonJS (no "type": "module")', () => {
    const dir = project({ 'package.json': pkg({ dependencies: { fastify: '^4.28.1' }, devDependencies: { typescript: '^5' } }), 'tsconfig.json': '{}', 'src/app.ts': "import fastify from 'fastify';\nexport const app = fastify();\n" });
    expect(detectApi(dir)).toMatchObject({ kind: 'fastify', major: 4, typescript: true, module: 'cjs', codeDir: 'src', entry: 'src/app.ts' });
  });

  it('FastAPI from requirements.txt (a package with a router) or from pyproject.toml (modules at the root)', () => {
    expect(detectApi(path.join(FIXTURES, 'fastapi-router'))).toEqual({ kind: 'fastapi', source: 'requirements.txt', codeDir: 'app', entry: 'app/main.py', hasCors: false });
    const dir = project({ 'pyproject.toml': '[project]\nname = "api"\ndependencies = [\n  "fastapi>=0.110",\n]\n', 'main.py': 'from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\n\napp = FastAPI()\n' });
    expect(detectApi(dir)).toEqual({ kind: 'fastapi', source: 'pyproject.toml', codeDir: '', entry: 'main.py', hasCors: true });
  });
});

describe('add backend in a FastAPI project with pyproject.toml', () => {
  it('takes --cwd, writes the verifier at the root, and prints the requirement lines instead of editing pyproject.toml', async () => {
    const pyproject = '[project]\nname = "api"\ndependencies = ["fastapi>=0.110", "uvicorn"]\n';
    const dir = project({ 'pyproject.toml': pyproject, 'main.py': 'from fastapi import FastAPI\n\napp = FastAPI()\n' });
    const result = await execa(process.execPath, [BIN, 'add', 'backend', '--cwd', dir, '--yes'], { reject: false, env: { CI: '1' }, stdin: 'ignore' });
    expect(result.exitCode, String(result.stderr)).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'pyproject.toml'), 'utf8')).toBe(pyproject);
    expect(fs.readFileSync(path.join(dir, 'auth.py'), 'utf8')).toMatch(/^from auth_settings import settings$/m);
    expect(fs.existsSync(path.join(dir, 'auth_settings.py'))).toBe(true);
    expect(result.stdout).toContain('Note: add to your pyproject.toml dependencies: "PyJWT[crypto]>=2.6,!=2.10.0,<3", "cryptography>=38"');
    expect(result.stdout).toContain('    from auth import AuthError, AuthUnavailable, RedactTokens, User, auth_error_handler, require_user');
  });
});

describe('add backend refuses', () => {
  it('a project with no API it knows, with exactly one line and exit 1, writing nothing', async () => {
    const cases: Array<Record<string, string>> = [{ 'package.json': pkg({ dependencies: { koa: '^2' } }), 'index.js': 'x' }, {}, { 'requirements.txt': 'flask\n' }];
    for (const files of cases) {
      const dir = project(files);
      const before = fs.readdirSync(dir).sort();
      const run = await addBackend(dir, '--yes');
      expect(run.exitCode).toBe(1);
      expect(run.stderr).toBe(`error: ${dir} holds no Express, Fastify, Hono or FastAPI API (looked for them in package.json, requirements.txt and pyproject.toml); add backend adds JWT verification to one of those`); // execa drops the final line break
      expect(run.stdout).toBe('');
      expect(fs.readdirSync(dir).sort()).toEqual(before);
    }
  });

  it('a git tree with uncommitted changes unless --force', async () => {
    const dir = copyFixture('hono-ts');
    const git = (...args: string[]) => execa('git', args, { cwd: dir, env: { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
    await git('init', '-q');
    await git('add', '.');
    await git('commit', '-qm', 'init');
    fs.appendFileSync(path.join(dir, 'src/index.ts'), '// wip\n');
    const refused = await addBackend(dir, '--yes');
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/has uncommitted changes \(1 path, e\.g\. src\/index\.ts\).*--force/);
    expect(fs.existsSync(path.join(dir, 'src/auth'))).toBe(false);
    expect((await addBackend(dir, '--yes', '--force')).exitCode).toBe(0);
    expect(fs.existsSync(path.join(dir, 'src/auth/verify-jwt.ts'))).toBe(true);
  });

  it('to write through a symbolic link: one line, exit 1, nothing written on either side', async () => {
    const dir = copyFixture('hono-ts');
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'cbaj-elsewhere-'));
    fs.symlinkSync(elsewhere, path.join(dir, 'src/auth'), 'dir');
    const run = await addBackend(dir, '--yes');
    expect(run.exitCode).toBe(1);
    // Besides the "not in a git repository" warning: one error line, no stack.
    expect(run.stderr.split('\n').filter((line) => !line.startsWith('warning: '))).toHaveLength(1);
    expect(run.stderr).toMatch(/^error: refusing src\/auth\/verify-jwt\.ts in .*: src\/auth is a symbolic link/m);
    expect(fs.readdirSync(elsewhere)).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'create-better-auth-jwt.backend.json'))).toBe(false);
    expect(fs.existsSync(path.join(dir, '.env.example'))).toBe(false);
  });

  it('a bad --auth-url or --algorithm as a usage error (exit 2), in one line', async () => {
    const dir = copyFixture('hono-ts');
    const url = await addBackend(dir, '--yes', '--auth-url', 'localhost:3000');
    expect(url.exitCode).toBe(2);
    expect(url.stderr).toMatch(/^error: --auth-url "localhost:3000" must be an http:\/\/ or https:\/\/ URL$/);
    const alg = await addBackend(dir, '--yes', '--algorithm', 'HS256');
    expect(alg.exitCode).toBe(2);
    expect(alg.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.existsSync(path.join(dir, 'src/auth'))).toBe(false);
  });
});
