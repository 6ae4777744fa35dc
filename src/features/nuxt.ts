// `--framework nuxt`: placeholder, being built (see issue 5). Its templates live in templates/nuxt*.
import type { Feature } from './types.js';

export const nuxt: Feature = {
  id: 'nuxt',
  applies: (options) => options.framework === 'nuxt',
  templateDirs: () => [],
};
