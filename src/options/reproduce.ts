// The "run this again without prompts" command: every option explicit, plus --yes.
// parse(reproduceArgs(x)) must give back x (unit-tested round trip).
import { CLI_NAME } from '../plan/version.js';
import { OPTION_DECLS, type CreateAnswers } from './choices.js';

export function answerArgs(answers: CreateAnswers): string[] {
  const args: string[] = [];
  for (const decl of OPTION_DECLS) {
    const value = answers[decl.key];
    if (decl.kind === 'boolean') args.push(value ? decl.flag : `--no-${decl.flag.slice(2)}`);
    else if (decl.kind === 'multiselect') {
      const list = value as readonly string[];
      args.push(decl.flag, list.length ? list.join(',') : decl.none);
    } else args.push(decl.flag, String(value));
  }
  return args;
}

export function reproduceArgs(dir: string, answers: CreateAnswers, cwd?: string): string[] {
  // A directory starting with "-" would read as a flag.
  const safeDir = dir.startsWith('-') ? `./${dir}` : dir;
  return [safeDir, ...answerArgs(answers), ...(cwd === undefined ? [] : ['--cwd', cwd]), '--yes'];
}

/** POSIX-shell quoting: only quote when needed. */
export function shellQuote(arg: string): string {
  if (arg !== '' && /^[\w@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function reproduceCommand(dir: string, answers: CreateAnswers, cwd?: string): string {
  return ['npx', CLI_NAME, ...reproduceArgs(dir, answers, cwd)].map(shellQuote).join(' ');
}
