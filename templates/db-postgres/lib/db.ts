// PostgreSQL through node-postgres; connections are opened lazily by the pool.
import { Pool } from 'pg';

let instance: Pool | undefined;

/** A pool for DATABASE_URL (e.g. postgres://user:password@localhost:5432/app). */
export function database(): Pool {
  if (!instance) {
    const connectionString = process.env.DATABASE_URL?.trim();
    if (!connectionString) throw new Error('DATABASE_URL is not set (e.g. postgres://postgres:postgres@localhost:5432/app)');
    instance = new Pool({ connectionString });
  }
  return instance;
}
