// The CLI's own version. The build (scripts/build.mjs) inlines it as a constant so that
// start-up reads no file; from source (tests) it is read from package.json.
import { readFileSync } from 'node:fs';

declare const __CBAJ_VERSION__: string | undefined;

export const CLI_NAME = 'create-better-auth-jwt';

function versionFromPackageJson(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export const CLI_VERSION: string = typeof __CBAJ_VERSION__ === 'string' ? __CBAJ_VERSION__ : versionFromPackageJson();
