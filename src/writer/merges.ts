// The exact merges: the only ways the writer changes a file that is not as we generated it
// (an existing app's, or one the user edited). Each adds what we need and keeps every byte of
// theirs otherwise: package.json (dependencies, scripts, package-manager fields; never a version
// lowered), `.env.example` by key, the README's env table between its markers, `.gitignore`
// (`.env` ignored). `.env` itself is merged by key at write time (dotenv.ts), never replaced.
import { envFileOf, replaceEnvTable } from '../env/render.js';
import { ensureGitignore, type Plan } from '../plan/plan.js';
import { mergeEnvExample } from './dotenv.js';
import { mergePackageJson } from './package-json.js';

export interface MergeResult {
  content: string;
  /** What the merge did, one line each (empty when nothing changed). */
  notes: string[];
  /** What the user should act on (a version kept, a script not set). */
  warnings: string[];
}

export interface ExactMerge {
  /** Undefined when the file cannot be merged exactly (package.json that is not a JSON object). */
  merge(current: string): MergeResult | undefined;
  /** The merge adds all of ours that matters, so the rest of the difference is not shown as a diff (package.json). */
  complete: boolean;
}

function isPackageJson(path: string): boolean {
  return path === 'package.json' || path.endsWith('/package.json');
}

/** The exact merge for a file of the plan, if there is one. */
export function exactMergeFor(plan: Plan, path: string): ExactMerge | undefined {
  if (isPackageJson(path)) {
    const planned = plan.files.find((f) => f.path === path)?.content ?? '{}';
    return { complete: true, merge: (current) => mergePackageJson(current, planned, path) };
  }
  if (path === 'README.md') {
    return {
      complete: false,
      merge: (current) => {
        const content = replaceEnvTable(current, plan.envTable);
        return { content, notes: content === current ? [] : [`${path}: env table updated`], warnings: [] };
      },
    };
  }
  if (path === '.gitignore') {
    return {
      complete: false,
      merge: (current) => {
        const content = ensureGitignore(current);
        return { content, notes: content === current ? [] : [`${path}: .env is now git-ignored`], warnings: [] };
      },
    };
  }
  const envFile = path.endsWith('.env.example') ? path.slice(0, -'.example'.length) : undefined;
  if (envFile !== undefined) {
    const vars = plan.documentedEnv.filter((v) => envFileOf(v) === envFile);
    return {
      complete: false,
      merge: (current) => {
        const merged = mergeEnvExample(current, vars);
        return { content: merged.content, notes: merged.added.length ? [`${path}: added ${merged.added.join(', ')}`] : [], warnings: [] };
      },
    };
  }
  return undefined;
}
