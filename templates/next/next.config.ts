import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The SQLite driver is a native addon: load it from node_modules at run time
  // instead of bundling it.
  serverExternalPackages: ['better-sqlite3'],
  // `next dev` serves its scripts only to localhost unless told otherwise; opening the app
  // at http://127.0.0.1:3000 would otherwise leave pages without JavaScript.
  allowedDevOrigins: ['127.0.0.1'],
};

export default nextConfig;
