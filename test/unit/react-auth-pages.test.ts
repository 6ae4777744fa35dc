// The React sign-in and sign-up pages (Next.js and React + Vite) are the same code in both
// frameworks: what they share is written once, in templates/_partials, and each page keeps only
// its imports, its router and where it goes after success.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATES, templateSources, templatesWriting } from '../helpers/template-sources.js';

/** The React templates (.tsx), as paths under templates/ with their source. */
const REACT_TEMPLATES = templateSources().filter((t) => t.path.endsWith('.tsx.hbs'));

const writing = (text: string) => REACT_TEMPLATES.filter((t) => t.source.includes(text)).map((t) => t.path);

describe('the React sign-in and sign-up pages', () => {
  it('send the form with one onSubmit, written once in templates/_partials', () => {
    expect(writing('async function onSubmit(')).toEqual(['_partials/react-auth-submit.tsx.hbs']);
  });

  it("send the same credentials as every other framework's forms (one partial for all)", () => {
    expect(templatesWriting("String(form.get('password'))")).toEqual(['_partials/form-credentials.ts.hbs']);
    expect(readFileSync(join(TEMPLATES, '_partials/react-auth-submit.tsx.hbs'), 'utf8')).toMatch(/^ *\{\{> form-credentials\}\}$/m);
  });

  it("every framework's sign-in and sign-up page includes that onSubmit", () => {
    const pages = REACT_TEMPLATES.filter((t) => /\{\{> react-(login|signup)-form\}\}/.test(t.source));
    expect(pages.map((t) => t.path).sort()).toEqual([
      'next/app/login/page.tsx.hbs',
      'next/app/signup/page.tsx.hbs',
      'react-vite-web/src/pages/LoginPage.tsx.hbs',
      'react-vite-web/src/pages/SignupPage.tsx.hbs',
    ]);
    for (const page of pages) expect(page.source, page.path).toContain('{{#> react-auth-submit');
  });

  it('show one form, written once in templates/_partials, that the sign-in and sign-up markup both include', () => {
    expect(writing('autoComplete="email"')).toEqual(['_partials/react-auth-form.tsx.hbs']);
    for (const name of ['react-login-form', 'react-signup-form']) {
      const source = readFileSync(join(TEMPLATES, '_partials', `${name}.tsx.hbs`), 'utf8');
      expect(source, name).toMatch(/^\{\{> react-auth-form( signup=true)?\}\}$/m);
    }
  });
});
