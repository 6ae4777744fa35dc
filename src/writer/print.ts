// Human and JSON renderings of a plan and of what the writer did. Env variables appear by
// NAME only: no value, example secret or generated secret is ever printed.
import { hashContent } from '../plan/manifest.js';
import { fileBytes, type Plan } from '../plan/plan.js';
import type { ApplyReport, FileStatus } from './apply.js';

export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  return `${(bytes / 1000).toFixed(1)} kB`;
}

const MARK: Record<FileStatus, string> = { new: '+', overwrite: '~', unchanged: '=' };
const NOTE: Record<FileStatus, string> = { new: '', overwrite: '  (changed: would overwrite)', unchanged: '  (unchanged)' };

/** The dry-run text: files with sizes, dependencies, scripts, env var names. */
export function formatPlan(plan: Plan, report: ApplyReport): string {
  const out: string[] = [];
  out.push(`Plan for ${plan.options.name} in ${report.targetDir} (dry run: nothing was written)`, '');
  const width = Math.max(...report.files.map((f) => f.path.length), ...report.dotenvs.map((d) => d.path.length));
  out.push(`Files (${report.files.length + report.dotenvs.length}):`);
  for (const f of report.files) out.push(`  ${MARK[f.status]} ${f.path.padEnd(width)}  ${formatSize(f.size).padStart(8)}${NOTE[f.status]}`);
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
  return `${out.join('\n')}\n`;
}

/** `--dry-run --json`: the plan without `.env` and without any secret value. */
export function planJson(plan: Plan, report: ApplyReport): string {
  const status = new Map(report.files.map((f) => [f.path, f.status]));
  const json = {
    targetDir: report.targetDir,
    options: plan.options,
    files: plan.files.map((f) => ({
      path: f.path,
      size: fileBytes(f).byteLength,
      sha256: hashContent(fileBytes(f)),
      status: status.get(f.path) ?? 'new',
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
    warnings: plan.warnings,
    nextSteps: plan.nextSteps,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** One short summary of a real write. */
export function formatReport(report: ApplyReport): string {
  const count = (s: FileStatus) => report.files.filter((f) => f.status === s).length;
  const parts = [`${count('new')} written`];
  if (count('overwrite')) parts.push(`${count('overwrite')} overwritten (${report.files.filter((f) => f.status === 'overwrite').map((f) => f.path).join(', ')})`);
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
