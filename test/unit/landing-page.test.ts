// The landing page (sign in, create an account, dashboard) is the same page in every framework
// that has one: its markup is written once, in templates/_partials, and each framework's page
// passes only its link element and class attribute.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/plan/disk-store.js';

const TEMPLATES = join(packageRoot(), 'templates');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
}

describe('the landing page', () => {
  it('its markup is written once, in a partial every framework includes', () => {
    const writing = files(TEMPLATES)
      .filter((file) => readFileSync(file, 'utf8').includes('Sign in to see a protected API'))
      .map((file) => relative(TEMPLATES, file));
    expect(writing).toEqual(['_partials/landing-page.html.hbs']);
  });
});
