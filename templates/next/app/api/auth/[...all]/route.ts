// Better Auth's endpoints: sign-up, sign-in, session, /token (mint a JWT), /jwks (public keys).
import { toNextJsHandler } from 'better-auth/next-js';
import { auth } from '@/lib/auth';

export const { GET, POST } = toNextJsHandler(auth);
