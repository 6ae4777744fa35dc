// Generated from templates/backend-fastify/backend/src/require-auth.ts by scripts/add-backend-js.mjs: the same code as the TypeScript backends, without types.
import { authenticate, NO_STORE } from './auth.js';
export async function requireAuth(request, reply) {
    const path = request.url.split('?', 1)[0];
    const result = await authenticate(request.headers.authorization, `${request.method} ${path}`);
    if (!result.ok) {
        await reply.code(result.status).headers(result.headers).send(result.body);
        return;
    }
    request.user = result.user;
    reply.headers(NO_STORE);
}
