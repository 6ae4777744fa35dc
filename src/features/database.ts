// The database Better Auth stores users, sessions and signing keys in.
import type { EnvVar } from '../env/types.js';
import type { Database } from '../options/choices.js';
import type { PinnedPackage } from '../versions.js';
import type { Feature } from './types.js';

interface DatabaseInfo {
  packages: PinnedPackage[];
  typePackages: PinnedPackage[];
  example: string;
  description: string;
}

const DATABASES: Record<Database, DatabaseInfo> = {
  sqlite: {
    packages: ['better-sqlite3'],
    typePackages: ['@types/better-sqlite3'],
    example: 'file:./auth.db',
    description: 'SQLite database file, as file:<path> relative to the project root.',
  },
  postgres: {
    packages: ['pg'],
    typePackages: ['@types/pg'],
    example: 'postgres://postgres:postgres@localhost:5432/app',
    description: 'PostgreSQL connection URL.',
  },
  mysql: {
    packages: ['mysql2'],
    typePackages: [],
    example: 'mysql://root:password@localhost:3306/app',
    description: 'MySQL connection URL.',
  },
};

function databaseUrl(db: Database): EnvVar {
  const info = DATABASES[db];
  return {
    name: 'DATABASE_URL',
    group: 'Database',
    description: info.description,
    required: true,
    kind: db === 'sqlite' ? 'string' : 'url',
    example: info.example,
    localDefault: info.example,
    usedBy: ['backend'],
    // A server URL carries a password.
    secret: db !== 'sqlite',
  };
}

export const database: Feature = {
  id: 'database',
  applies: () => true,
  templateDirs: (options) => [`db-${options.db}`],
  dependencies: (options) => DATABASES[options.db].packages,
  devDependencies: (options) => DATABASES[options.db].typePackages,
  env: (options) => [databaseUrl(options.db)],
};
