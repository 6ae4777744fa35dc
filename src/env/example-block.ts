// The block `gen env` appends to an .env.example it did not write: the only lines of such a
// file it owns. Everything outside the markers is the user's, byte for byte.

export const GEN_BLOCK_START = '# --- added by create-better-auth-jwt gen env: start ---';
export const GEN_BLOCK_END = '# --- added by create-better-auth-jwt gen env: end ---';

/** One of the two marker lines (they look like group headings but are not). */
export function isBlockMarker(line: string): boolean {
  const t = line.replace(/^\uFEFF/, '').trim();
  return t === GEN_BLOCK_START || t === GEN_BLOCK_END;
}
