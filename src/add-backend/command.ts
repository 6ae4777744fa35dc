// The `add backend` action: the terminal around runAddBackend (clack prompts when there is a
// terminal and no --yes; plain lines otherwise).
import { CancelledError } from '../errors.js';
import { runAddBackend, type AddBackendFlags, type AddBackendIo } from './run.js';

export async function addBackendCommand(dir: string | undefined, opts: Record<string, unknown>): Promise<void> {
  const flags = opts as AddBackendFlags;
  const io: AddBackendIo = {
    out: (line) => void process.stdout.write(`${line}\n`),
    warn: (line) => void process.stderr.write(`warning: ${line}\n`),
  };
  if (process.stdin.isTTY && process.stdout.isTTY && !process.env.CI && !flags.yes) {
    const clack = await import('@clack/prompts');
    io.ask = async ({ message, initial, options }) => {
      const answer = options
        ? await clack.select({ message, initialValue: initial, options: options.map((value) => ({ value, label: value })) })
        : await clack.text({ message, initialValue: initial, placeholder: initial });
      if (clack.isCancel(answer)) throw new CancelledError();
      return String(answer).trim() || initial;
    };
  }
  await runAddBackend(dir, flags, io);
}
