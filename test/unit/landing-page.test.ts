// The landing page (sign in, create an account, dashboard) is the same page in every framework
// that has one: its markup is written once, in templates/_partials, and each framework's page
// passes only its link element and class attribute.
import { describe, expect, it } from 'vitest';
import { templatesWriting } from '../helpers/template-sources.js';

describe('the landing page', () => {
  it('its markup is written once, in a partial every framework includes', () => {
    expect(templatesWriting('Sign in to see a protected API')).toEqual(['_partials/landing-page.html.hbs']);
  });
});
