// Fastify preHandler (added by `create-better-auth-jwt add backend`):
// `fastify.get('/api/notes', { preHandler: requireAuth }, async (request) => request.user)`,
// or `fastify.addHook('preHandler', requireAuth)` inside a plugin to protect all of its routes.
// Rejects with 401/503 and a JSON body; on success `request.user` holds the verified user.
// The verifier is an ES module (jose is one): loaded once, as this file is required.
'use strict';

const verifier = import('./verify-jwt.mjs');

async function requireAuth(request, reply) {
  const { authenticate, NO_STORE } = await verifier;
  const path = request.url.split('?', 1)[0];
  const result = await authenticate(request.headers.authorization, `${request.method} ${path}`);
  if (!result.ok) {
    await reply.code(result.status).headers(result.headers).send(result.body);
    return;
  }
  request.user = result.user;
  reply.headers(NO_STORE);
}

module.exports = { requireAuth };
