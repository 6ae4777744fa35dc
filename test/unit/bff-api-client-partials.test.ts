// The code every framework's backend-for-frontend route shares (the call handed to lib/bff.ts,
// with the token minted from the session), and the code both flavours of lib/api-client.ts
// share (imports, apiBase(), ApiError), are written once, in templates/_partials.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiClient } from '../../src/features/api-client.js';
import { FRAMEWORK_MODULES } from '../../src/features/frameworks.js';
import { HTTP_CLIENTS } from '../../src/options/choices.js';
import { defaultProjectOptions } from '../../src/options/schema.js';
import { filesUnder as files, TEMPLATES, templatesWriting } from '../helpers/template-sources.js';

const writing = templatesWriting;

/** The template files of the features that apply to these options. */
function templatesOf(options: ReturnType<typeof defaultProjectOptions>): string[] {
  return FRAMEWORK_MODULES.flatMap((module) => module.features)
    .filter((feature) => feature.applies(options))
    .flatMap((feature) => feature.templateDirs(options))
    .filter((dir) => existsSync(join(TEMPLATES, dir)))
    .flatMap((dir) => files(join(TEMPLATES, dir)));
}

describe('the backend-for-frontend routes', () => {
  it('the call to lib/bff.ts, with the token minted from the session, is written once, in a partial', () => {
    expect(writing('mintToken: async () =>')).toEqual(['_partials/bff-forward-options.ts.hbs']);
  });

  it('every framework with a BFF route hands its calls over through that partial', () => {
    const withBff = FRAMEWORK_MODULES.filter((module) => module.profile.bffRoute !== '');
    expect(withBff.length).toBeGreaterThan(0);
    for (const module of withBff) {
      const options = { ...defaultProjectOptions('app'), framework: module.id, storage: 'cookie' as const };
      const routes = templatesOf(options).filter((file) => readFileSync(file, 'utf8').includes('forwardToApi'));
      expect(routes, `${module.id}'s BFF route`).toHaveLength(1);
      expect(readFileSync(routes[0] as string, 'utf8'), `${module.id}'s BFF route`).toContain('{{#> bff-forward-options}}');
    }
  });
});

describe('the API client', () => {
  it('its imports, apiBase() and ApiError are written once, in partials', () => {
    expect(writing("import { apiUrl } from './api-url';")).toEqual(['_partials/api-client-imports.ts.hbs']);
    expect(writing('const apiBase = () =>')).toEqual(['_partials/api-client-base.ts.hbs']);
    expect(writing('class ApiError extends Error')).toEqual(['_partials/api-client-error.ts.hbs']);
  });

  it('both flavours (fetch and axios) include those partials', () => {
    for (const http of HTTP_CLIENTS) {
      const options = { ...defaultProjectOptions('app'), http };
      const [client, ...more] = apiClient
        .templateDirs(options)
        .map((dir) => join(TEMPLATES, dir, 'lib/api-client.ts.hbs'))
        .filter((path) => existsSync(path));
      expect(more, `${http}: one lib/api-client.ts template`).toEqual([]);
      const source = readFileSync(client as string, 'utf8');
      for (const partial of ['api-client-imports', 'api-client-base', 'api-client-error']) {
        expect(source, `${http} includes ${partial}`).toContain(`{{> ${partial}}}`);
      }
    }
  });
});
