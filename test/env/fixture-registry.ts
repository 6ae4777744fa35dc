// A fixed env registry for tests: the variables of a generated Next.js project, written out
// here so that fixture expectations do not move when feature descriptions are edited.
import { DEFAULT_PROJECT_OPTIONS } from '../../src/env/repo-docs.js';
import type { EnvVar } from '../../src/env/types.js';
import type { ProjectOptions } from '../../src/options/choices.js';

const LOCAL = 'http://localhost:3000';
export const BACKEND_ENV_FILE = 'backend/.env';

export function fixtureEnvVarsFor(options: ProjectOptions): EnvVar[] {
  const vars: EnvVar[] = [
    { name: 'BETTER_AUTH_SECRET', group: 'Better Auth', description: 'Encrypts sessions and signing keys.', required: true, kind: 'secret', example: '', usedBy: ['backend'], secret: true, generate: 'secret', note: 'Generate one with: openssl rand -base64 32' },
    { name: 'BETTER_AUTH_URL', group: 'Better Auth', description: 'Public URL of the app.', required: true, kind: 'http-url', example: LOCAL, localDefault: LOCAL, usedBy: ['backend'], secret: false },
    {
      name: 'DATABASE_URL', group: 'Database', description: 'Database connection.', required: true,
      kind: options.db === 'sqlite' ? 'string' : 'url',
      example: options.db === 'sqlite' ? 'file:./auth.db' : options.db === 'postgres' ? 'postgres://postgres:postgres@localhost:5432/app' : 'mysql://root:password@localhost:3306/app',
      localDefault: options.db === 'sqlite' ? 'file:./auth.db' : undefined,
      usedBy: ['backend'], secret: false,
    },
    { name: 'JWT_ACCESS_TOKEN_EXPIRES', group: 'JWT', description: 'Access token lifetime in seconds.', required: false, kind: 'seconds', example: '900', localDefault: '900', usedBy: ['backend'], secret: false },
    { name: 'JWT_REFRESH_TOKEN_EXPIRES', group: 'JWT', description: 'Session lifetime in seconds.', required: false, kind: 'seconds', example: '604800', localDefault: '604800', usedBy: ['backend'], secret: false },
    { name: 'JWT_ALGORITHM', group: 'JWT', description: 'Signing algorithm.', required: false, kind: 'enum', choices: ['EdDSA', 'ES256', 'RS256'], example: 'EdDSA', localDefault: 'EdDSA', usedBy: ['backend'], secret: false },
    { name: 'JWT_ISSUER', group: 'JWT', description: 'The iss claim.', required: false, kind: 'string', example: LOCAL, localDefault: '', usedBy: ['backend'], secret: false },
    { name: 'JWT_AUDIENCE', group: 'JWT', description: 'The aud claim.', required: false, kind: 'string', example: LOCAL, localDefault: '', usedBy: ['backend'], secret: false },
  ];
  for (const p of options.providers) {
    const P = p.toUpperCase();
    vars.push(
      { name: `${P}_CLIENT_ID`, group: `OAuth: ${p}`, description: `${p} OAuth client ID.`, required: true, kind: 'string', example: `your-${p}-client-id`, localDefault: '', usedBy: ['backend'], secret: false, note: `Callback URL: <BETTER_AUTH_URL>/api/auth/callback/${p}` },
      { name: `${P}_CLIENT_SECRET`, group: `OAuth: ${p}`, description: `${p} OAuth client secret.`, required: true, kind: 'string', example: '', localDefault: '', usedBy: ['backend'], secret: true },
    );
  }
  if (options.backend !== 'next') {
    // A separate API server: the app learns its URL, the server gets its own backend/.env.
    const file = BACKEND_ENV_FILE;
    const group = 'API server (backend/)';
    vars.push(
      { name: 'NEXT_PUBLIC_API_URL', group: 'API server', description: 'URL of the API server.', required: true, kind: 'http-url', example: 'http://localhost:8000', localDefault: 'http://localhost:8000', usedBy: ['frontend'], secret: false },
      { name: 'BETTER_AUTH_URL', group, description: 'URL of the auth server (JWKS).', required: true, kind: 'http-url', example: LOCAL, localDefault: LOCAL, usedBy: ['backend'], secret: false, file },
      { name: 'JWT_ISSUER', group, description: 'Expected iss.', required: false, kind: 'string', example: '', localDefault: '', usedBy: ['backend'], secret: false, file },
      { name: 'JWT_AUDIENCE', group, description: 'Expected aud.', required: false, kind: 'string', example: '', localDefault: '', usedBy: ['backend'], secret: false, file },
      { name: 'JWT_ALGORITHM', group, description: 'The only algorithm accepted.', required: false, kind: 'enum', choices: ['EdDSA', 'ES256', 'RS256'], example: 'EdDSA', localDefault: 'EdDSA', usedBy: ['backend'], secret: false, file },
      { name: 'CORS_ORIGIN', group, description: 'Frontend origin.', required: true, kind: 'http-url', example: LOCAL, localDefault: LOCAL, usedBy: ['backend'], secret: false, file },
      { name: 'PORT', group, description: 'Port to listen on.', required: false, kind: 'string', example: '8000', localDefault: '8000', usedBy: ['backend'], secret: false, file },
    );
  }
  return vars.map((v) => {
    const copy = { ...v };
    if (copy.localDefault === undefined) delete copy.localDefault;
    return copy;
  });
}

export const DEFAULT_OPTIONS: ProjectOptions = { ...DEFAULT_PROJECT_OPTIONS, name: 'app' };

export const EXPRESS_OPTIONS: ProjectOptions = { ...DEFAULT_OPTIONS, backend: 'express' };

export function manifestFor(options: ProjectOptions, declared: EnvVar[] = []): string {
  return `${JSON.stringify({ version: 1, generator: 'create-better-auth-jwt@0.1.0', options, env: { declared }, files: {} }, null, 2)}\n`;
}

/** A strong secret for fixtures (not a real one: it only has to pass the checks). */
export const GOOD_SECRET = 'q7Vb2xK9mP4rT8wZ1nL6cY3hJ0sD5fGa+E=';
