// pydantic settings classes (`class Settings(BaseSettings)`): every annotated field is read from
// the environment by pydantic itself, as the field's name upper-cased behind the class's
// `env_prefix` (v2 `model_config = SettingsConfigDict(env_prefix=…)` or a dict, v1
// `class Config: env_prefix = …`), or under a literal `alias` / `validation_alias` / v1 `env`,
// which ignore the prefix. `AliasChoices("A", "B")` reads A or B.
import type { Token } from './scan-py.js';
import type { EnvRead } from './scan-types.js';

const SETTINGS_BASES = new Set(['BaseSettings']);
const ALIAS_ARGS = new Set(['alias', 'validation_alias', 'env']);

interface ClassInfo {
  name: string;
  bases: string[];
  /** Token index of the first body token. */
  body: number;
  indent: number;
}

/** The token indexes of the logical lines from `from` on, each with its indent, until `until`. */
function lineStarts(tokens: readonly Token[], from: number, minIndent: number): number[] {
  const starts: number[] = [];
  for (let k = from; k < tokens.length; k++) {
    const prev = tokens[k - 1];
    if (k !== from && prev?.t !== 'nl') continue;
    const tok = tokens[k] as Token;
    if (tok.t === 'nl') continue;
    if (tok.indent === undefined || tok.indent <= minIndent) break;
    starts.push(k);
  }
  return starts;
}

function lineEnd(tokens: readonly Token[], k: number): number {
  let e = k;
  while (e < tokens.length && tokens[e]?.t !== 'nl') e++;
  return e;
}

function classes(tokens: readonly Token[]): ClassInfo[] {
  const out: ClassInfo[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k] as Token;
    if (tok.t !== 'name' || tok.v !== 'class' || tok.indent === undefined || tokens[k + 1]?.t !== 'name') continue;
    const bases: string[] = [];
    let m = k + 2;
    if (tokens[m]?.v === '(') {
      for (m++; m < tokens.length && tokens[m]?.v !== ')'; m++) {
        const b = tokens[m] as Token;
        // `pydantic_settings.BaseSettings`: the last name of a dotted base; keywords are not bases.
        if (b.t === 'name' && tokens[m + 1]?.v !== '.' && tokens[m + 1]?.v !== '=') bases.push(b.v);
      }
      m++;
    }
    if (tokens[m]?.v !== ':' || tokens[m + 1]?.t !== 'nl') continue;
    out.push({ name: tokens[k + 1]?.v as string, bases, body: m + 2, indent: tok.indent });
  }
  return out;
}

/** The string after `env_prefix =` (or `"env_prefix":`) in tokens [from, to). */
function prefixIn(tokens: readonly Token[], from: number, to: number): string | undefined {
  for (let k = from; k < to; k++) {
    const tok = tokens[k] as Token;
    if (tok.v !== 'env_prefix') continue;
    const value = tokens[k + 2];
    if ((tokens[k + 1]?.v === '=' || tokens[k + 1]?.v === ':') && value?.t === 'str' && value.literal) return value.v;
  }
  return undefined;
}

export function settingsReads(tokens: readonly Token[], file: string): EnvRead[] {
  const all = classes(tokens);
  if (all.length === 0) return [];
  const settings = new Map<string, ClassInfo>();
  // A subclass of a settings class of the same file is one too (declared in any order).
  for (let changed = true; changed; ) {
    changed = false;
    for (const c of all) {
      if (settings.has(c.name) || !c.bases.some((b) => SETTINGS_BASES.has(b) || settings.has(b))) continue;
      settings.set(c.name, c);
      changed = true;
    }
  }
  const prefixes = new Map<string, string>();
  const prefixOf = (c: ClassInfo, seen = new Set<string>()): string => {
    if (prefixes.has(c.name)) return prefixes.get(c.name) as string;
    seen.add(c.name);
    const starts = lineStarts(tokens, c.body, c.indent);
    let own: string | undefined;
    for (const s of starts) {
      const first = tokens[s] as Token;
      if (first.v === 'model_config' || (first.v === 'class' && tokens[s + 1]?.v === 'Config')) {
        // `class Config :` newline, then its body.
        const end = first.v === 'class' ? (lineStarts(tokens, s + 4, first.indent ?? 0).at(-1) ?? s) : s;
        own = prefixIn(tokens, s, lineEnd(tokens, end)) ?? own;
      }
    }
    const inherited = c.bases.map((b) => settings.get(b)).find((b) => b !== undefined && !seen.has(b.name));
    const prefix = own ?? (inherited ? prefixOf(inherited, seen) : '');
    prefixes.set(c.name, prefix);
    return prefix;
  };

  const reads: EnvRead[] = [];
  for (const c of settings.values()) {
    const prefix = prefixOf(c);
    const starts = lineStarts(tokens, c.body, c.indent);
    const bodyIndent = starts.length ? (tokens[starts[0] as number]?.indent as number) : 0;
    for (const s of starts) {
      const name = tokens[s] as Token;
      if (name.indent !== bodyIndent || name.t !== 'name' || tokens[s + 1]?.v !== ':' || name.v === 'model_config' || name.v.startsWith('_')) continue;
      const end = lineEnd(tokens, s);
      if (tokens.slice(s, end).some((t) => t.v === 'ClassVar')) continue;
      const aliases = aliasesIn(tokens, s + 2, end);
      if (aliases.length === 0) {
        reads.push({ name: `${prefix}${name.v}`.toUpperCase(), file, line: name.line, kind: 'schema' });
        continue;
      }
      for (const a of aliases) {
        const read: EnvRead = { name: a.v, file, line: a.line, kind: 'schema' };
        if (aliases.length > 1) read.alternatives = aliases.filter((o) => o.v !== a.v).map((o) => o.v);
        reads.push(read);
      }
    }
  }
  return reads;
}

/** `alias="X"`, `validation_alias=AliasChoices("X", "Y")`, v1 `env="X"` or `env=["X", "Y"]`. */
function aliasesIn(tokens: readonly Token[], from: number, to: number): Token[] {
  for (let k = from; k < to; k++) {
    const tok = tokens[k] as Token;
    if (tok.t !== 'name' || !ALIAS_ARGS.has(tok.v) || tokens[k + 1]?.v !== '=') continue;
    const value = tokens[k + 2];
    if (value?.t === 'str' && value.literal) return [value];
    if (value?.v === 'AliasChoices' || value?.v === '[' || value?.v === '(') {
      const out: Token[] = [];
      for (let m = k + 3; m < to && tokens[m]?.v !== ')' && tokens[m]?.v !== ']'; m++) {
        const t = tokens[m] as Token;
        if (t.t === 'str' && t.literal) out.push(t);
      }
      return out;
    }
  }
  return [];
}
