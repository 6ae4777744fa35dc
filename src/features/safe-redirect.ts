// lib/safe-redirect.ts in every project: the one check of where sign-in and sign-up send the
// browser next (`?next=`, the social callbackURL), used by every framework's auth pages.
import type { Feature } from './types.js';

export const safeRedirect: Feature = {
  id: 'safe-redirect',
  applies: () => true,
  templateDirs: () => ['safe-redirect'],
};
