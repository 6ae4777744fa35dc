// SQLite through better-sqlite3: a file on disk, no server to run.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

let instance: Database.Database | undefined;

/** The database named by DATABASE_URL (`file:./auth.db` by default), opened once. */
export function database(): Database.Database {
  if (!instance) {
    const url = process.env.DATABASE_URL?.trim() || 'file:./auth.db';
    const file = resolve(url.replace(/^file:/, ''));
    mkdirSync(dirname(file), { recursive: true });
    instance = new Database(file);
    instance.pragma('journal_mode = WAL');
  }
  return instance;
}
