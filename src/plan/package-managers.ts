// What the chosen package manager needs declared so that `<pm> install` works on Node 20
// the first time: the dependencies allowed to run install scripts, and the pins that must
// hold for dependencies of dependencies too. Each manager reads them from its own place:
//   npm 11     package.json `allowScripts` (advisory now, blocking later) and `overrides`
//   pnpm 10.5+ pnpm-workspace.yaml: `allowBuilds` (pnpm 11+, late 10.x), `onlyBuiltDependencies`
//              (pnpm 10) and `overrides`. pnpm 11+ ignores package.json's "pnpm" field and
//              refuses to run while it holds overrides, so nothing goes there.
//   yarn 1     package.json `resolutions` (yarn classic runs every install script); a .yarnrc
//              that stops enforcing engines where a dependency has no Node 20 release
//              (ENGINE_EXCEPTIONS), since yarn classic refuses to install over it
//   bun        package.json `trustedDependencies` and `overrides`; plus a node-gyp that runs on
//              Node 20, or bun compiles with node-gyp@latest when no prebuilt binary is reachable
import type { PackageManager } from '../options/choices.js';
import { ENGINE_EXCEPTIONS, INSTALL_SCRIPTS, PINNED_VERSIONS, TRANSITIVE_ONLY_PINS, TRANSITIVE_PINS, type PinnedPackage } from '../versions.js';

export const PNPM_WORKSPACE_FILE = 'pnpm-workspace.yaml';
export const YARNRC_FILE = '.yarnrc';

const INSTALL_SCRIPT_REASONS: Readonly<Record<string, string>> = {
  'better-sqlite3': 'fetches or compiles its native addon',
  esbuild: 'checks its platform binary',
};

export interface ManagerDeclarations {
  /** Fields added at the end of package.json. */
  fields: Record<string, unknown>;
  /** devDependencies the manager needs besides the features' own. */
  devDependencies: PinnedPackage[];
  /** The manager's own config files. */
  files: { path: string; content: string }[];
}

/** Dependencies (of `packages`' trees) whose install scripts must run, sorted. */
export function installScriptPackages(packages: readonly string[]): string[] {
  return Object.entries(INSTALL_SCRIPTS)
    .filter(([, bringers]) => bringers.some((p) => packages.includes(p)))
    .map(([name]) => name)
    .sort();
}

/** The transitive pins that apply to a project depending on `packages`: name → pinned version. */
export function transitivePins(packages: readonly string[]): Record<string, string> {
  const pins: [string, string][] = TRANSITIVE_PINS.filter((p) => packages.includes(p)).map((p) => [p, PINNED_VERSIONS[p]]);
  for (const [name, pin] of Object.entries(TRANSITIVE_ONLY_PINS)) if (pin.under.some((p) => packages.includes(p))) pins.push([name, pin.version]);
  return Object.fromEntries(pins.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The engine exceptions that apply to a project depending on `packages`: name → why. */
export function engineExceptions(packages: readonly string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(ENGINE_EXCEPTIONS).filter(([, e]) => e.under.some((p) => packages.includes(p))).map(([name, e]) => [name, e.why]));
}

function yarnrc(exceptions: Record<string, string>): string {
  return [
    '# yarn classic refuses to install a package whose engines exclude this Node; these have no',
    '# release that runs on Node 20, and the app never loads them at run time:',
    ...Object.entries(exceptions).map(([name, why]) => `#   ${name}: ${why}`),
    'ignore-engines true',
    '',
  ].join('\n');
}

function pnpmWorkspace(builds: readonly string[], pins: Record<string, string>): string {
  const lines = ['# pnpm reads these settings here (pnpm 10.5 and later), not in package.json.'];
  if (builds.length) {
    lines.push(
      '',
      '# Dependencies allowed to run their install scripts (pnpm runs none by default).',
      'allowBuilds: # pnpm 11 and later',
      ...builds.map((b) => `  ${b}: true${INSTALL_SCRIPT_REASONS[b] ? ` # ${INSTALL_SCRIPT_REASONS[b]}` : ''}`),
      'onlyBuiltDependencies: # the same list, as pnpm 10 reads it',
      ...builds.map((b) => `  - ${b}`),
    );
  }
  if (Object.keys(pins).length) {
    lines.push('', '# Versions that hold for dependencies of dependencies too: newer ones need Node 22.', 'overrides:', ...Object.entries(pins).map(([n, v]) => `  ${n}: ${v}`));
  }
  return `${lines.join('\n')}\n`;
}

/** What `pm` needs declared for a project whose dependencies and devDependencies are `packages`. */
export function managerDeclarations(pm: PackageManager, packages: readonly string[]): ManagerDeclarations {
  const builds = installScriptPackages(packages);
  const pins = transitivePins(packages);
  const hasPins = Object.keys(pins).length > 0;
  switch (pm) {
    case 'npm':
      return {
        fields: { ...(builds.length ? { allowScripts: Object.fromEntries(builds.map((b) => [b, true])) } : {}), ...(hasPins ? { overrides: pins } : {}) },
        devDependencies: [],
        files: [],
      };
    case 'pnpm':
      return { fields: {}, devDependencies: [], files: builds.length || hasPins ? [{ path: PNPM_WORKSPACE_FILE, content: pnpmWorkspace(builds, pins) }] : [] };
    case 'yarn': {
      const exceptions = engineExceptions(packages);
      const files = Object.keys(exceptions).length ? [{ path: YARNRC_FILE, content: yarnrc(exceptions) }] : [];
      return { fields: hasPins ? { resolutions: pins } : {}, devDependencies: [], files };
    }
    case 'bun':
      return {
        fields: { ...(builds.length ? { trustedDependencies: builds } : {}), ...(hasPins ? { overrides: pins } : {}) },
        devDependencies: packages.includes('better-sqlite3') ? ['node-gyp'] : [],
        files: [],
      };
  }
}

/**
 * A sub-project installed on its own (backend/): its package.json text with the manager's
 * fields added, and the manager's config files in its folder. pnpm does not read the root's
 * pnpm-workspace.yaml for a folder that is not one of its workspace packages.
 */
export function declareSubproject(pm: PackageManager, dir: string, packageJsonText: string): { packageJson: string; files: { path: string; content: string }[] } {
  const json = JSON.parse(packageJsonText) as Record<string, unknown>;
  const names = ['dependencies', 'devDependencies'].flatMap((section) => Object.keys((json[section] as Record<string, string> | undefined) ?? {}));
  const declared = managerDeclarations(pm, names);
  const devDependencies = { ...((json.devDependencies as Record<string, string> | undefined) ?? {}) };
  for (const name of declared.devDependencies) devDependencies[name] ??= PINNED_VERSIONS[name];
  const withFields = { ...json, ...(declared.devDependencies.length ? { devDependencies } : {}), ...declared.fields };
  const unchanged = Object.keys(declared.fields).length === 0 && declared.devDependencies.length === 0;
  return {
    packageJson: unchanged ? packageJsonText : `${JSON.stringify(withFields, null, 2)}\n`,
    files: declared.files.map((f) => ({ path: `${dir}/${f.path}`, content: f.content })),
  };
}
