// Loads .env before anything reads process.env (imported first by server/index.ts).
// Real environment variables win over the file.
import { existsSync } from 'node:fs';
import { spaOriginsProblem } from '../lib/spa-origins';

if (existsSync('.env')) process.loadEnvFile('.env');

// Checked before lib/auth.ts loads, so a missing production CORS_ORIGIN is one line, not a stack trace.
const problem = spaOriginsProblem();
if (problem) {
  console.error(`Cannot start the auth server: ${problem}`);
  process.exit(1);
}
