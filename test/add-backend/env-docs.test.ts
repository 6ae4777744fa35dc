// The verifier's variables in the API's own docs: .env.example gets only the missing keys, in
// a marked block, every other byte kept; the README table gets rows only inside its markers.
import { describe, expect, it } from 'vitest';
import { envExampleWithVars, readmeWithVars, requirementsWithLines, verifierVars } from '../../src/add-backend/env-docs.js';
import { PYTHON_REQUIREMENTS } from '../../src/add-backend/files.js';

const vars = verifierVars({ authUrl: 'http://localhost:3000', algorithm: 'EdDSA', corsOrigin: 'http://localhost:5173', defaultCooldown: 5 });

const BLOCK = [
  '# --- added by create-better-auth-jwt add backend: start ---',
  '# JWT verification of Better Auth tokens (see the verifier in this project). Re-running add backend rewrites only this block.',
  '# URL of the app that serves Better Auth; the JWKS is fetched from <BETTER_AUTH_URL>/api/auth/jwks. (required)',
  'BETTER_AUTH_URL=http://localhost:3000',
  '# Expected `iss` claim. Empty: the BETTER_AUTH_URL origin (what the auth server uses by default). (optional)',
  'JWT_ISSUER=',
  '# Expected `aud` claim. Empty: the BETTER_AUTH_URL origin (what the auth server uses by default). (optional)',
  'JWT_AUDIENCE=',
  '# The only signing algorithm accepted; must match the auth server (EdDSA, ES256 or RS256). (optional)',
  'JWT_ALGORITHM=EdDSA',
  '# At most one JWKS request per this many seconds (for an unknown `kid` or after a failed fetch), so made-up `kid`s cannot flood the auth server. Empty: 5. (optional)',
  'JWKS_COOLDOWN_SECONDS=',
  '# The frontend origin allowed to call the API from the browser. (required)',
  'CORS_ORIGIN=http://localhost:5173',
  '# --- added by create-better-auth-jwt add backend: end ---',
];

describe('.env.example', () => {
  it('appends the block after a blank line, byte for byte, and a re-run changes nothing', () => {
    const theirs = '# Port to listen on\nPORT=3000\n';
    const after = envExampleWithVars(theirs, vars);
    expect(after).toBe(`${theirs}\n${BLOCK.join('\n')}\n`);
    expect(envExampleWithVars(after, vars)).toBeUndefined();
  });

  it('creates the block alone in a missing file; keeps CRLF and a missing final line break', () => {
    expect(envExampleWithVars(undefined, vars)).toBe(`${BLOCK.join('\n')}\n`);
    expect(envExampleWithVars('A=1\r\nB=2', vars)).toBe(`A=1\r\nB=2\r\n\r\n${BLOCK.join('\r\n')}\r\n`);
  });

  it('leaves out keys the file documents already, set or commented out, and never edits their lines', () => {
    const theirs = 'BETTER_AUTH_URL=https://auth.example.com\n# JWT_ALGORITHM=ES256\nexport CORS_ORIGIN=https://x.example\n';
    const after = envExampleWithVars(theirs, vars)!;
    expect(after.startsWith(theirs)).toBe(true);
    const block = after.slice(theirs.length);
    expect(block).not.toMatch(/^(BETTER_AUTH_URL|JWT_ALGORITHM|CORS_ORIGIN)=/m);
    expect(block).toMatch(/^JWT_ISSUER=$/m);
    const all = verifierVars({ authUrl: 'http://a', algorithm: 'EdDSA', corsOrigin: undefined, defaultCooldown: 5 }).map((v) => `${v.name}=x`).join('\n');
    expect(envExampleWithVars(`${all}\n`, vars.slice(0, 5))).toBeUndefined();
  });

  it('rewrites its block in place when a choice changes; the lines around it stay', () => {
    const theirs = `A=1\n\n${BLOCK.join('\n')}\nZ=2\n`;
    const changed = verifierVars({ authUrl: 'https://auth.example.com', algorithm: 'EdDSA', corsOrigin: 'http://localhost:5173', defaultCooldown: 5 });
    expect(envExampleWithVars(theirs, changed)).toBe(theirs.replace('BETTER_AUTH_URL=http://localhost:3000', 'BETTER_AUTH_URL=https://auth.example.com'));
  });
});

describe('README env table', () => {
  const readme = '# api\n\n<!-- env-table:start -->\n| Variable | Required | Description | Example | Where used |\n| --- | --- | --- | --- | --- |\n| `PORT` | no | Port. | `3000` | server |\n<!-- env-table:end -->\n\nMore.\n';

  it('adds one row per missing variable inside the markers; a second run adds none', () => {
    const { after } = readmeWithVars(readme, vars);
    expect(after!.startsWith('# api\n\n<!-- env-table:start -->\n| Variable |')).toBe(true);
    expect(after!.endsWith('| `PORT` | no | Port. | `3000` | server |\n| `BETTER_AUTH_URL` | yes | URL of the app that serves Better Auth; the JWKS is fetched from &lt;BETTER_AUTH_URL&gt;/api/auth/jwks. | `http://localhost:3000` | API (token verification) |\n' + after!.slice(after!.indexOf('| `JWT_ISSUER`')))).toBe(true);
    expect(after!.endsWith('<!-- env-table:end -->\n\nMore.\n')).toBe(true);
    expect(readmeWithVars(after, vars)).toEqual({});
  });

  it('leaves a README without markers alone, with a note', () => {
    expect(readmeWithVars('# api\n', vars)).toEqual({ note: expect.stringContaining('has no <!-- env-table:start -->') });
  });
});

describe('requirements.txt', () => {
  it('appends the missing requirement lines once, keeping the file', () => {
    const theirs = 'fastapi>=0.92,<1\nuvicorn\n';
    const after = requirementsWithLines(theirs, PYTHON_REQUIREMENTS)!;
    expect(after).toBe(`${theirs}# JWT verification (added by create-better-auth-jwt add backend)\n${PYTHON_REQUIREMENTS.join('\n')}\n`);
    expect(requirementsWithLines(after, PYTHON_REQUIREMENTS)).toBeUndefined();
    expect(requirementsWithLines('pyjwt==2.8.0\n', PYTHON_REQUIREMENTS)).toBe('pyjwt==2.8.0\n# JWT verification (added by create-better-auth-jwt add backend)\ncryptography>=38\n');
  });
});
