// Hono middleware (added by `create-better-auth-jwt add backend`):
// `app.get('/api/notes', requireAuth, (c) => c.json(c.get('user')))`.
// Rejects with 401/503 and a JSON body; on success `c.get('user')` holds the verified user.
// The verifier is an ES module (jose is one): loaded once, as this file is required.
'use strict';

const { createMiddleware } = require('hono/factory');

const verifier = import('./verify-jwt.mjs');

const requireAuth = createMiddleware(async (c, next) => {
  const { authenticate, NO_STORE } = await verifier;
  const result = await authenticate(c.req.header('Authorization'), `${c.req.method} ${c.req.path}`);
  if (!result.ok) return c.json(result.body, result.status, result.headers);
  c.set('user', result.user);
  for (const [name, value] of Object.entries(NO_STORE)) c.header(name, value);
  await next();
});

module.exports = { requireAuth };
