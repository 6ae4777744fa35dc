// The texts `add backend` writes (verifier, settings, guards; the JavaScript ones without
// types), by name: see scripts/add-backend-sources.mjs, which derives them from templates/.
//
// In the bundle, scripts/build.mjs replaces this module with those texts, derived at build
// time, so the CLI needs neither typescript (a devDependency) nor templates/ for them. From
// source (tests, tsc) they are derived here, now, the same way.
import path from 'node:path';
import { packageRoot } from '../plan/disk-store.js';

export type VerifierSources = Readonly<Record<string, string>>;

export async function verifierSources(): Promise<VerifierSources> {
  // @ts-expect-error: a plain .mjs build helper without type declarations
  const derive = (await import('../../scripts/add-backend-sources.mjs')) as { verifierSources: (templatesRoot: string) => Record<string, string> };
  return derive.verifierSources(path.join(packageRoot(), 'templates'));
}
