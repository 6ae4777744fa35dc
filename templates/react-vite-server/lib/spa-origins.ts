// The SPA's origin(s), from CORS_ORIGIN (comma-separated): allowed by CORS with credentials and
// trusted by Better Auth for cookie-bearing requests. Unset in development: the Vite dev
// server. Unset in production: an error, never a silent localhost default.

const VITE_DEV_ORIGIN = 'http://localhost:5173';

function configured(): string[] {
  return (process.env.CORS_ORIGIN ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
}

/** Why CORS_ORIGIN cannot be used as it is, in one line, or undefined. */
export function spaOriginsProblem(): string | undefined {
  const origins = configured();
  if (origins.length === 0 && process.env.NODE_ENV === 'production') {
    return 'CORS_ORIGIN is not set: in production set it to the origin serving the SPA, e.g. CORS_ORIGIN=https://app.example.com (comma-separate several)';
  }
  for (const origin of origins) {
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      // reported below
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== origin.replace(/\/$/, '')) {
      return `CORS_ORIGIN contains ${JSON.stringify(origin)}: each entry must be an origin such as https://app.example.com (scheme, host, optional port; no path, no *)`;
    }
  }
  return undefined;
}

/** The SPA origins; throws the one-line problem when CORS_ORIGIN is unusable. */
export function spaOrigins(): string[] {
  const problem = spaOriginsProblem();
  if (problem) throw new Error(problem);
  const origins = configured();
  return origins.length > 0 ? origins.map((origin) => new URL(origin).origin) : [VITE_DEV_ORIGIN];
}
