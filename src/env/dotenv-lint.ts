// Lint of a .env-style file: every line is compared with what dotenv actually loads from it.
import { parseDotenv, type ParsedDotenv } from './dotenv.js';
import { finding, showValue, type Finding } from './findings.js';
import type { Expansion } from './loader.js';
import { looksLikeVariableName } from './names.js';

export interface LintOptions {
  /** Path shown in findings. */
  file: string;
  /**
   * Variables whose values a message may show: the registry says they are not secret. Values
   * of every other variable are masked (the default), and so are secret-looking names and
   * passwords in URLs whatever this says.
   */
  isPublic?: (name: string) => boolean;
  /** Variables to mask even if isPublic says otherwise (kept for callers that pass it). */
  isSecret?: (name: string) => boolean;
  /**
   * Whether the file's loader expands references (loaderExpands in loader.ts): true for both
   * ${VAR} and $VAR, 'braced' for ${VAR} only (python-dotenv). Default false: plain dotenv.
   */
  expandsReferences?: Expansion;
}

/** `.env.example`, `.env.sample`, `.env.template` (also `backend/.env.example`). */
const EXAMPLE_FILE = /(?:^|\/)\.env(?:\.[\w-]+)*\.(?:example|sample|template|dist)$/;

/** Escapes other than \n and \r that a reader would expect a double-quoted value to process. */
const UNPROCESSED_ESCAPE = /\\[tbfv0"'\\$]/;

export function lintDotenv(source: string, options: LintOptions): { parsed: ParsedDotenv; findings: Finding[] } {
  const parsed = parseDotenv(source);
  const { file } = options;
  const expands = options.expandsReferences ?? false;
  // In an example, `VALUE # note` documents the value: a copy loads exactly what was meant.
  const isExample = EXAMPLE_FILE.test(file);
  const show = (name: string, value: string) => showValue(name, value, (options.isPublic?.(name) ?? false) && !(options.isSecret?.(name) ?? false));
  const findings: Finding[] = [];

  // Lines dotenv ignores: neither blank, nor a comment, nor part of an assignment.
  parsed.lines.forEach((text, i) => {
    if (parsed.coveredBy[i] !== undefined) return;
    const trimmed = text.replace(/^\uFEFF/, '').trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    // Only a name-shaped first word is named: after an unclosed quote these lines are the secret.
    const word = /^(?:export\s+)?([^\s=]+)/.exec(trimmed)?.[1];
    const key = word !== undefined && looksLikeVariableName(word) ? word : undefined;
    let why = 'dotenv ignores this line';
    if (/^(?:export\s+)?[\w.-]+$/.test(trimmed)) why = 'a key without "=" — dotenv ignores it; write KEY= for an empty value';
    else if (/^(?:export\s+)?[^=\s]*[^\w.=\s-][^=\s]*\s*=/.test(trimmed))
      why = 'the key has characters dotenv does not accept (only letters, digits, "_", "." and "-") — dotenv ignores the line';
    findings.push(finding('dotenv-invalid-line', `line is not KEY=value: ${why}`, { variable: key, file, line: i + 1 }));
  });

  const firstLine = new Map<string, number>();
  for (const entry of parsed.entries) {
    const { key, line, rawValue, quote, value } = entry;
    const where = { variable: key, file, line };
    const seen = firstLine.get(key);
    if (seen !== undefined) {
      findings.push(finding('dotenv-duplicate-key', `${key} is assigned again here (first on line ${seen}); dotenv keeps this last value`, where));
    } else {
      firstLine.set(key, line);
    }

    const lineText = parsed.lines[line - 1] ?? '';
    if (entry.colon) {
      findings.push(finding('dotenv-colon-syntax', `${key} uses "KEY: value"; dotenv accepts it but shells, Docker and most loaders do not — write ${key}=value`, where));
    } else if (/^\s*(?:export\s+)?[\w.-]+(?:\s+=|=[ \t]+[^\s#])/.test(lineText)) {
      findings.push(finding('dotenv-spaces-around-equals', `${key} has whitespace around "="; dotenv trims it, but shells and Docker do not — write ${key}=value`, where));
    }

    if (/^\s*\n/.test(rawValue) && rawValue.trim() !== '') {
      // `KEY=` followed by a quoted value on the next line: dotenv takes it as KEY's value.
      findings.push(finding('dotenv-value-mismatch', `${key} has no value on its own line, but dotenv takes the quoted text on line ${line + 1} as its value`, where));
      continue;
    }

    const afterEquals = lineText.replace(/^\s*(?:export\s+)?[\w.-]+\s*[=:]/, '');
    if (quote === undefined) {
      const hash = afterEquals.indexOf('#');
      const before = afterEquals.slice(0, hash);
      if (hash !== -1 && before.trim() !== '') {
        if (!/[ \t]$/.test(before)) {
          findings.push(finding('dotenv-value-cut', `${key}'s unquoted value is cut at "#": dotenv loads ${show(key, value)}; quote the value if "#" is part of it`, where));
        } else if (!isExample) {
          findings.push(finding('dotenv-inline-comment', `${key}'s value ends at " #": dotenv loads ${show(key, value)} and treats the rest as a comment; quote the value if "#…" belongs to it`, where));
        }
      }
    } else {
      const t = rawValue.trim();
      if (t.indexOf(quote, 1) === -1) {
        findings.push(finding('dotenv-value-mismatch', `${key}'s opening ${quote} is never closed, so dotenv loads the quote as part of the value: ${show(key, value)}`, where));
      } else if (!(t.length >= 2 && t.endsWith(quote))) {
        findings.push(finding('dotenv-value-mismatch', `${key}: text follows the closing ${quote}, so dotenv keeps the quotes in the value: ${show(key, value)}`, where));
      } else if (quote === '"' && UNPROCESSED_ESCAPE.test(t.slice(1, -1))) {
        findings.push(finding('dotenv-value-mismatch', `${key}: dotenv only expands \\n and \\r in double quotes; other backslash escapes (\\t, \\", \\\\ ...) are loaded as written: ${show(key, value)}`, where));
      }
    }

    if (quote !== "'" && expands !== true) {
      const braced = /\$\{[A-Za-z_]\w*\}/.test(value);
      const bare = /\$[A-Za-z_]\w*/.test(value);
      if (expands === 'braced' && bare) {
        findings.push(finding('dotenv-unexpanded-reference', `${key} refers to another variable as $NAME; python-dotenv expands only \${NAME}, so it loads this literally — write \${NAME}`, where));
      } else if (expands === false && (braced || bare)) {
        findings.push(finding('dotenv-unexpanded-reference', `${key} refers to another variable with $; dotenv loads it literally (only loaders that expand, such as Next.js, Vite, Nuxt, dotenv-expand or python-dotenv, replace it)`, where));
      }
    }
  }
  return { parsed, findings };
}
