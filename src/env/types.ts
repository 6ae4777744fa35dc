// One environment variable, as data. `.env`, `.env.example`, the README table and
// `check env` are all renderings of a list of these, so every field is serialisable
// (user-declared variables live in the project manifest as JSON).

/** How a value is validated. Semantics live in the env checker, not here. */
export type EnvKind =
  | 'string'
  | 'url' // any absolute URL that `new URL()` accepts
  | 'http-url' // http: or https: only
  | 'secret' // >= 32 chars, not a placeholder, not low-entropy
  | 'seconds' // positive integer number of seconds
  | 'integer' // whole number, within `range` when given
  | 'enum'; // one of `choices`

export type EnvUser = 'frontend' | 'backend';

export interface EnvVar {
  name: string;
  /** Heading under which the variable is grouped in `.env.example` and the README. */
  group: string;
  description: string;
  required: boolean;
  kind: EnvKind;
  choices?: readonly string[];
  /** Bounds (inclusive) of an `integer` variable. */
  range?: { min: number; max: number };
  /** Shown in `.env.example` and the README, so never a real secret: empty for generated ones. */
  example: string;
  /** Value written into a freshly generated `.env` (working local default). Absent: empty. */
  localDefault?: string;
  /** Where the value is read. */
  usedBy: readonly EnvUser[];
  /** Masked in output; never written anywhere but `.env`. */
  secret: boolean;
  /** `.env` gets a fresh random value (32 random bytes, base64) instead of `localDefault`. */
  generate?: 'secret';
  /** Extra line(s) of guidance, e.g. an OAuth callback URL. */
  note?: string;
  /**
   * The env file this variable belongs in, relative to the project root. Absent: `.env`.
   * A separate API server reads its own `backend/.env`, so it never sees the app's secrets.
   */
  file?: string;
}
