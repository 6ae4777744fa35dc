// The existing Nuxt 4 app for the `--cwd` tests: Nuxt's minimal starter written by hand in
// test/fixtures/apps/nuxt4-minimal (create-nuxt cannot download its template here), Nuxt pinned
// to 4.4.2 for Node 20, copied to a temp dir and committed to git. And the printed lines applied
// the way a user would paste them.
import { execa } from 'execa';
import { cpSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './deps-cache.js';
import { GIT_ENV } from './existing-sveltekit.js';

export const NUXT_FIXTURE = join(REPO_ROOT, 'test/fixtures/apps/nuxt4-minimal');

export async function createNuxtApp(name = 'nuxt-app'): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), 'cbaj-existing-nuxt-')), name);
  cpSync(NUXT_FIXTURE, dir, { recursive: true });
  renameSync(join(dir, '_gitignore'), join(dir, '.gitignore'));
  await execa('git', ['init', '-q', '-b', 'main'], { cwd: dir, env: GIT_ENV });
  await execa('git', ['add', '-A'], { cwd: dir, env: GIT_ENV });
  await execa('git', ['commit', '-qm', 'app'], { cwd: dir, env: GIT_ENV });
  return dir;
}

const code = (lines: string[]) => lines.filter((l) => !l.trimStart().startsWith('//'));

/** Applies the printed lines: app.vue's <NuxtWelcome /> becomes them, nuxt.config's options go first in defineNuxtConfig({. */
export function applyNuxtLines(dir: string, appVue: string[], config: string[]): void {
  const vue = join(dir, 'app/app.vue');
  writeFileSync(vue, readFileSync(vue, 'utf8').replace('<NuxtWelcome />', code(appVue).join('\n')));
  const file = join(dir, 'nuxt.config.ts');
  writeFileSync(file, readFileSync(file, 'utf8').replace('defineNuxtConfig({', `defineNuxtConfig({\n  ${code(config).join('\n  ')}`));
}
