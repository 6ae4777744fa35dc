// How a create option is declared: the three kinds (one choice, a list of choices, on/off) and
// what follows from a declaration alone. choices.ts declares the options with these; the types
// come from the declarations by inference, so a choice added there is a new value of its type.
// Imports nothing: `--help` loads this module.

/** One value of an option, as the prompt shows it. */
export interface Choice<V extends string = string> {
  readonly value: V;
  /** The prompt's label; the value itself when absent. */
  readonly label?: string;
  readonly hint?: string;
}

/** A choice as the prompt gets it: with its label. */
export interface PromptChoice<V extends string = string> extends Choice<V> {
  readonly label: string;
}

/** What a default may depend on besides the declarations: the environment we were started in. */
export interface DefaultContext {
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * Facts a help line quotes from the declarations, so that its prose never restates a list or a
 * table of allowed combinations (flags.ts computes them).
 */
export interface HelpFacts {
  /** What choosing `value` of this option limits later options to: `--backend hono|express, --storage memory|local`. */
  limitsOf(value: string): string;
  /** This option's choices once its earlier option is `value`: `hono or express`. */
  allowedAfter(value: string): string;
  /** This option's default once its earlier option is `value`. */
  defaultAfter(value: string): string;
}

/** A help text: fixed, or quoting facts of the declarations. */
export type HelpText = string | ((facts: HelpFacts) => string);

interface OptionBase<K extends string> {
  readonly key: K;
  /** Long flag, e.g. `--framework`. */
  readonly flag: `--${string}`;
  /** The prompt's question. */
  readonly question: string;
  /** Its line in `--help` (choices and default are appended). */
  readonly help: HelpText;
}

/** Which choices an earlier answer allows. */
export interface AllowedAfter<V extends string = string, E extends string = string> {
  /** The earlier option whose answer decides (it is asked first). */
  readonly after: SelectOption<string, E>;
  /**
   * Its value → this option's choices, in the order offered; the first is taken when the
   * option's default is not among them. `any`: every choice.
   */
  readonly table: { readonly [P in E]: readonly V[] | 'any' };
  /** Why a choice outside the table is refused, appended to the combination error. */
  because?(earlier: E, allowed: readonly V[]): string | undefined;
}

export interface SelectOption<K extends string = string, V extends string = string> extends OptionBase<K> {
  readonly kind: 'select';
  /** Shown in `--help`: `--framework <name>`. */
  readonly valueName: string;
  /** The values, in the order of the prompt and of `--help`. */
  readonly choices: readonly V[];
  readonly promptChoices: readonly PromptChoice<V>[];
  readonly default: V;
  /** The default as `--help` describes it, when it is not simply `default`. */
  readonly defaultHelp?: HelpText;
  /** A default that depends on how we were started: used instead of `default` when it is one of the choices. */
  computeDefault?(ctx: DefaultContext): string | undefined;
  readonly allowed?: AllowedAfter<V>;
}

export interface ListOption<K extends string = string, V extends string = string> extends OptionBase<K> {
  readonly kind: 'multiselect';
  readonly valueName: string;
  readonly choices: readonly V[];
  readonly promptChoices: readonly PromptChoice<V>[];
  readonly default: readonly V[];
  /** The flag value meaning "empty list". */
  readonly none: string;
}

export interface SwitchOption<K extends string = string> extends OptionBase<K> {
  readonly kind: 'boolean';
  readonly default: boolean;
  /** The `--no-<flag>` help line. */
  readonly negatedHelp: string;
}

export type OptionDecl = SelectOption | ListOption | SwitchOption;

/** The values of a declared list of choices, as a tuple: `['next', 'react-vite', …]`. */
export type ValuesOf<C extends readonly Choice[]> = { readonly [I in keyof C]: C[I] extends { value: infer V } ? V : never };
type ValueOfChoices<C extends readonly Choice[]> = C[number]['value'];

/** The answer an option gives: a value, a sorted list of values, or a boolean. */
export type AnswerOf<O> =
  O extends SelectOption<string, infer V> ? V : O extends ListOption<string, infer V> ? V[] : O extends SwitchOption ? boolean : never;

/** `{ framework: Framework; providers: Provider[]; … }` for a list of declarations. */
export type AnswersOf<Os extends readonly OptionDecl[]> = { -readonly [O in Os[number] as O['key']]: AnswerOf<O> };

function promptChoices<V extends string>(choices: readonly Choice<V>[]): readonly PromptChoice<V>[] {
  return choices.map((c) => ({ value: c.value, label: c.label ?? c.value, hint: c.hint }));
}

function valuesOf<const C extends readonly Choice[]>(choices: C): ValuesOf<C> {
  return choices.map((c) => c.value) as unknown as ValuesOf<C>;
}

type SelectSpec<K extends string, C extends readonly Choice[], E extends string> = Omit<
  SelectOption<K, ValueOfChoices<C>>,
  'kind' | 'choices' | 'promptChoices' | 'allowed'
> & { readonly choices: C; readonly allowed?: AllowedAfter<ValueOfChoices<C>, E> };

export function defineSelect<const K extends string, const C extends readonly Choice[], E extends string = never>(
  spec: SelectSpec<K, C, E>,
): SelectOption<K, ValueOfChoices<C>> & { readonly choices: ValuesOf<C> } {
  return { ...spec, kind: 'select', choices: valuesOf(spec.choices), promptChoices: promptChoices(spec.choices) } as SelectOption<
    K,
    ValueOfChoices<C>
  > & { readonly choices: ValuesOf<C> };
}

type ListSpec<K extends string, C extends readonly Choice[]> = Omit<ListOption<K, ValueOfChoices<C>>, 'kind' | 'choices' | 'promptChoices'> & {
  readonly choices: C;
};

export function defineList<const K extends string, const C extends readonly Choice[]>(
  spec: ListSpec<K, C>,
): ListOption<K, ValueOfChoices<C>> & { readonly choices: ValuesOf<C> } {
  return { ...spec, kind: 'multiselect', choices: valuesOf(spec.choices), promptChoices: promptChoices(spec.choices) };
}

export function defineSwitch<const K extends string>(spec: Omit<SwitchOption<K>, 'kind'>): SwitchOption<K> {
  return { ...spec, kind: 'boolean' };
}

/** The choices `decl` offers given the answers so far, in the order offered. */
export function allowedValues(decl: SelectOption, answers: Readonly<Record<string, unknown>>): readonly string[] {
  if (!decl.allowed) return decl.choices;
  const earlier = answers[decl.allowed.after.key];
  if (typeof earlier !== 'string') return decl.choices;
  const allowed = decl.allowed.table[earlier];
  return allowed === undefined || allowed === 'any' ? decl.choices : allowed;
}

/** The default of `decl`, before earlier answers are taken into account. */
export function declaredDefault(decl: OptionDecl, ctx: DefaultContext): string | readonly string[] | boolean {
  if (decl.kind !== 'select' || !decl.computeDefault) return decl.default;
  const computed = decl.computeDefault(ctx);
  return computed !== undefined && decl.choices.includes(computed) ? computed : decl.default;
}

/** The default given the answers so far: the declared one, or the first allowed choice when it is not allowed. */
export function defaultAnswer(decl: OptionDecl, answers: Readonly<Record<string, unknown>>, ctx: DefaultContext): string | readonly string[] | boolean {
  const value = declaredDefault(decl, ctx);
  if (decl.kind !== 'select') return value;
  const allowed = allowedValues(decl, answers);
  return allowed.includes(value as string) ? value : (allowed[0] ?? value);
}

/** `a`, `a or b`, `a, b or c`. */
export function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** The prompt label of `value` among `choices`. */
export function labelIn(choices: readonly Choice[], value: string): string {
  return choices.find((c) => c.value === value)?.label ?? value;
}
