// Single-file components (.svelte, .vue): their <script> blocks are JavaScript or TypeScript,
// the rest is markup. The scripts are handed to the JS scanner as one program in which every
// other character is blanked (newlines kept), so reported line numbers are the file's own and
// a `$env/dynamic/*` alias imported in one block is followed in the other (`<script module>`
// and `<script>`, `<script>` and `<script setup>`).

export interface ComponentScript {
  /** The file's script blocks at their own offsets; everything else is spaces and newlines. */
  code: string;
  /** '.ts' when any block is `lang="ts"`, else '.js'. */
  ext: '.ts' | '.js';
  /** The markup (scripts and styles blanked), for expressions such as `{env.PUBLIC_X}`. */
  markup: string;
}

const COMMENT = /<!--[\s\S]*?-->/g;
const BLOCK = /<(script|style)(\s[^>]*)?>([\s\S]*?)<\/\1\s*>/gi;
const TS_LANG = /\blang\s*=\s*["']?(ts|typescript)\b/i;

/** Keeps the newlines of `text`, blanks everything else: line numbers survive. */
function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

export function componentScript(source: string): ComponentScript {
  const withoutComments = source.replace(COMMENT, blank);
  let code = '';
  let markup = '';
  let ts = false;
  let last = 0;
  for (const match of withoutComments.matchAll(BLOCK)) {
    const [whole, tag, attributes = '', body = ''] = match;
    const start = match.index;
    const bodyStart = start + whole.indexOf('>') + 1;
    const before = withoutComments.slice(last, bodyStart);
    code += blank(before);
    markup += before.slice(0, start - last) + blank(withoutComments.slice(start, bodyStart));
    if (tag?.toLowerCase() === 'script') {
      code += body;
      if (TS_LANG.test(attributes)) ts = true;
    } else {
      code += blank(body);
    }
    markup += blank(body);
    const end = start + whole.length;
    code += blank(withoutComments.slice(bodyStart + body.length, end));
    markup += blank(withoutComments.slice(bodyStart + body.length, end));
    last = end;
  }
  code += blank(withoutComments.slice(last));
  markup += withoutComments.slice(last);
  return { code, ext: ts ? '.ts' : '.js', markup };
}

const DYNAMIC_ENV_IMPORT = /import\s*\{([^}]*)\}\s*from\s*["']\$env\/dynamic\/(?:private|public)["']/g;

/** Local names of `env` imported from `$env/dynamic/*` in the scripts (`env`, or `env as e`). */
export function dynamicEnvAliases(code: string): string[] {
  const aliases: string[] = [];
  for (const match of code.matchAll(DYNAMIC_ENV_IMPORT)) {
    for (const specifier of (match[1] ?? '').split(',')) {
      const parts = specifier.trim().split(/\s+as\s+/);
      if (parts[0] === 'env') aliases.push((parts[1] ?? 'env').trim());
    }
  }
  return aliases;
}

/**
 * Env reads in the markup: `{env.PUBLIC_X}` through a `$env/dynamic/*` alias, and
 * `import.meta.env.X`. Markup is not a program, so these are matched by pattern on the markup
 * alone (comments, scripts and styles are blanked).
 */
export function markupReads(markup: string, aliases: readonly string[]): Array<{ name: string; line: number }> {
  const objects = [...aliases.map((a) => a.replace(/[$]/g, '\\$')), 'import\\.meta\\.env'];
  const pattern = new RegExp(`(?<![\\w$.])(?:${objects.join('|')})(?:\\?\\.|\\.)([A-Za-z_][A-Za-z0-9_]*)|(?<![\\w$.])(?:${objects.join('|')})\\[\\s*["'\`]([A-Za-z_][A-Za-z0-9_]*)["'\`]\\s*\\]`, 'g');
  const reads: Array<{ name: string; line: number }> = [];
  for (const match of markup.matchAll(pattern)) {
    const name = match[1] ?? match[2];
    if (name === undefined) continue;
    const line = markup.slice(0, match.index).split('\n').length;
    reads.push({ name, line });
  }
  return reads;
}
