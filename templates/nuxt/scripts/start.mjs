// `npm start`: the built server (.output/, from `npm run build`) with .env loaded first.
// Nitro's production server reads only the real environment, never .env; variables already
// set in the environment win over the file. Listens on PORT (default 3000) and HOST.
import { existsSync } from 'node:fs';

if (existsSync('.env')) process.loadEnvFile('.env');
await import('../.output/server/index.mjs');
