// Local env files (`.env`, `.env.local`, `.env.*.local`): kept out of git and unreadable to
// other users of the machine.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gitStatusOf } from './files.js';
import { finding, type Finding } from './findings.js';

/** Local env files in `dir` (relative to root) that hold secrets and must stay out of git. */
function localEnvFiles(root: string, dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(path.join(root, dir));
  } catch {
    return [];
  }
  return names
    .filter((n) => n === '.env' || n === '.env.local' || /^\.env\.[\w-]+\.local$/.test(n))
    .map((n) => (dir ? `${dir}/${n}` : n))
    .filter((rel) => {
      try {
        return statSync(path.join(root, rel)).isFile();
      } catch {
        return false;
      }
    })
    .sort();
}

/** An env file holds secrets: group or others having any access to it is worth a warning. */
export function permissionFinding(root: string, file: string): Finding | undefined {
  if (process.platform === 'win32') return undefined; // no POSIX modes there
  let mode: number;
  try {
    mode = statSync(path.join(root, file)).mode & 0o777;
  } catch {
    return undefined;
  }
  if ((mode & 0o077) === 0) return undefined;
  const can = mode & 0o044 ? 'read' : 'change';
  return finding('dotenv-permissions', `${file} has mode 0${mode.toString(8).padStart(3, '0')}: other users of this machine can ${can} it; run chmod 600 ${file}`, { file });
}

/** Local env files in the env files' directories that git tracks, or would. */
export function gitFindings(root: string, dirs: Iterable<string>): Finding[] {
  const findings: Finding[] = [];
  for (const dir of new Set(dirs)) {
    for (const rel of localEnvFiles(root, dir)) {
      const status = gitStatusOf(root, rel);
      if (!status) return findings; // not a git repository
      if (status.tracked) {
        findings.push(finding('dotenv-tracked', `${rel} is committed to git${status.ignored ? ' even though .gitignore lists it (ignore rules do not apply to tracked files)' : ''}: run git rm --cached ${rel}, and rotate the secrets it held`, { file: rel }));
      } else if (!status.ignored) {
        findings.push(finding('dotenv-not-ignored', `${rel} is not git-ignored: add it to .gitignore before it gets committed`, { file: rel }));
      }
    }
  }
  return findings;
}
