// The auth server (Express on Node): Better Auth at /api/auth/*, the JWT-protected API at
// /api/*, and in production the built SPA (dist/). The API trusts only a Bearer JWT,
// verified against this server's own JWKS like any other service would.
import './load-env';
import { toNodeHandler } from 'better-auth/node';
import cors from 'cors';
import express, { type Request as ExpressRequest, type Response as ExpressResponse } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { auth, spaOrigins } from '../lib/auth';
import { authConfig } from '../lib/auth-config';
import { requireUser } from '../lib/verify-token';

const app = express();
app.disable('x-powered-by');

// The Vite dev server is another origin: allow it, with cookies (auth) and Authorization (API).
app.use(
  '/api',
  cors({
    origin: spaOrigins(),
    credentials: true,
    allowedHeaders: ['Authorization', 'Content-Type'],
    // Lets the SPA read why a token was refused (RFC 6750 error codes).
    exposedHeaders: ['WWW-Authenticate'],
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    maxAge: 600,
  }),
);

// Better Auth rate-limits sign-in per client IP, which it reads from x-forwarded-for. Served
// directly by Node nothing sets that header, so it is set from the socket here, replacing any
// value the client sent (a spoofed one must not pick its own bucket). Behind a reverse proxy,
// TRUSTED_IP_HEADER names the header the proxy sets, and Better Auth reads only that one
// (lib/auth-hardening.ts). Mounted before any body parser: Better Auth reads the raw request
// body itself.
const authHandler = toNodeHandler(auth);
app.all('/api/auth/{*rest}', (req, res) => {
  if (!authConfig().trustedIpHeader) {
    const address = req.socket.remoteAddress;
    if (address) req.headers['x-forwarded-for'] = address;
    else delete req.headers['x-forwarded-for'];
  }
  void authHandler(req, res);
});

/** The Express request as a web Request, for the framework-neutral token check. */
function webRequest(req: ExpressRequest): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  return new Request(new URL(req.originalUrl, `http://${req.headers.host ?? 'localhost'}`), { method: req.method, headers });
}

/** Sends a web Response (a 401 or 503 from requireUser) through Express. */
async function sendWebResponse(res: ExpressResponse, response: Response): Promise<void> {
  res.status(response.status);
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.send(Buffer.from(await response.arrayBuffer()));
}

/** A protected route: only a valid Better Auth access token gets through. */
app.get('/api/users/me', async (req, res) => {
  res.setHeader('Cache-Control', 'private, no-store');
  const user = await requireUser(webRequest(req));
  if (user instanceof Response) {
    await sendWebResponse(res, user);
    return;
  }
  res.json(user);
});

app.all('/api/{*rest}', (_req, res) => {
  res.status(404).json({ error: 'not_found' });
});

// Production: serve the SPA that `vite build` wrote, with index.html for client-side routes.
if (existsSync('dist/index.html')) {
  const dist = path.resolve('dist');
  app.use(express.static(dist));
  app.get('/{*rest}', (_req, res) => {
    res.sendFile(path.join(dist, 'index.html'));
  });
}

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? 'localhost';
const server = app.listen(port, hostname, (error?: Error) => {
  if (error) {
    console.error(`Cannot listen on ${hostname}:${port}: ${error.message}`);
    process.exit(1);
  }
  console.log(`Auth server on http://${hostname}:${port} (Better Auth at /api/auth, API at /api)`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 3_000).unref();
  });
}
