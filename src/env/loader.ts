// Which loader reads an env file, as far as it matters to the lint: whether `${VAR}` and
// `$VAR` in a value are expanded or loaded literally. Plain dotenv and Node's --env-file
// load them literally; these expand (checked in their sources or docs):
// - @next/env (Next.js) and Vite's loadEnv (so SvelteKit, Astro, React Router) use dotenv-expand,
//   as do Create React App, Vue CLI, Expo and dotenv-cli; dotenvx expands by default;
// - Nuxt loads .env through c12, whose interpolate option defaults to true;
// - docker compose interpolates the .env beside the compose file (${VAR} and $VAR);
// - python-dotenv interpolates by default, the braced ${VAR} form only (pydantic-settings reads
//   .env through it).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** true: ${VAR} and $VAR are expanded; 'braced': only ${VAR}; false: neither. */
export type Expansion = boolean | 'braced';

const EXPANDING_PACKAGES = new Set([
  'next', '@next/env', 'vite', '@sveltejs/kit', 'astro', '@react-router/dev', 'nuxt', 'c12',
  'dotenv-expand', '@dotenvx/dotenvx', 'dotenv-cli', 'react-scripts', '@vue/cli-service', 'expo',
]);
const COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
const PYTHON_MANIFESTS = /^(?:requirements[\w.-]*\.(?:txt|in)|pyproject\.toml|Pipfile|setup\.cfg)$/;
const PYTHON_DOTENV = /(?:^|["'\s])(?:python[-_.]dotenv|pydantic[-_.]settings)(?=[\s"'<>=!~;[,]|$)/im;

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** undefined: no package.json here; else whether its dependencies include an expanding loader. */
function packageExpands(dir: string): boolean | undefined {
  const text = read(path.join(dir, 'package.json'));
  if (text === undefined) return undefined;
  try {
    const json = JSON.parse(text) as Record<string, Record<string, string> | undefined>;
    return [json.dependencies, json.devDependencies].some((deps) => Object.keys(deps ?? {}).some((d) => EXPANDING_PACKAGES.has(d)));
  } catch {
    return false;
  }
}

/** undefined: no Python manifest here; else whether one of them depends on python-dotenv. */
function pythonDotenv(dir: string): boolean | undefined {
  const manifests = listDir(dir).filter((n) => PYTHON_MANIFESTS.test(n));
  if (manifests.length === 0) return undefined;
  return manifests.some((n) => {
    const text = read(path.join(dir, n)) ?? '';
    const withoutComments = text.replace(/#.*$/gm, '');
    return PYTHON_DOTENV.test(withoutComments);
  });
}

/**
 * How the loader of `dir`'s env files (dir relative to root) treats `${VAR}`. The nearest
 * package.json and the nearest Python manifest from `dir` up to the root decide; a compose
 * file in `dir` itself reads its .env too.
 */
export function loaderExpands(root: string, dir: string): Expansion {
  const start = path.resolve(root, dir);
  if (COMPOSE_FILES.some((f) => read(path.join(start, f)) !== undefined)) return true;
  let js: boolean | undefined;
  let py: boolean | undefined;
  const top = path.resolve(root);
  for (let d = start; ; d = path.dirname(d)) {
    js ??= packageExpands(d);
    py ??= pythonDotenv(d);
    if (d === top || !d.startsWith(top) || path.dirname(d) === d || (js !== undefined && py !== undefined)) break;
  }
  if (js) return true;
  return py ? 'braced' : false;
}
