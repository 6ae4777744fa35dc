// Where the create command writes what it says: clack's boxes and spinners on a terminal,
// plain lines in pipes and CI (and with --json, where stdout holds the JSON alone).
export type Clack = typeof import('@clack/prompts');

/** Output that looks right on a terminal (clack) and stays plain text in pipes and CI. */
export interface Out {
  info(message: string): void;
  warn(message: string): void;
  section(title: string, lines: string[]): void;
  /** A command to copy: printed on its own, never boxed or wrapped. */
  command(title: string, command: string): void;
  done(message: string): void;
}

export function plainOut(): Out {
  return {
    info: (m) => process.stdout.write(`${m}\n`),
    warn: (m) => process.stderr.write(`warning: ${m}\n`),
    section: (title, lines) => process.stdout.write(`\n${title}\n${lines.map((l) => `  ${l}`).join('\n')}\n`),
    command: (title, command) => process.stdout.write(`\n${title}\n  ${command}\n`),
    done: (m) => process.stdout.write(`\n${m}\n`),
  };
}

export function clackOut(clack: Clack): Out {
  return {
    info: (m) => clack.log.info(m),
    warn: (m) => clack.log.warn(m),
    section: (title, lines) => clack.note(lines.join('\n'), title),
    command: (title, command) => {
      clack.log.step(title);
      process.stdout.write(`${command}\n`);
    },
    done: (m) => clack.outro(m),
  };
}
