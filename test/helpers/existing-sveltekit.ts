// Existing SvelteKit apps for the `--cwd` tests, made at test time by the real starter
// (`sv create`, a pinned devDependency, so it runs offline and is locked), never committed; the
// CLI run in them; and the lines it prints applied the way a user would paste them.
import { execa } from 'execa';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './deps-cache.js';

/** sv's CLI (package.json pins it: its minimal template has adapter-auto and config in vite.config.ts). */
const SV_BIN = join(REPO_ROOT, 'node_modules/sv/dist/bin.mjs');
/** The adapter the minimal template depends on, which the deps cache does not hold. */
export const ADAPTER_AUTO = '@sveltejs/adapter-auto@7.0.1';

export const BIN = join(REPO_ROOT, 'bin/create-better-auth-jwt.js');
export const GIT_ENV = { GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };

/** A hooks file of the app's own, with a handle (and no init), as apps commonly have. */
export const OWN_HOOKS = `import type { Handle } from '@sveltejs/kit';

export const handle: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  response.headers.set('x-app-hook', 'yes');
  return response;
};
`;

export type SvelteKitFixture = 'ts' | 'jsdoc' | 'own-hooks';

/** `sv create --template minimal` into `<fresh temp>/<name>`, with own hooks for "own-hooks", committed to git. */
export async function createSvelteKitApp(kind: SvelteKitFixture, name = `sk-${kind}`): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'cbaj-existing-sk-'));
  const types = kind === 'jsdoc' ? 'jsdoc' : 'ts';
  const made = await execa(process.execPath, [SV_BIN, 'create', '--template', 'minimal', '--types', types, '--no-add-ons', '--no-install', name], {
    cwd: root,
    reject: false,
    all: true,
    env: { CI: '1', NO_COLOR: '1' },
    timeout: 120_000,
  });
  if (made.exitCode !== 0) throw new Error(`sv create failed (exit ${made.exitCode}):\n${made.all ?? ''}`);
  const dir = join(root, name);
  if (kind === 'own-hooks') writeFileSync(join(dir, 'src/hooks.server.ts'), OWN_HOOKS);
  await execa('git', ['init', '-q', '-b', 'main'], { cwd: dir, env: GIT_ENV });
  await execa('git', ['add', '-A'], { cwd: dir, env: GIT_ENV });
  await execa('git', ['commit', '-qm', 'app'], { cwd: dir, env: GIT_ENV });
  return dir;
}

/** The CLI in `cwd`, as a user without a terminal runs it. */
export function runCli(args: string[], cwd: string) {
  return execa('node', [BIN, ...args], {
    cwd,
    reject: false,
    stdin: 'pipe',
    env: { CI: '1', NO_COLOR: '1', DEBUG: '', npm_config_user_agent: '', ...GIT_ENV },
    timeout: 60_000,
  });
}

/** The lines printed under "  - <file> is yours..." (indented by six spaces), without the indent. */
export function printedLines(stdout: string, file: string): string[] {
  const all = stdout.split('\n');
  const start = all.findIndex((l) => l.startsWith(`  - ${file} is yours`));
  if (start < 0) throw new Error(`no instruction for ${file} in:\n${stdout}`);
  const lines: string[] = [];
  for (const line of all.slice(start + 1)) {
    if (line.startsWith('  - ') || (line !== '' && !line.startsWith('      '))) break;
    lines.push(line.slice(6));
  }
  return lines.join('\n').trim().split('\n');
}

const code = (lines: string[]) => lines.filter((l) => !l.trimStart().startsWith('//'));

/** Applies the printed vite.config.ts lines: the adapter import replaces the app's, the options go into defineConfig({. */
export function applyViteConfigLines(dir: string, lines: string[]): void {
  const file = join(dir, 'vite.config.ts');
  let text = readFileSync(file, 'utf8');
  const imports = code(lines).filter((l) => l.startsWith('import '));
  const options = code(lines).filter((l) => l !== '' && !l.startsWith('import '));
  for (const line of imports) text = text.replace(/^import adapter from '[^']+';$/m, line);
  text = text.replace('defineConfig({', `defineConfig({\n${options.map((l) => `\t${l}`).join('\n')}`);
  writeFileSync(file, text);
}

/** Applies the printed hooks lines: imports on top, the app's handle renamed as told, the rest after it. */
export function applyHooksLines(dir: string, lines: string[]): void {
  const file = join(dir, 'src/hooks.server.ts');
  let text = readFileSync(file, 'utf8');
  const imports = lines.filter((l) => l.startsWith('import '));
  const rest = lines.filter((l) => !l.startsWith('import '));
  if (lines.some((l) => l.includes('rename your `export const handle` to `const appHandle`'))) text = text.replace('export const handle', 'const appHandle');
  writeFileSync(file, `${imports.join('\n')}\n${text}\n${rest.join('\n')}\n`);
}

/** The minimal template's adapter, added to a node_modules made from the deps cache (it has no dependencies). */
export async function addAdapterAuto(dir: string): Promise<void> {
  const packed = mkdtempSync(join(tmpdir(), 'cbaj-adapter-auto-'));
  try {
    const pack = await execa('npm', ['pack', ADAPTER_AUTO, '--silent', '--pack-destination', packed], { reject: false, all: true, timeout: 120_000 });
    if (pack.exitCode !== 0) throw new Error(`npm pack ${ADAPTER_AUTO} failed:\n${pack.all ?? ''}`);
    const target = join(dir, 'node_modules/@sveltejs/adapter-auto');
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    await execa('tar', ['xzf', join(packed, pack.stdout.trim().split('\n').pop() as string), '-C', target, '--strip-components=1']);
  } finally {
    rmSync(packed, { recursive: true, force: true });
  }
}
