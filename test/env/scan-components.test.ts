// check env reads the scripts of Svelte and Vue components and Nuxt's runtimeConfig: the env
// names a SvelteKit or Nuxt project reads without a plain `process.env.X` in a .ts file.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nuxtEnvName } from '../../src/env/scan-js.js';
import { scanProject } from '../../src/env/scan.js';

function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'cbaj-scan-sfc-'));
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), content);
  }
  return root;
}

async function readsOf(files: Record<string, string>) {
  const r = await scanProject(project(files));
  return { reads: r.reads.map((x) => `${x.file}:${x.name}:${x.line}`).sort(), problems: r.problems };
}

const SVELTE = `<script module lang="ts">
  import { PUBLIC_SITE_NAME } from '$env/static/public';
</script>

<script lang="ts">
  import { env } from '$env/dynamic/public';
  const url = env.PUBLIC_API_URL;
  let { data } = $props();
</script>

<!-- {env.PUBLIC_IN_COMMENT} and process.env.IN_COMMENT -->
<h1>{PUBLIC_SITE_NAME}</h1>
<a href={env.PUBLIC_DOCS_URL}>docs</a>
{#if env['PUBLIC_FLAG']}<p>on</p>{/if}

<style>
  p::after { content: 'process.env.IN_STYLE'; }
</style>
`;

const VUE = `<template>
  <p>{{ message }}</p>
</template>

<script setup lang="ts">
const base = import.meta.env.VITE_BASE;
const config = useRuntimeConfig();
</script>

<script lang="ts">
export default { name: process.env.COMPONENT_NAME };
</script>
`;

describe('component scripts (.svelte, .vue)', () => {
  it('reads every <script> block and $env aliases used in Svelte markup, with the file\'s own line numbers', async () => {
    const { reads, problems } = await readsOf({ 'src/routes/+page.svelte': SVELTE });
    expect(reads).toEqual([
      'src/routes/+page.svelte:PUBLIC_API_URL:7',
      'src/routes/+page.svelte:PUBLIC_DOCS_URL:13',
      'src/routes/+page.svelte:PUBLIC_FLAG:14',
      'src/routes/+page.svelte:PUBLIC_SITE_NAME:2',
    ]);
    expect(problems).toEqual([]);
  });

  it('reads <script setup> and <script> of a Vue component, not its template text', async () => {
    const { reads, problems } = await readsOf({ 'app/pages/index.vue': VUE });
    expect(reads).toEqual(['app/pages/index.vue:COMPONENT_NAME:11', 'app/pages/index.vue:VITE_BASE:6']);
    expect(problems).toEqual([]);
  });

  it('reports a syntax error in a component script at the file\'s line', async () => {
    const { problems } = await readsOf({ 'src/Broken.svelte': '<h1>x</h1>\n\n<script>\nconst a = process.env.A +;\n</script>\n' });
    expect(problems).toMatchObject([{ kind: 'parse-error', file: 'src/Broken.svelte', line: 4 }]);
  });
});

describe("Nuxt's runtimeConfig", () => {
  it('names variables the way Nuxt overrides them', () => {
    expect(nuxtEnvName(['public', 'apiUrl'])).toBe('NUXT_PUBLIC_API_URL');
    expect(nuxtEnvName(['apiURL'])).toBe('NUXT_API_URL');
    expect(nuxtEnvName(['jwksCacheTTLSeconds'])).toBe('NUXT_JWKS_CACHE_TTL_SECONDS');
    expect(nuxtEnvName(['auth', 'secret'])).toBe('NUXT_AUTH_SECRET');
  });

  it('counts every runtimeConfig leaf of nuxt.config as a read, even without the word "env" in the file', async () => {
    const config = [
      'export default defineNuxtConfig({',
      '  runtimeConfig: {',
      "    apiSecret: '',",
      '    auth: { clientId: "" },',
      '    public: {',
      "      apiUrl: 'http://localhost:8000',",
      '    },',
      '  },',
      '});',
      '',
    ].join('\n');
    const { reads } = await readsOf({ 'nuxt.config.ts': config, 'layer/nuxt.config.mjs': 'export default { runtimeConfig: { public: { docs: 1 } } };\n' });
    expect(reads).toEqual([
      'layer/nuxt.config.mjs:NUXT_PUBLIC_DOCS:1',
      'nuxt.config.ts:NUXT_API_SECRET:3',
      'nuxt.config.ts:NUXT_AUTH_CLIENT_ID:4',
      'nuxt.config.ts:NUXT_PUBLIC_API_URL:6',
    ]);
  });

  it('does not read runtimeConfig outside nuxt.config', async () => {
    const { reads } = await readsOf({ 'app/config.ts': 'export const x = { runtimeConfig: { public: { apiUrl: "" } } };\n' });
    expect(reads).toEqual([]);
  });
});
