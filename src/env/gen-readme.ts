// What `gen env` does to a README: it owns only the env table between its markers. A README
// without them is left alone unless the user asks for the table (--readme-markers), and a
// directory without a README never gets one.
import { ENV_TABLE_END, ENV_TABLE_START, replaceEnvTable } from './render.js';

export const README_MARKERS_FLAG = '--readme-markers';

function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/** The README's new text (undefined: left alone) and a note for the user, if any. */
export function planReadme(name: string, text: string | undefined, table: string, optIn: boolean): { after?: string; note?: string } {
  if (text === undefined) return optIn ? { note: `there is no README.md here, and gen env does not create one` } : {};
  const crlf = text.includes('\r\n');
  const startAt = text.indexOf(ENV_TABLE_START);
  if (startAt !== -1 && text.indexOf(ENV_TABLE_END, startAt) !== -1) return { after: replaceEnvTable(text, crlf ? toCrlf(table) : table) };
  if (!optIn) {
    return { note: `${name} has no ${ENV_TABLE_START} / ${ENV_TABLE_END} markers, so gen env leaves it alone; run gen env ${README_MARKERS_FLAG} to append the env table with them (or put the two lines where the table should go)` };
  }
  const appended = replaceEnvTable(text, table).slice(text.length);
  return { after: text + (crlf ? toCrlf(appended) : appended) };
}
