// `--framework sveltekit`: placeholder, being built (see issue 5). Its templates live in templates/sveltekit*.
import type { Feature } from './types.js';

export const sveltekit: Feature = {
  id: 'sveltekit',
  applies: (options) => options.framework === 'sveltekit',
  templateDirs: () => [],
};
