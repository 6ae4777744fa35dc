// Express middleware (added by `create-better-auth-jwt add backend`):
// `app.get('/api/notes', requireAuth, (req, res) => res.json(req.user))`.
// Rejects with 401/503 and a JSON body; on success `req.user` holds the verified user.
// The verifier is an ES module (jose is one): loaded once, as this file is required.
'use strict';

const verifier = import('./verify-jwt.mjs');

async function requireAuth(req, res, next) {
  try {
    const { authenticate, NO_STORE } = await verifier;
    const result = await authenticate(req.headers.authorization, `${req.method} ${req.baseUrl}${req.path}`);
    if (!result.ok) {
      res.status(result.status).set(result.headers).json(result.body);
      return;
    }
    req.user = result.user;
    res.set(NO_STORE);
    next();
  } catch (error) {
    next(error);
  }
}

module.exports = { requireAuth };
