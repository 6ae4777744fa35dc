// The Express API server. Start it with `npm start` (or `npm run dev` to reload on changes).
import cors from 'cors';
import express, { type ErrorRequestHandler } from 'express';
import { config } from './config.js';
import { errorBody, errorStatus } from './http-error.js';
import { requireAuth } from './require-auth.js';

const app = express();
app.disable('x-powered-by');
// Only the frontend origin may call this API from a browser, sending the Bearer token.
app.use(
  cors({
    origin: [config.corsOrigin],
    allowedHeaders: ['Authorization', 'Content-Type'],
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    maxAge: 600,
  }),
);
app.use(express.json());

app.get('/health', (_req, res) => {
  res.json({ status: 'ok' });
});

// Protect any route the same way: add `requireAuth` before the handler.
app.get('/api/users/me', requireAuth, (req, res) => {
  const { id, email, name } = req.user;
  res.json({ id, email, name });
});

app.use((_req, res) => {
  res.status(404).json({ error: 'not_found' });
});

// A malformed body or URL keeps its 4xx; nothing from the request or a stack goes back.
const onError: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  const status = errorStatus(error);
  if (status === 500) console.error(`[api] ${req.method} ${req.path} failed:`, error);
  res.status(status).json(errorBody(status));
};
app.use(onError);

const server = app.listen(config.port, config.host, (error?: Error) => {
  if (error) {
    console.error(`Cannot listen on ${config.host}:${config.port}: ${error.message}`);
    process.exit(1);
  }
  console.log(`Express API on http://${config.host}:${config.port} (tokens verified with ${config.jwksUrl.href}, ${config.algorithm})`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 3_000).unref();
  });
}
