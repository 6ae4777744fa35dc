// Creates or updates the Better Auth tables (user, session, account, verification, jwks)
// with Better Auth's own migrations. Run with `npm run db:migrate`.
import { existsSync } from 'node:fs';

async function main() {
  // Load .env before the auth config reads it; real environment variables win.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const { getMigrations } = await import('better-auth/db/migration');
  const { authOptions } = await import('../lib/auth');

  const { toBeCreated, toBeAdded, runMigrations } = await getMigrations(authOptions);
  if (toBeCreated.length === 0 && toBeAdded.length === 0) {
    console.log('Database schema is up to date.');
    return;
  }
  await runMigrations();
  const created = toBeCreated.map((t) => t.table);
  const altered = toBeAdded.map((t) => t.table);
  if (created.length) console.log(`Created tables: ${created.join(', ')}`);
  if (altered.length) console.log(`Added columns to: ${altered.join(', ')}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
