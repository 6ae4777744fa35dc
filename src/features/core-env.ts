// The variables every generated project reads: Better Auth itself and the JWT plugin.
import type { EnvVar } from '../env/types.js';

const LOCAL_URL = 'http://localhost:3000';

export const CORE_ENV: readonly EnvVar[] = [
  {
    name: 'BETTER_AUTH_SECRET',
    group: 'Better Auth',
    description:
      'Encrypts sessions and the JWT signing keys stored in the database. At least 32 random characters. Changing it signs every user out and makes stored signing keys unreadable.',
    required: true,
    kind: 'secret',
    example: '',
    usedBy: ['backend'],
    secret: true,
    generate: 'secret',
    note: 'Generate one with: openssl rand -base64 32',
  },
  {
    name: 'BETTER_AUTH_URL',
    group: 'Better Auth',
    description: 'Public URL of the app that serves Better Auth (/api/auth/*, including the JWKS at /api/auth/jwks).',
    required: true,
    kind: 'http-url',
    example: LOCAL_URL,
    localDefault: LOCAL_URL,
    usedBy: ['backend'],
    secret: false,
  },
  {
    name: 'JWT_ACCESS_TOKEN_EXPIRES',
    group: 'JWT access tokens',
    description: 'Access token (JWT) lifetime in seconds.',
    required: false,
    kind: 'seconds',
    example: '900',
    localDefault: '900',
    usedBy: ['backend'],
    secret: false,
  },
  {
    name: 'JWT_REFRESH_TOKEN_EXPIRES',
    group: 'JWT access tokens',
    description:
      'Session lifetime in seconds. The session cookie is what refreshes access tokens, so it must outlive them.',
    required: false,
    kind: 'seconds',
    example: '604800',
    localDefault: '604800',
    usedBy: ['backend'],
    secret: false,
  },
  {
    name: 'JWT_ALGORITHM',
    group: 'JWT access tokens',
    description:
      'Signing algorithm: EdDSA (default), ES256 or RS256. HS256 is not possible: tokens are verified with the public JWKS.',
    required: false,
    kind: 'enum',
    choices: ['EdDSA', 'ES256', 'RS256'],
    example: 'EdDSA',
    localDefault: 'EdDSA',
    usedBy: ['backend'],
    secret: false,
  },
  {
    name: 'JWT_ISSUER',
    group: 'JWT access tokens',
    description: 'The `iss` claim. Empty: the BETTER_AUTH_URL origin. APIs must expect the same value.',
    required: false,
    kind: 'string',
    example: '',
    localDefault: '',
    usedBy: ['backend'],
    secret: false,
  },
  {
    name: 'JWT_AUDIENCE',
    group: 'JWT access tokens',
    description: 'The `aud` claim. Empty: the BETTER_AUTH_URL origin. APIs must expect the same value.',
    required: false,
    kind: 'string',
    example: '',
    localDefault: '',
    usedBy: ['backend'],
    secret: false,
  },
];
