// The sign-in and sign-up forms' fields (name, email, password) are the same markup in SvelteKit
// and Nuxt: they are written once, in templates/_partials, and each page passes only what its
// syntax needs. Each framework's submit handler is likewise written once for both pages, which
// add only where to go on success. (React's pages share theirs in the react-* partials.)
import { describe, expect, it } from 'vitest';
import { templatesWriting } from '../helpers/template-sources.js';

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

describe('the sign-in and sign-up submit handlers', () => {
  it('are written once per framework, in a partial both of its pages include with their own navigation', () => {
    const inPages = (text: string) => templatesWriting(text).filter((file) => !file.startsWith('_partials/'));
    expect(inPages("password: String(form.get('password'))").filter((file) => file.startsWith('sveltekit/') || file.startsWith('nuxt/'))).toEqual([]);
    expect(templatesWriting('{{#> form-submit-svelte').sort()).toEqual(['sveltekit/src/routes/login/+page.svelte.hbs', 'sveltekit/src/routes/signup/+page.svelte.hbs']);
    expect(templatesWriting('{{#> form-submit-vue').sort()).toEqual(['nuxt/app/pages/login.vue.hbs', 'nuxt/app/pages/signup.vue.hbs']);
  });
});

describe('the sign-in page\'s provider buttons', () => {
  it('are written once, in a partial the SvelteKit and Nuxt sign-in pages include with their click binding', () => {
    const pages = ['nuxt/app/pages/login.vue.hbs', 'sveltekit/src/routes/login/+page.svelte.hbs'];
    expect(templatesWriting('data-testid="social-{{id}}"').filter((file) => pages.includes(file))).toEqual([]);
    expect(templatesWriting('{{> form-providers').sort()).toEqual(pages);
  });
});
