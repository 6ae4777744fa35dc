// Handlebars templates compiled ahead of time, keyed by a hash of their source.
//
// Empty in source form (tests, tsc): templates are compiled at run time. The bundle built by
// scripts/build.mjs replaces this module's body with every template under templates/
// precompiled, which saves the CLI about 20 ms of parsing and compiling per scaffold. A
// template whose source differs from the one built (an edited copy) misses the map and is
// compiled as before, so the output never depends on which path was taken.
import { createHash } from 'node:crypto';

export const PRECOMPILED_TEMPLATES: Readonly<Record<string, unknown>> = {};

export function templateKey(source: string): string {
  return createHash('sha1').update(source).digest('hex');
}
