// The feature list the CLI plans with (src/features/index.ts, owned by the features work).
export { FEATURES } from '../features/index.js';
