// MySQL through mysql2; connections are opened lazily by the pool.
import { createPool, type Pool } from 'mysql2/promise';

let instance: Pool | undefined;

/** A pool for DATABASE_URL (e.g. mysql://root:password@localhost:3306/app). */
export function database(): Pool {
  if (!instance) {
    const uri = process.env.DATABASE_URL?.trim();
    if (!uri) throw new Error('DATABASE_URL is not set (e.g. mysql://root:password@localhost:3306/app)');
    instance = createPool({ uri });
  }
  return instance;
}
