// requireAuth for a CommonJS app (added by `create-better-auth-jwt add backend`): the guard in
// require-auth.mjs and its verifier are ES modules (jose is one), so this file loads them once,
// as it is required, and hands every request to that guard. How to mount it, and what it does
// on success and on rejection: see the comment at the top of require-auth.mjs.
'use strict';

const guard = import('./require-auth.mjs');

// No named parameters: one glue serves Express (req, res, next), Fastify (request, reply: it
// refuses an async hook that declares three) and Hono (c, next).
async function requireAuth(...args) {
  const { requireAuth: check } = await guard;
  return check(...args);
}

module.exports = { requireAuth };
