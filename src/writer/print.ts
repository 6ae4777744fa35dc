// Human and JSON renderings of a plan and of what the writer did. Env variables appear by
// NAME only: no value, example secret or generated secret is ever printed.
import { hashContent } from '../plan/manifest.js';
import { fileBytes, type Plan } from '../plan/plan.js';
import type { ApplyReport } from './apply.js';
import type { FileStatus } from './fate.js';

export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  return `${(bytes / 1000).toFixed(1)} kB`;
}

const MARK: Record<FileStatus, string> = { new: '+', overwrite: '~', unchanged: '=', update: '~', merge: '~', kept: '!', skip: '!', remove: '-', orphan: '!' };
const NOTE: Record<FileStatus, string> = {
  new: '',
  overwrite: '  (changed: would overwrite)',
  unchanged: '  (unchanged)',
  update: '  (generated, unedited: would update)',
  merge: '  (would merge)',
  kept: '  (edited by you: kept)',
  skip: '  (yours: left alone, see below)',
  remove: '  (no longer generated, unedited: would remove)',
  orphan: '  (no longer generated, edited by you: kept)',
};

function indent(lines: readonly string[], by = '    '): string[] {
  return lines.map((l) => (l === '' ? '' : `${by}${l}`));
}

/**
 * What a run did not do and why, shared by the dry run and the real run: edited files kept
 * (with the diff we did not apply), merges, files of an existing app left alone (with the
 * lines to add), and warnings.
 */
export function formatDetails(report: ApplyReport): string {
  const out: string[] = [];
  const would = report.dryRun ? 'would ' : '';
  const merged = report.files.filter((f) => f.status === 'merge');
  if (merged.length) {
    out.push('', `Merged into files that are not as we generated them (nothing of yours ${report.dryRun ? 'would be' : 'was'} changed or removed):`);
    for (const f of merged) out.push(...indent(f.notes?.length ? f.notes : [f.path], '  '));
  }
  const kept = report.files.filter((f) => (f.status === 'kept' || f.status === 'merge') && f.diff);
  if (kept.length) {
    // Unindented, so that the diff can be copied into `patch -p1` as it is.
    out.push('', `Kept your edits in ${kept.length} file${kept.length === 1 ? '' : 's'}. The update ${report.dryRun ? 'that would not be' : 'that was not'} applied, as a diff (apply it with \`patch -p1\` if you want it):`);
    for (const f of kept) out.push('', ...(f.diff as string).replace(/\n$/, '').split('\n'));
  }
  const removed = report.files.filter((f) => f.status === 'remove');
  if (removed.length) out.push('', `No longer generated, unedited, ${would}removed: ${removed.map((f) => f.path).join(', ')}`);
  const orphans = report.files.filter((f) => f.status === 'orphan');
  if (orphans.length) out.push('', `No longer generated but edited by you, so kept: ${orphans.map((f) => f.path).join(', ')}`);
  const skipped = report.files.filter((f) => f.status === 'skip' && f.instruction);
  if (skipped.length) {
    out.push('', 'Files of your app we did not touch:');
    for (const f of skipped) {
      const instruction = f.instruction as NonNullable<typeof f.instruction>;
      out.push(`  - ${instruction.summary}`);
      if (instruction.lines.length) out.push('', ...indent(instruction.lines, '      '), '');
    }
  }
  if (report.warnings.length) out.push('', 'Warnings:', ...report.warnings.map((w) => `  - ${w}`));
  return out.length ? `${out.join('\n').replace(/^\n/, '')}\n` : '';
}

