// The verifier's variables documented in the API's own files: missing keys appended to
// .env.example in a block of ours (every other line stays the user's, byte for byte), and
// rows added to the README env table when the README has the env-table markers.
import { ENV_TABLE_END, ENV_TABLE_START } from '../env/render.js';

export const EXAMPLE_BLOCK_START = '# --- added by create-better-auth-jwt add backend: start ---';
export const EXAMPLE_BLOCK_END = '# --- added by create-better-auth-jwt add backend: end ---';

export interface VerifierVar {
  name: string;
  description: string;
  required: boolean;
  /** The value shown in .env.example (never a secret: the verifier has none). */
  example: string;
}

export interface VarChoices {
  authUrl: string;
  algorithm: string;
  /** The frontend origin, when this command sets CORS up (else no CORS_ORIGIN). */
  corsOrigin: string | undefined;
  /** The FastAPI verifier's default cooldown differs (PyJWKClient's style). */
  defaultCooldown: number;
}

/** The variables the verifier reads, in the generated backends' words. */
export function verifierVars(choices: VarChoices): VerifierVar[] {
  const vars: VerifierVar[] = [
    { name: 'BETTER_AUTH_URL', required: true, example: choices.authUrl, description: 'URL of the app that serves Better Auth; the JWKS is fetched from <BETTER_AUTH_URL>/api/auth/jwks.' },
    { name: 'JWT_ISSUER', required: false, example: '', description: 'Expected `iss` claim. Empty: the BETTER_AUTH_URL origin (what the auth server uses by default).' },
    { name: 'JWT_AUDIENCE', required: false, example: '', description: 'Expected `aud` claim. Empty: the BETTER_AUTH_URL origin (what the auth server uses by default).' },
    { name: 'JWT_ALGORITHM', required: false, example: choices.algorithm, description: 'The only signing algorithm accepted; must match the auth server (EdDSA, ES256 or RS256).' },
    {
      name: 'JWKS_COOLDOWN_SECONDS',
      required: false,
      example: '',
      description: `At most one JWKS request per this many seconds (for an unknown \`kid\` or after a failed fetch), so made-up \`kid\`s cannot flood the auth server. Empty: ${choices.defaultCooldown}.`,
    },
  ];
  if (choices.corsOrigin !== undefined) vars.push({ name: 'CORS_ORIGIN', required: true, example: choices.corsOrigin, description: 'The frontend origin allowed to call the API from the browser.' });
  return vars;
}

const ASSIGNMENT = /^\s*#?\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/;

/** The file around our block: the block's line range, or undefined without one. */
function blockRange(lines: string[]): { start: number; end: number } | undefined {
  const start = lines.findIndex((line) => line.trim() === EXAMPLE_BLOCK_START);
  if (start === -1) return undefined;
  const end = lines.findIndex((line, i) => i > start && line.trim() === EXAMPLE_BLOCK_END);
  return end === -1 ? undefined : { start, end };
}

/**
 * `.env.example` with the variables it lacks (outside our block; a commented-out `# NAME=`
 * counts as documented) in our block: appended at the end, or rewritten in place on a re-run.
 * Undefined when nothing changes.
 */
export function envExampleWithVars(text: string | undefined, vars: readonly VerifierVar[]): string | undefined {
  const original = text ?? '';
  const eol = original.includes('\r\n') ? '\r\n' : '\n';
  const lines = original.split(/\r?\n/);
  const range = blockRange(lines);
  const outside = range ? [...lines.slice(0, range.start), ...lines.slice(range.end + 1)] : lines;
  const documented = new Set(outside.map((line) => ASSIGNMENT.exec(line)?.[1]).filter(Boolean));
  const missing = vars.filter((v) => !documented.has(v.name));
  const block = missing.length
    ? [
        EXAMPLE_BLOCK_START,
        '# JWT verification of Better Auth tokens (see the verifier in this project). Re-running add backend rewrites only this block.',
        ...missing.flatMap((v) => [`# ${v.description} (${v.required ? 'required' : 'optional'})`, `${v.name}=${v.example}`]),
        EXAMPLE_BLOCK_END,
      ]
    : [];
  let result: string;
  if (range) {
    const before = lines.slice(0, range.start);
    const after = lines.slice(range.end + 1);
    result = [...before, ...block, ...after].join(eol);
  } else {
    if (!block.length) return undefined;
    const separator = original === '' ? '' : original.endsWith(`${eol}${eol}`) || original === eol ? '' : original.endsWith(eol) ? eol : eol + eol;
    result = `${original}${separator}${block.join(eol)}${eol}`;
  }
  return result === original ? undefined : result;
}

function cell(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|');
}

/** The README with a row per missing variable in its env table; a note instead when it has no markers or no table of gen env's shape. */
export function readmeWithVars(text: string | undefined, vars: readonly VerifierVar[]): { after?: string; note?: string } {
  if (text === undefined) return { note: 'no README: the variables are documented in .env.example only' };
  const start = text.indexOf(ENV_TABLE_START);
  const end = text.indexOf(ENV_TABLE_END, start);
  if (start === -1 || end === -1) return { note: `README has no ${ENV_TABLE_START} / ${ENV_TABLE_END} markers: left alone; the variables are in .env.example` };
  const inner = text.slice(start + ENV_TABLE_START.length, end);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (!/\|\s*Variable\s*\|\s*Required\s*\|\s*Description\s*\|\s*Example\s*\|\s*Where used\s*\|/.test(inner)) {
    return { note: 'the README env block holds no table of gen env\'s shape (Variable | Required | Description | Example | Where used): left alone' };
  }
  const rows = vars
    .filter((v) => !inner.includes(`\`${v.name}\``))
    .map((v) => `| \`${v.name}\` | ${v.required ? 'yes' : 'no'} | ${cell(v.description)} | ${v.example ? `\`${v.example}\`` : ''} | API (token verification) |`);
  if (!rows.length) return {};
  const trimmed = inner.replace(/\s*$/, '');
  const after = `${text.slice(0, start)}${ENV_TABLE_START}${trimmed}${eol}${rows.join(eol)}${eol}${text.slice(end)}`;
  return { after };
}

/** requirements.txt with the verifier's requirement lines it lacks (by package name); undefined when it has them all. */
export function requirementsWithLines(text: string, lines: readonly string[]): string | undefined {
  const nameOf = (line: string) => /^\s*([A-Za-z0-9_.-]+)/.exec(line)?.[1]?.toLowerCase().replace(/_/g, '-');
  const present = new Set(text.split(/\r?\n/).map((line) => (line.trim().startsWith('#') ? undefined : nameOf(line))));
  const missing = lines.filter((line) => !present.has(nameOf(line)));
  if (!missing.length) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const separator = text === '' || text.endsWith(eol) ? '' : eol;
  return `${text}${separator}# JWT verification (added by create-better-auth-jwt add backend)${eol}${missing.join(eol)}${eol}`;
}
