// Fastify preHandler: `app.get('/api/notes', { preHandler: requireAuth }, async (request) => request.user)`,
// or `app.addHook('preHandler', requireAuth)` inside a plugin to protect all of its routes.
// Rejects with 401/503 and a JSON body; on success `request.user` holds the verified user.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, NO_STORE, type AuthUser } from './auth.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by requireAuth: only present on routes it protects. */
    user: AuthUser;
  }
}

export async function requireAuth(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const path = request.url.split('?', 1)[0];
  const result = await authenticate(request.headers.authorization, `${request.method} ${path}`);
  if (!result.ok) {
    await reply.code(result.status).headers(result.headers).send(result.body);
    return;
  }
  request.user = result.user;
  reply.headers(NO_STORE);
}
