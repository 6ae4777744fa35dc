// Registers `gen env` and `check env` on the root program. Owned by the env work (issue 3);
// implementations are imported lazily so `--help` stays fast.
import type { Command } from 'commander';

export function registerEnvCommands(_program: Command): void {
  // Filled in by the env commands work.
}
