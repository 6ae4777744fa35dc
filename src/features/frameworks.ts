// The frameworks a project can be: one module each (define-framework.ts). Adding a framework
// is its module, its template folder and one line here.
import type { Framework } from '../options/choices.js';
import type { FrameworkModule, FrameworkProfile } from './define-framework.js';
import { nextFramework } from './next-app.js';
import { nuxtFramework } from './nuxt.js';
import { reactViteFramework } from './react-vite.js';
import { sveltekitFramework } from './sveltekit.js';

export type { FrameworkModule, FrameworkProfile };

/** In the order their features' files and variables appear. */
export const FRAMEWORK_MODULES: readonly FrameworkModule[] = [nextFramework, reactViteFramework, sveltekitFramework, nuxtFramework];

export function frameworkModule(id: Framework): FrameworkModule {
  const found = FRAMEWORK_MODULES.find((m) => m.id === id);
  if (!found) throw new Error(`bug: no framework module for "${id}"`);
  return found;
}

/** Each framework's profile with its label, by id. */
export const FRAMEWORK_PROFILES: Readonly<Record<Framework, FrameworkProfile & { label: string }>> = Object.fromEntries(
  FRAMEWORK_MODULES.map((m) => [m.id, { label: m.label, ...m.profile }]),
) as Record<Framework, FrameworkProfile & { label: string }>;
