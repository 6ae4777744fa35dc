// A .env parser that loads exactly what `dotenv` (v16/v17) loads, plus the positions and
// raw text needed to explain where a file and its loaded values disagree.
//
// Faithfulness first: dotenv's behaviour is defined by one regular expression and a few
// replacements (lib/main.js `parse`). Re-deriving it by hand gets the odd corners wrong
// (a value taken from the next line, `#` cutting an unquoted value even without a space,
// `\s` eating a BOM, `KEY: value` accepted), so we run the same expression and record
// where each match starts and ends. The lint layer then compares each line with what was
// loaded from it. test/env/dotenv-parse.test.ts checks this against the real package.

/** dotenv's LINE expression, verbatim (dotenv 16.x–17.x, BSD-2-Clause). */
const DOTENV_LINE =
  /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/gm;

export interface DotenvEntry {
  key: string;
  /** The value dotenv loads. */
  value: string;
  /** 1-based line of the key. */
  line: number;
  /** 1-based line where the matched text ends (multi-line quoted values). */
  endLine: number;
  /** The value as written (after `=`), untrimmed, before quote removal. */
  rawValue: string;
  /** Quote character the value started with, if any. */
  quote: '"' | "'" | '`' | undefined;
  /** True when the text after the key used `:` instead of `=`. */
  colon: boolean;
}

export interface ParsedDotenv {
  /** Every assignment in file order (duplicates included). */
  entries: DotenvEntry[];
  /** What dotenv.parse returns: last assignment wins. */
  values: Map<string, string>;
  /** Normalised text (CRLF/CR → LF) split into lines, 0-based. */
  lines: string[];
  /** For each 0-based line index: index into `entries` of the assignment covering it. */
  coveredBy: Array<number | undefined>;
}

/** Normalise line breaks the way dotenv does before matching. */
export function normaliseNewlines(src: string): string {
  return src.replace(/\r\n?/g, '\n');
}

export function parseDotenv(source: string): ParsedDotenv {
  const text = normaliseNewlines(source);
  const lines = text.split('\n');
  // Offsets of each line start, for offset → line lookups.
  const lineStarts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo; // 0-based
  };

  const entries: DotenvEntry[] = [];
  const values = new Map<string, string>();
  const coveredBy: Array<number | undefined> = new Array(lines.length).fill(undefined);
  const re = new RegExp(DOTENV_LINE.source, `${DOTENV_LINE.flags}d`);
  let match: RegExpExecArray | null;
  while ((match = re.exec(text)) !== null) {
    const key = match[1] ?? '';
    const rawValue = match[2] ?? '';
    // Same steps as dotenv.parse.
    let value = rawValue.trim();
    const maybeQuote = value[0];
    value = value.replace(/^(['"`])([\s\S]*)\1$/gm, '$2');
    if (maybeQuote === '"') value = value.replace(/\\n/g, '\n').replace(/\\r/g, '\r');

    const whole = match[0];
    const lead = /^\s*(?:export\s+)?/.exec(whole)?.[0] ?? '';
    const keyOffset = whole.startsWith(key, lead.length) ? lead.length : (/^\s*/.exec(whole)?.[0].length ?? 0);
    const keyLine = lineOf(match.index + keyOffset);
    // The match's trailing `\s*(?:#.*)?` can run over newlines into a following comment
    // line; the assignment ends where its value (or, without one, its key) ends.
    const valueIndices = match.indices?.[2];
    const end = valueIndices && valueIndices[1] > valueIndices[0] ? valueIndices[1] - 1 : match.index + keyOffset + key.length - 1;
    const endLine = Math.max(lineOf(end), keyLine);
    const afterKey = whole.slice(keyOffset + key.length);
    const colon = /^\s*:/.test(afterKey) && !/^\s*=/.test(afterKey);
    const trimmedRaw = rawValue.trim();
    const q = trimmedRaw[0];
    const quote = q === '"' || q === "'" || q === '`' ? q : undefined;

    const index = entries.length;
    entries.push({ key, value, line: keyLine + 1, endLine: endLine + 1, rawValue, quote, colon });
    values.set(key, value);
    for (let l = keyLine; l <= endLine; l++) coveredBy[l] = index;
  }
  return { entries, values, lines, coveredBy };
}

/** What `dotenv.parse` returns, as a plain object. */
export function dotenvValues(source: string): Record<string, string> {
  return Object.fromEntries(parseDotenv(source).values);
}
