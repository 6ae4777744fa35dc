// Loads .env before anything reads process.env (imported first by server/index.ts).
// Real environment variables win over the file.
import { existsSync } from 'node:fs';

if (existsSync('.env')) process.loadEnvFile('.env');
