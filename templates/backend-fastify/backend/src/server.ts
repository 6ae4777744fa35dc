// The Fastify API server. Start it with `npm start` (or `npm run dev` to reload on changes).
import cors from '@fastify/cors';
import Fastify, { type FastifyReply } from 'fastify';
import type { AuthUser } from './auth.js';
import { config } from './config.js';
import { errorBody, errorStatus } from './http-error.js';
import { requireAuth } from './require-auth.js';

const app = Fastify({
  // A URL Fastify cannot route (`/%`, a bad percent-encoding): its default answer quotes the path.
  frameworkErrors: (error, _request, reply) => {
    const status = errorStatus(error);
    void (reply as FastifyReply).code(status).send(errorBody(status));
  },
});
app.decorateRequest('user', null as unknown as AuthUser);
// Only the frontend origin may call this API from a browser, sending the Bearer token.
await app.register(cors, {
  origin: [config.corsOrigin],
  allowedHeaders: ['Authorization', 'Content-Type'],
  methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
  maxAge: 600,
});

app.get('/health', async () => ({ status: 'ok' }));

// Protect any route the same way: add `{ preHandler: requireAuth }`.
app.get('/api/users/me', { preHandler: requireAuth }, async (request) => {
  const { id, email, name } = request.user;
  return { id, email, name };
});

app.setNotFoundHandler(async (_request, reply) => reply.code(404).send({ error: 'not_found' }));
// A malformed body keeps its 4xx; nothing from the request or a stack goes back.
app.setErrorHandler(async (error: unknown, request, reply) => {
  const status = errorStatus(error);
  if (status === 500) console.error(`[api] ${request.method} ${request.url.split('?', 1)[0]} failed:`, error);
  return reply.code(status).send(errorBody(status));
});

try {
  await app.listen({ port: config.port, host: config.host });
} catch (error) {
  console.error(`Cannot listen on ${config.host}:${config.port}: ${(error as Error).message}`);
  process.exit(1);
}
console.log(`Fastify API on http://${config.host}:${config.port} (tokens verified with ${config.jwksUrl.href}, ${config.algorithm})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 3_000).unref();
  });
}
