// Variables the runtime, the package manager or the app's server reads by itself, whatever the
// dependencies: documenting one (NODE_ENV=development, PORT=3000) is useful even though the
// project's code never spells it out, so it is never `unused`. Platform variables that only a
// deployment sets (VERCEL_URL, GITHUB_SHA) are not here: documented and unread, they are stale.
const RUNTIME_READS = new Set([
  // Node and npm
  'NODE_ENV', 'NODE_OPTIONS', 'NODE_DEBUG', 'NODE_EXTRA_CA_CERTS', 'NODE_TLS_REJECT_UNAUTHORIZED', 'NODE_NO_WARNINGS',
  'TZ', 'LANG', 'LC_ALL', 'DEBUG', 'NO_COLOR', 'FORCE_COLOR', 'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY',
  // the servers of Next.js, Nuxt, SvelteKit's adapter-node, uvicorn and the like
  'PORT', 'HOST', 'HOSTNAME', 'NEXT_TELEMETRY_DISABLED', 'NUXT_TELEMETRY_DISABLED', 'ORIGIN',
  // Python
  'PYTHONPATH', 'PYTHONUNBUFFERED', 'PYTHONDONTWRITEBYTECODE',
]);

export function isReadByRuntime(name: string): boolean {
  return RUNTIME_READS.has(name);
}
