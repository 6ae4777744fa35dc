import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The SQLite driver is a native addon: load it from node_modules at run time
  // instead of bundling it.
  serverExternalPackages: ['better-sqlite3'],
};

export default nextConfig;
