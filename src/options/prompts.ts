// The prompts the option declarations ask, behind a small interface so that resolution can be
// unit-tested with scripted answers. The real implementation loads @clack/prompts lazily.
import { CancelledError } from '../errors.js';
import type { PromptChoice } from './define.js';

/** Every method throws CancelledError when the user presses Ctrl-C / Esc. */
export interface Prompter {
  text(q: { message: string; defaultValue: string; validate(value: string): string | undefined }): Promise<string>;
  select(q: { message: string; options: readonly PromptChoice[]; initialValue: string }): Promise<string>;
  multiselect(q: { message: string; options: readonly PromptChoice[]; initialValues: string[] }): Promise<string[]>;
  confirm(q: { message: string; initialValue: boolean }): Promise<boolean>;
}

export async function clackPrompter(): Promise<Prompter> {
  const clack = await import('@clack/prompts');
  function check<T>(value: T): Exclude<T, symbol> {
    // The top level prints "cancelled" and exits 130; nothing has been written yet.
    if (clack.isCancel(value)) throw new CancelledError();
    return value as Exclude<T, symbol>;
  }
  return {
    async text(q) {
      const value = await clack.text({
        message: q.message,
        placeholder: q.defaultValue,
        defaultValue: q.defaultValue,
        validate: (v) => q.validate(v === undefined || v === '' ? q.defaultValue : v),
      });
      const text = check(value);
      return text === '' ? q.defaultValue : text;
    },
    async select(q) {
      return check(await clack.select({ message: q.message, options: [...q.options], initialValue: q.initialValue }));
    },
    async multiselect(q) {
      return check(
        await clack.multiselect({ message: q.message, options: [...q.options], initialValues: q.initialValues, required: false }),
      );
    },
    async confirm(q) {
      return check(await clack.confirm({ message: q.message, initialValue: q.initialValue }));
    },
  };
}
