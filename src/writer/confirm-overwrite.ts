// The one question the writer may ask (a terminal, --force, files that differ): kept out of
// the deciding and writing code, and replaceable (ApplyOptions.confirmOverwrite).
import { CancelledError } from '../errors.js';

/** A clack confirm listing the files that exist with other content; Ctrl-C cancels the run. */
export async function confirmOverwrite(paths: string[]): Promise<boolean> {
  const clack = await import('@clack/prompts');
  clack.log.warn(`These files exist with different content:\n${paths.map((p) => `  ${p}`).join('\n')}`);
  const answer = await clack.confirm({ message: `Overwrite ${paths.length} changed file${paths.length === 1 ? '' : 's'}?`, initialValue: false });
  if (clack.isCancel(answer)) throw new CancelledError();
  return answer;
}
