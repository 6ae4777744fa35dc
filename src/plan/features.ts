// The feature list the CLI plans with. The lead's src/features/index.ts will export
// `FEATURES: Feature[]`; once it exists, replace the line below with:
//   export { FEATURES } from '../features/index.js';
import type { Feature } from '../features/types.js';

export const FEATURES: readonly Feature[] = [];
