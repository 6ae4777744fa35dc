// Generated from templates/backend-express/backend/src/require-auth.ts by scripts/add-backend-js.mjs: the same code as the TypeScript backends, without types.
import { authenticate, NO_STORE } from './auth.js';
export async function requireAuth(req, res, next) {
    const result = await authenticate(req.headers.authorization, `${req.method} ${req.baseUrl}${req.path}`);
    if (!result.ok) {
        res.status(result.status).set(result.headers).json(result.body);
        return;
    }
    req.user = result.user;
    res.set(NO_STORE);
    next();
}
