// The auth server (Hono on Node): Better Auth at /api/auth/*, the JWT-protected API at
// /api/*, and in production the built SPA (dist/). The API trusts only a Bearer JWT,
// verified against this server's own JWKS like any other service would.
import './load-env';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { existsSync } from 'node:fs';
import { auth, spaOrigins } from '../lib/auth';
import { authConfig } from '../lib/auth-config';
import { requireUser } from '../lib/verify-token';

const app = new Hono();

// The Vite dev server is another origin: allow it, with cookies (auth) and Authorization (API).
app.use(
  '/api/*',
  cors({
    origin: spaOrigins(),
    credentials: true,
    allowHeaders: ['Authorization', 'Content-Type'],
    // Lets the SPA read why a token was refused (RFC 6750 error codes).
    exposeHeaders: ['WWW-Authenticate'],
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    maxAge: 600,
  }),
);

// Better Auth rate-limits sign-in per client IP, which it reads from x-forwarded-for. Served
// directly by Node nothing sets that header, so it is set from the socket here, replacing any
// value the client sent (a spoofed one must not pick its own bucket). Behind a reverse proxy,
// TRUSTED_IP_HEADER names the header the proxy sets, and Better Auth reads only that one
// (lib/auth-hardening.ts).
app.on(['GET', 'POST'], '/api/auth/*', (c) => {
  const request = c.req.raw;
  if (!authConfig().trustedIpHeader) {
    const address = getConnInfo(c).remote.address;
    if (address) request.headers.set('x-forwarded-for', address);
    else request.headers.delete('x-forwarded-for');
  }
  return auth.handler(request);
});

/** A protected route: only a valid Better Auth access token gets through. */
app.get('/api/users/me', async (c) => {
  const user = await requireUser(c.req.raw);
  if (user instanceof Response) {
    user.headers.set('Cache-Control', 'private, no-store');
    return user;
  }
  return c.json(user, 200, { 'Cache-Control': 'private, no-store' });
});

app.all('/api/*', (c) => c.json({ error: 'not_found' }, 404));

// Production: serve the SPA that `vite build` wrote, with index.html for client-side routes.
if (existsSync('dist/index.html')) {
  app.use('/*', serveStatic({ root: './dist' }));
  app.get('*', serveStatic({ path: './dist/index.html' }));
}

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? 'localhost';
serve({ fetch: app.fetch, port, hostname }, (info) => {
  console.log(`Auth server on http://${hostname}:${info.port} (Better Auth at /api/auth, API at /api)`);
});
