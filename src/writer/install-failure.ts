// Why `<pm> install` failed, read from the manager's own output, and a fix that works: a
// plain retry fails the same way. Pure: output text in, one sentence of cause and one of fix out.
import type { PackageManager } from '../options/choices.js';
import { PINNED_VERSIONS } from '../versions.js';

export interface InstallFailure {
  /** What went wrong, as the manager said it (its error code, the package). */
  cause: string;
  /** What to do instead of a plain retry; `install` is the command to run afterwards. */
  fix: string;
}

export interface InstallContext {
  pm: PackageManager;
  /** The manager's combined output. */
  output: string;
  /** The executable was not found. */
  notFound: boolean;
  exitCode: number | undefined;
  /** The command that installs once the fix is in: "cd app && pnpm install". */
  install: string;
  /** process.versions.node */
  nodeVersion: string;
}

/** Packages whose install scripts pnpm skipped: pnpm 11+ fails (ERR_PNPM_IGNORED_BUILDS), pnpm 10 only warns. */
export function ignoredBuilds(output: string): string[] {
  const m = /Ignored build scripts?: ([^\n]+)/.exec(output) ?? /dependencies have build scripts that were ignored: ([^\n]+)/.exec(output);
  if (!m) return [];
  return (m[1] as string)
    .split(',')
    .map((s) => s.trim().replace(/(?<=.)@[^@]*$/, ''))
    .filter(Boolean);
}

function pnpmBuilds(names: string[], install: string): InstallFailure {
  const list = names.join(', ');
  return {
    cause: `pnpm did not run the install scripts of ${list} (ERR_PNPM_IGNORED_BUILDS), so better-sqlite3 has no native addon`,
    fix: `the project's pnpm-workspace.yaml allows them for pnpm 10.5 and later; with an older pnpm, upgrade it (npm install -g pnpm@latest) or approve them with "pnpm approve-builds", then run "${install}"`,
  };
}

const GYP_VERSION = /gyp ERR! node-gyp -v v(\d+\.\d+\.\d+)|gyp info using node-gyp@(\d+\.\d+\.\d+)/;
const NETWORK = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo/;

function scriptFailure(ctx: InstallContext): InstallFailure | undefined {
  const script = /install script from "([^"]+)" exited with (\d+)/.exec(ctx.output) ?? /npm error path \S*node_modules\/((?:@[^/\s]+\/)?[^/\s]+)\n[\s\S]*?npm error command failed/.exec(ctx.output);
  if (!script) return undefined;
  const name = script[1] as string;
  const exit = script[2] ? ` exited with ${script[2]}` : ' failed';
  const gyp = GYP_VERSION.exec(ctx.output);
  const gypVersion = gyp?.[1] ?? gyp?.[2];
  if (gypVersion && /gyp ERR!/.test(ctx.output)) {
    if (NETWORK.test(ctx.output) && /headers|nodejs\.org|dist\//.test(ctx.output)) {
      return {
        cause: `the install script of ${name}${exit}: no prebuilt binary was reachable and node-gyp ${gypVersion} could not download Node's headers to compile it`,
        fix: `point npm_config_nodedir at a folder holding this Node's headers (include/node, e.g. /usr when /usr/include/node exists), then run "npm_config_nodedir=/usr ${ctx.install}"`,
      };
    }
    if (Number(gypVersion.split('.')[0]) >= 12 && ctx.pm === 'bun') {
      return {
        cause: `the install script of ${name}${exit}: no prebuilt binary was reachable and bun compiled it with node-gyp ${gypVersion} (node-gyp@latest), which does not run on Node ${ctx.nodeVersion}`,
        fix: `give bun a node-gyp that runs on this Node — npm's own: "npm_config_node_gyp=$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js ${ctx.install}" — or use Node 22`,
      };
    }
    return {
      cause: `the install script of ${name}${exit}: no prebuilt binary was reachable and node-gyp ${gypVersion} could not compile it (see the gyp ERR! lines above)`,
      fix: `install what node-gyp needs to compile (python3, make, a C++ compiler), then run "${ctx.install}"`,
    };
  }
  return { cause: `the install script of ${name}${exit}`, fix: `fix what its output above shows, then run "${ctx.install}"` };
}

export function diagnoseInstall(ctx: InstallContext): InstallFailure {
  const { pm, output, install } = ctx;
  if (ctx.notFound) {
    const get = pm === 'bun' ? 'npm install -g bun' : `npm install -g ${pm} (or corepack enable)`;
    return { cause: `${pm} was not found on PATH`, fix: `install it (${get}) and run "${install}", or create the project with --pm npm` };
  }
  const builds = ignoredBuilds(output);
  if (pm === 'pnpm' && (builds.length || /ERR_PNPM_IGNORED_BUILDS/.test(output))) return pnpmBuilds(builds.length ? builds : ['some dependencies'], install);
  if (pm === 'pnpm' && /packages field missing or empty/.test(output)) {
    return { cause: 'this pnpm is older than 10.5 and does not read a pnpm-workspace.yaml without "packages"', fix: `upgrade pnpm (npm install -g pnpm@latest), then run "${install}"` };
  }
  const engine = /(\S+)@(\d[^:\s]*): The engine "node" is incompatible with this module\. Expected version "([^"]+)"\. Got "([^"]+)"/.exec(output);
  if (engine) {
    const [, name, version, range, got] = engine as unknown as [string, string, string, string, string];
    const pin = (PINNED_VERSIONS as Record<string, string>)[name];
    return {
      cause: `${name}@${version} needs Node ${range} and this is Node ${got} (${pm} enforces engines); a dependency's range let it in`,
      fix: pin
        ? `pin it for every dependency: add "resolutions": { "${name}": "${pin}" } to package.json, then run "${install}"`
        : `pin a release of ${name} that supports Node ${got} in package.json "resolutions", or use Node ${range}, then run "${install}"`,
    };
  }
  const script = scriptFailure(ctx);
  if (script) return script;
  const code = /npm error code (\w+)/.exec(output)?.[1] ?? /\b(ERR_PNPM_\w+)/.exec(output)?.[1];
  return {
    cause: code ? `${pm} reported ${code}` : `${pm} exited with code ${ctx.exitCode ?? '?'}`,
    fix: `fix what its output above shows, then run "${install}"`,
  };
}
