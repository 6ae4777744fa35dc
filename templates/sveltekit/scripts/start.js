// `npm start`: the production server that `vite build` wrote to build/ (adapter-node).
// adapter-node does not read .env files, so .env is loaded here first (Node 20.12+'s
// process.loadEnvFile; variables already set in the environment win), then the server starts.
// It listens on PORT (default 3000) and HOST (default 0.0.0.0).
import { existsSync } from 'node:fs';

if (existsSync('.env')) process.loadEnvFile('.env');

// adapter-node builds request URLs (and Better Auth matches /api/auth/* against BETTER_AUTH_URL)
// from ORIGIN; without it every request would look like https://<host>.
if (!process.env.ORIGIN) {
  console.error('ORIGIN is not set (the public origin of this app, e.g. http://localhost:3000); see .env.example');
  process.exit(1);
}

try {
  // src/hooks.server.ts validates the configuration (init) before the server listens.
  await import('../build/index.js');
} catch (error) {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exit(1);
}
