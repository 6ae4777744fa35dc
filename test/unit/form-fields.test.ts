// The sign-in and sign-up forms' fields (name, email, password) are the same markup in SvelteKit
// and Nuxt: they are written once, in templates/_partials, and each page passes only what its
// syntax needs. (React's pages share theirs in react-login-form / react-signup-form.)
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/plan/disk-store.js';

const TEMPLATES = join(packageRoot(), 'templates');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
}

function templatesWriting(text: string): string[] {
  return files(TEMPLATES)
    .filter((file) => readFileSync(file, 'utf8').includes(text))
    .map((file) => relative(TEMPLATES, file));
}

describe('the sign-in and sign-up fields', () => {
  it('the password inputs are written once, in a partial the SvelteKit and Nuxt pages include', () => {
    expect(templatesWriting('autocomplete="current-password"')).toEqual(['_partials/form-fields.html.hbs']);
    expect(templatesWriting('autocomplete="new-password"')).toEqual(['_partials/form-fields.html.hbs']);
  });

  it('every SvelteKit and Nuxt sign-in and sign-up page includes them', () => {
    const pages = [
      'nuxt/app/pages/login.vue.hbs',
      'nuxt/app/pages/signup.vue.hbs',
      'sveltekit/src/routes/login/+page.svelte.hbs',
      'sveltekit/src/routes/signup/+page.svelte.hbs',
    ];
    expect(templatesWriting('{{> form-fields').sort()).toEqual(pages.sort());
  });
});
