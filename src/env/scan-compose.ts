// docker-compose files: `${VAR}`, `${VAR:-default}`, `${VAR?error}` and `$VAR` in values are
// read from the environment (and the .env beside the file) when compose runs; `$$` is a
// literal dollar. LiteFS does the same with its config file litefs.yml (`$VAR`, `${VAR}`, and
// `${VAR == "x"}` expressions; fly.io/docs/litefs/config, Environment Variables). Read line by
// line, comments skipped: no YAML parser needed for this.
import type { EnvRead } from './scan-types.js';

/** docker-compose.yml, compose.yaml, docker-compose.dev.yml, docker/compose.prod.yaml … */
const COMPOSE_FILE = /(^|\/)(docker-)?compose(\.[\w-]+)*\.ya?ml$/;

/** litefs.yml / litefs.yaml, wherever it sits (epic-stack's other/litefs.yml is copied to /etc). */
const LITEFS_FILE = /(^|\/)litefs\.ya?ml$/;

export function isLiteFsConfig(rel: string): boolean {
  return LITEFS_FILE.test(rel);
}

export function isComposeFile(rel: string): boolean {
  return COMPOSE_FILE.test(rel);
}

/** A YAML file whose `${VAR}` references are read from the environment: compose or LiteFS. */
export function isEnvExpandingYaml(rel: string): boolean {
  return COMPOSE_FILE.test(rel) || LITEFS_FILE.test(rel);
}

const INTERPOLATION = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** The line without a YAML comment: `#` at the start or after a space, outside quotes. */
function withoutComment(line: string): string {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) {
      return line.slice(0, i);
    }
  }
  return line;
}

export function scanCompose(text: string, file: string): { reads: EnvRead[] } {
  const reads: EnvRead[] = [];
  const kind = isLiteFsConfig(file) ? 'litefs' : 'compose';
  const lines = text.split('\n');
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k] as string;
    if (!line.includes('$')) continue;
    for (const m of withoutComment(line).matchAll(INTERPOLATION)) {
      const name = m[1] ?? m[2];
      if (name !== undefined) reads.push({ name, file, line: k + 1, kind });
    }
  }
  return { reads };
}