/** The dry-run text: files with sizes, dependencies, scripts, env var names. */
export function formatPlan(plan: Plan, report: ApplyReport): string {
  const out: string[] = [];
  out.push(`Plan for ${plan.options.name} in ${report.targetDir} (dry run: nothing was written)`, '');
  const width = Math.max(...report.files.map((f) => f.path.length), ...report.dotenvs.map((d) => d.path.length));
  out.push(`Files (${report.files.length + report.dotenvs.length}):`);
  for (const f of report.files) {
    const size = f.status === 'remove' || f.status === 'orphan' ? '' : formatSize(f.size);
    out.push(`  ${MARK[f.status]} ${f.path.padEnd(width)}  ${size.padStart(8)}${NOTE[f.status]}`);
  }
  for (const dotenv of report.dotenvs) {
    const note =
      dotenv.status === 'new'
        ? 'generated when writing (may hold secrets)'
        : dotenv.status === 'updated'
          ? `existing values kept; would add ${dotenv.added.join(', ')}`
          : 'existing, left as it is';
    out.push(`  ${dotenv.status === 'new' ? '+' : dotenv.status === 'updated' ? '~' : '='} ${dotenv.path.padEnd(width)}  ${note}`);
  }
  const deps = (title: string, record: Record<string, string>) => {
    const names = Object.keys(record);
    if (names.length === 0) return;
    out.push('', `${title} (${names.length}):`, ...names.map((n) => `  ${n} ${record[n]}`));
  };
  deps('Dependencies', plan.dependencies);
  deps('Dev dependencies', plan.devDependencies);
  const scripts = Object.keys(plan.scripts);
  if (scripts.length) out.push('', `Scripts: ${scripts.join(', ')}`);
  if (plan.env.length) {
    out.push('', `Environment variables (${plan.env.length}, values not shown):`);
    for (const v of plan.env) out.push(`  ${v.name}${v.required ? '' : ' (optional)'}${v.secret ? ' (secret)' : ''}`);
  }
  const details = formatDetails(report);
  return `${out.join('\n')}\n${details ? `\n${details}` : ''}`;
}

/** `--dry-run --json`: the plan without `.env` and without any secret value. */
export function planJson(plan: Plan, report: ApplyReport): string {
  const status = new Map(report.files.map((f) => [f.path, f.status]));
  const actions = new Map(report.files.map((f) => [f.path, f]));
  const json = {
    targetDir: report.targetDir,
    mode: report.mode,
    removed: report.files.filter((f) => f.status === 'remove' || f.status === 'orphan').map((f) => ({ path: f.path, status: f.status })),
    options: plan.options,
    files: plan.files.map((f) => ({
      path: f.path,
      size: fileBytes(f).byteLength,
      sha256: hashContent(fileBytes(f)),
      status: status.get(f.path) ?? 'new',
      ...(actions.get(f.path)?.diff ? { diff: actions.get(f.path)?.diff } : {}),
      ...(actions.get(f.path)?.instruction ? { instruction: actions.get(f.path)?.instruction } : {}),
      ...(f.encoding ? { encoding: f.encoding } : {}),
      content: f.content,
    })),
    dotenvs: report.dotenvs.map((d) => ({ path: d.path, status: d.status, variables: d.added })),
    dependencies: plan.dependencies,
    devDependencies: plan.devDependencies,
    scripts: plan.scripts,
    env: plan.env.map((v) => {
      if (!v.secret) return v;
      const { localDefault: _omit, ...rest } = v;
      return rest;
    }),
    warnings: [...plan.warnings, ...report.warnings],
    nextSteps: plan.nextSteps,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** One short summary of a real write. */
export function formatReport(report: ApplyReport): string {
  const count = (s: FileStatus) => report.files.filter((f) => f.status === s).length;
  const parts = [`${count('new')} written`];
  if (count('update')) parts.push(`${count('update')} updated`);
  if (count('overwrite')) parts.push(`${count('overwrite')} overwritten (${report.files.filter((f) => f.status === 'overwrite').map((f) => f.path).join(', ')})`);
  if (count('merge')) parts.push(`${count('merge')} merged`);
  if (count('kept')) parts.push(`${count('kept')} kept (edited by you)`);
  if (count('skip')) parts.push(`${count('skip')} left alone (yours)`);
  if (count('remove')) parts.push(`${count('remove')} removed`);
  if (count('orphan')) parts.push(`${count('orphan')} no longer generated but kept (edited by you)`);
  if (count('unchanged')) parts.push(`${count('unchanged')} unchanged`);
  const env = report.dotenvs.map((d) =>
    d.status === 'new'
      ? `${d.path} created${d.added.some((name) => name === 'BETTER_AUTH_SECRET') ? ' with a freshly generated secret' : ''} (git-ignored; keep it private)`
      : d.status === 'updated'
        ? `${d.path} kept your values; added ${d.added.join(', ')}`
        : `${d.path} left as it was`,
  );
  return `Files in ${report.targetDir}: ${parts.join(', ')}.\n${env.join('\n')}\n`;
}
