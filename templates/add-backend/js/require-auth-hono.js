// Generated from templates/backend-hono/backend/src/require-auth.ts by scripts/add-backend-js.mjs: the same code as the TypeScript backends, without types.
// Hono middleware: `app.get('/api/notes', requireAuth, (c) => c.json(c.get('user')))`.
// Rejects with 401/503 and a JSON body; on success `c.get('user')` holds the verified user.
import { createMiddleware } from 'hono/factory';
import { authenticate, NO_STORE } from './auth.js';
export const requireAuth = createMiddleware(async (c, next) => {
    const result = await authenticate(c.req.header('Authorization'), `${c.req.method} ${c.req.path}`);
    if (!result.ok)
        return c.json(result.body, result.status, result.headers);
    c.set('user', result.user);
    for (const [name, value] of Object.entries(NO_STORE))
        c.header(name, value);
    await next();
});
