// The Hono API server (on Node). Start it with `npm start` (or `npm run dev` to reload on changes).
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { config } from './config.js';
import { errorBody, errorStatus } from './http-error.js';
import { requireAuth } from './require-auth.js';

const app = new Hono();
// Only the frontend origin may call this API from a browser, sending the Bearer token.
app.use(
  '*',
  cors({
    origin: [config.corsOrigin],
    allowHeaders: ['Authorization', 'Content-Type'],
    allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    maxAge: 600,
  }),
);

app.get('/health', (c) => c.json({ status: 'ok' }));

// Protect any route the same way: add `requireAuth` before the handler.
app.get('/api/users/me', requireAuth, (c) => {
  const { id, email, name } = c.get('user');
  return c.json({ id, email, name });
});

app.notFound((c) => c.json({ error: 'not_found' }, 404));
// An HTTPException keeps its 4xx status (`throw new HTTPException(403)` in a route); only an
// unexpected error becomes a 500. The body never carries the error's message.
app.onError((error, c) => {
  const status = errorStatus(error);
  if (status === 500) console.error(`[api] ${c.req.method} ${c.req.path} failed:`, error);
  return c.json(errorBody(status), status as ContentfulStatusCode);
});

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => {
  console.log(`Hono API on http://${config.host}:${config.port} (tokens verified with ${config.jwksUrl.href}, ${config.algorithm})`);
});
server.on('error', (error) => {
  console.error(`Cannot listen on ${config.host}:${config.port}: ${error.message}`);
  process.exit(1);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 3_000).unref();
  });
}
