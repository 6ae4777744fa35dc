// `gen env --write-env` on an existing env file: missing keys are appended in a block of their
// own and an empty generated secret is filled in; no existing value is ever changed.
import { parseDotenv } from './dotenv.js';
import { formatEnvValue } from './render.js';
import type { EnvVar } from './types.js';

/** Adds missing keys to an existing `.env`; fills an empty generated secret in place. */
export function addMissingToDotenv(text: string, vars: readonly EnvVar[], makeSecret: () => string): { text: string; added: string[]; generated: string[] } {
  const parsed = parseDotenv(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const present = new Map(parsed.entries.map((e) => [e.key, e]));
  const added: string[] = [];
  const generated: string[] = [];
  const appended: string[] = [];
  for (const v of vars) {
    const entry = present.get(v.name);
    if (entry) {
      // Only an empty generated secret on a plain one-line assignment is filled in.
      if (v.generate === 'secret' && entry.value === '' && entry.line === entry.endLine) {
        const lineText = lines[entry.line - 1] ?? '';
        const m = /^(\s*(?:export\s+)?[\w.-]+\s*=\s*)(?:""|''|)\s*(#.*)?$/.exec(lineText);
        if (m) {
          lines[entry.line - 1] = `${m[1]}${formatEnvValue(makeSecret())}${m[2] ? ` ${m[2]}` : ''}`;
          generated.push(v.name);
        }
      }
      continue;
    }
    const value = v.generate === 'secret' ? makeSecret() : (v.localDefault ?? '');
    if (v.generate === 'secret') generated.push(v.name);
    appended.push(`${v.name}=${formatEnvValue(value)}`);
    added.push(v.name);
  }
  let out = lines.join(eol);
  if (appended.length > 0) {
    if (out !== '' && !out.endsWith(eol)) out += eol;
    out += `${out === '' ? '' : eol}# Added by create-better-auth-jwt gen env${eol}${appended.join(eol)}${eol}`;
  }
  return { text: out, added, generated };
}
