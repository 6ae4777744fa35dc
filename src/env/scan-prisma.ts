// Prisma schemas: `url = env("DATABASE_URL")` makes Prisma read DATABASE_URL. `//` comments
// and the insides of other strings are skipped.
import type { EnvRead } from './scan-types.js';

const STRING_OR_COMMENT_OR_ENV = /\/\/[^\n]*|env\(\s*"([^"\\]+)"\s*\)|"(?:[^"\\\n]|\\.)*"/g;

export function scanPrisma(text: string, file: string): { reads: EnvRead[] } {
  const reads: EnvRead[] = [];
  for (const m of text.matchAll(STRING_OR_COMMENT_OR_ENV)) {
    if (m[1] === undefined) continue;
    reads.push({ name: m[1], file, line: text.slice(0, m.index).split('\n').length, kind: 'schema' });
  }
  return { reads };
}
