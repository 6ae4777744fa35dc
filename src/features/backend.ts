// A separate API server in backend/ (Express, Hono, Fastify or FastAPI) that trusts users by
// verifying Better Auth's JWT against the public JWKS. It gets its own backend/.env, which
// holds no secret: the backend never sees BETTER_AUTH_SECRET or the database.
import type { EnvVar } from '../env/types.js';
import { SAME_APP_BACKENDS, type ProjectOptions, type SeparateBackend } from '../options/choices.js';
import { FRAMEWORK_PROFILES } from './frameworks.js';
import type { Feature } from './types.js';

const BACKEND_ENV_FILE = 'backend/.env';
const API_PORT = '8000';
const APP_URL = 'http://localhost:3000';

export const BACKEND_LABELS: Record<SeparateBackend, string> = {
  express: 'Express',
  hono: 'Hono',
  fastify: 'Fastify',
  fastapi: 'FastAPI',
};

export function separateBackend(options: ProjectOptions): SeparateBackend | undefined {
  const backend = options.backend;
  return (SAME_APP_BACKENDS as readonly string[]).includes(backend) ? undefined : (backend as SeparateBackend);
}

export function isNodeBackend(options: ProjectOptions): boolean {
  const backend = separateBackend(options);
  return backend !== undefined && backend !== 'fastapi';
}

function backendVar(v: Omit<EnvVar, 'group' | 'usedBy' | 'secret' | 'file'>): EnvVar {
  return { ...v, group: 'API server (backend/)', usedBy: ['backend'], secret: false, file: BACKEND_ENV_FILE };
}

/** backend/.env: what the API server needs to verify tokens and answer the browser. */
const BACKEND_ENV: readonly EnvVar[] = [
  backendVar({
    name: 'BETTER_AUTH_URL',
    description: 'URL of the app that serves Better Auth; the JWKS is fetched from <BETTER_AUTH_URL>/api/auth/jwks.',
    required: true,
    kind: 'http-url',
    example: APP_URL,
    localDefault: APP_URL,
  }),
  backendVar({
    name: 'JWT_ISSUER',
    description: 'Expected `iss` claim. Empty: the BETTER_AUTH_URL origin (what the auth server uses by default).',
    required: false,
    kind: 'string',
    example: '',
    localDefault: '',
  }),
  backendVar({
    name: 'JWT_AUDIENCE',
    description: 'Expected `aud` claim. Empty: the BETTER_AUTH_URL origin (what the auth server uses by default).',
    required: false,
    kind: 'string',
    example: '',
    localDefault: '',
  }),
  backendVar({
    name: 'JWT_ALGORITHM',
    description: 'The only signing algorithm accepted; must match the auth server (EdDSA, ES256 or RS256).',
    required: false,
    kind: 'enum',
    choices: ['EdDSA', 'ES256', 'RS256'],
    example: 'EdDSA',
    localDefault: 'EdDSA',
  }),
  backendVar({
    name: 'CORS_ORIGIN',
    description: 'The frontend origin allowed to call the API from the browser.',
    required: true,
    kind: 'http-url',
    example: APP_URL,
    localDefault: APP_URL,
  }),
  backendVar({
    name: 'PORT',
    description: 'Port the API server listens on.',
    required: false,
    kind: 'string',
    example: API_PORT,
    localDefault: API_PORT,
  }),
];

/** How often the backend may fetch the JWKS at most; the default differs by server (jose's style vs PyJWKClient's). */
function jwksCooldownVar(options: ProjectOptions): EnvVar {
  const seconds = separateBackend(options) === 'fastapi' ? 30 : 5;
  return backendVar({
    name: 'JWKS_COOLDOWN_SECONDS',
    description: `At most one JWKS request per this many seconds (for an unknown \`kid\` or after a failed fetch), so made-up \`kid\`s cannot flood the auth server. Empty: ${seconds}.`,
    required: false,
    kind: 'seconds',
    example: '',
    localDefault: '',
  });
}

/** FastAPI's /docs, /redoc and /openapi.json map every route for anyone: off unless asked for. */
const API_DOCS_VAR = backendVar({
  name: 'API_DOCS',
  description: 'true: serve the interactive API docs (/docs, /redoc) and the schema (/openapi.json). Keep false in production.',
  required: false,
  kind: 'enum',
  choices: ['true', 'false'],
  example: 'false',
  localDefault: 'false',
});

/** Where the app finds the API: the browser calls it (memory/local), or the BFF does (cookie). */
function apiUrlVar(options: ProjectOptions): EnvVar {
  const url = `http://localhost:${API_PORT}`;
  return options.storage === 'cookie'
    ? {
        name: 'API_URL',
        group: 'API server',
        description: 'URL of the API server; the /api/bff route forwards calls there with a freshly minted JWT.',
        required: true,
        kind: 'http-url',
        example: url,
        localDefault: url,
        usedBy: ['backend'],
        secret: false,
      }
    : {
        name: FRAMEWORK_PROFILES[options.framework].publicApiUrlVar,
        group: 'API server',
        description: `URL of the API server the browser calls with the Bearer JWT (${FRAMEWORK_PROFILES[options.framework].publicApiUrlHow}).`,
        required: true,
        kind: 'http-url',
        example: url,
        localDefault: url,
        usedBy: ['frontend'],
        secret: false,
      };
}

export const backendServer: Feature = {
  id: 'backend',
  // React + Vite's API lives in its own auth server (profile.apiInAuthServer), not in backend/.
  applies: (options) => !FRAMEWORK_PROFILES[options.framework].apiInAuthServer && separateBackend(options) !== undefined,
  templateDirs: (options) => {
    const backend = separateBackend(options);
    if (backend === 'fastapi') return ['backend-fastapi', 'dev-runner'];
    return ['backend-node', `backend-${backend}`, 'dev-runner'];
  },
  scripts: (options) => ({
    dev: 'node scripts/dev.mjs',
    'dev:web': FRAMEWORK_PROFILES[options.framework].webDevCommand,
    'dev:api': isNodeBackend(options) ? 'cd backend && npm run dev' : 'cd backend && python3 -m uvicorn main:app --reload --port 8000',
  }),
  installDirs: (options) => (isNodeBackend(options) ? ['backend'] : []),
  env: (options) => [apiUrlVar(options), ...BACKEND_ENV, jwksCooldownVar(options), ...(separateBackend(options) === 'fastapi' ? [API_DOCS_VAR] : [])],
  nextSteps: (options) =>
    separateBackend(options) === 'fastapi'
      ? ['python3 -m pip install -r backend/requirements.txt   (FastAPI, uvicorn, PyJWT[crypto])']
      : [],
};
