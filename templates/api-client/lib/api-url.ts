// Where the browser's API calls may go: the access token only to the API's own origin, and the
// cookie-mode client only to this app's /api/bff/. The URL parser decides, not string joins:
// it is what the browser will follow, and it drops tabs and newlines, reads `\` as `/`, and
// resolves `..` and `%2e%2e`. Framework-free so it can be tested on its own.

/** Thrown instead of sending a request (and its token) anywhere but the API. */
export class ForeignUrlError extends Error {
  override name = 'ForeignUrlError';
  constructor(path: string, base: string) {
    super(`Refusing to call ${JSON.stringify(path)}: API paths start with one "/" and stay under ${base}/`);
  }
}

/** An origin no path can legitimately leave: used to see whether a path names a host. */
const PROBE = 'http://path.invalid';

/**
 * The URL of `path` (e.g. `/api/users/me`) under `base` (the API's URL, or this app's
 * /api/bff). Throws ForeignUrlError unless `path` is a path on its own (not `https://host`,
 * `//host`, `/\host`, `.host`, `@host`, `:port`) and the result stays on base's origin, under
 * base's path.
 */
export function apiUrl(base: string, path: string): URL {
  const root = new URL(base);
  const prefix = root.pathname.replace(/\/*$/, '/');
  const under = `${root.origin}${prefix.slice(0, -1)}`;
  let url: URL | undefined;
  try {
    if (path.startsWith('/') && new URL(path, PROBE).origin === PROBE) url = new URL(`${under}${path}`);
  } catch {
    url = undefined;
  }
  if (!url || url.origin !== root.origin || !url.pathname.startsWith(prefix)) throw new ForeignUrlError(path, under);
  return url;
}
