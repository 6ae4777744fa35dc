// The backend-for-frontend (token storage "cookie"), written once for every framework: the
// browser sends only its httpOnly session cookie to /api/bff/*; the server checks the call,
// mints a short-lived access token and forwards the call to the API's own routes with
// `Authorization: Bearer <token>`. Only web-standard Request/Response/URL, so each framework's
// /api/bff route is a thin adapter and every rule here is tested without a server.
//
// What the browser cannot do through this route:
// - leave the API's /api/ routes: `.`, `..`, empty segments, slashes, backslashes or a `%`
//   left after decoding are refused (404), and the final URL's origin and prefix are checked;
// - reach this app's own /api/auth/* or /api/bff/* routes (404), however it spells them;
// - write from another origin (CSRF): POST, PUT, PATCH and DELETE need an `Origin` equal to
//   the app's origin, or no Origin and `Sec-Fetch-Site: same-origin` (403);
// - pass its own headers on: the API gets an explicit set (authorization, accept,
//   content-type), never the browser's cookie, X-Forwarded-*, Origin or Host;
// - send a body over MAX_BODY_BYTES (413), counted while reading, not taken from Content-Length.
// Refusals happen before a token is minted.

/** The largest request body forwarded to the API: 1 MiB. Larger bodies get a 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Routes under /api/ that belong to this app itself, never to the API (compared lower-cased). */
const APP_OWN_ROUTES = new Set(['auth', 'bff']);

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** What the API may tell the browser; everything else it sends stays on the server. */
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'cache-control', 'www-authenticate'];

/** Per-user answers must not be stored by the browser or a shared cache unless the API says so. */
export const DEFAULT_CACHE_CONTROL = 'private, no-store';

/** Statuses whose response can have no body (the Response constructor refuses one). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * A decoded path segment the BFF forwards: not empty, not a dot segment, and nothing a server
 * could read as a separator, a control character or another round of percent-encoding.
 */
function isPlainSegment(segment: string): boolean {
  return segment !== '' && segment !== '.' && segment !== '..' && !/[/\\%\u0000-\u001f\u007f]/.test(segment);
}

/**
 * The API URL for decoded path segments (`['users', 'me']` → `<apiBaseUrl origin>/api/users/me`),
 * or null when the call must not be forwarded.
 */
export function resolveTarget(segments: readonly string[], apiBaseUrl: string, search = ''): URL | null {
  const first = segments[0];
  if (first === undefined || !segments.every(isPlainSegment) || APP_OWN_ROUTES.has(first.toLowerCase())) return null;
  const prefix = new URL('/api/', apiBaseUrl);
  let target: URL;
  try {
    target = new URL(segments.map(encodeURIComponent).join('/'), prefix);
  } catch {
    // encodeURIComponent throws on a lone surrogate.
    return null;
  }
  target.search = search;
  // Checked again on what the URL parser made of it: it has the last word on what a path means.
  if (target.origin !== prefix.origin || !target.pathname.startsWith(prefix.pathname)) return null;
  const [firstAfterParsing = ''] = target.pathname.slice(prefix.pathname.length).split('/');
  if (APP_OWN_ROUTES.has(decodeURIComponent(firstAfterParsing).toLowerCase())) return null;
  return target;
}

/**
 * Whether a call may be forwarded as far as its origin goes: reads always; writes only from
 * this app's own pages (a page on another port or subdomain is the same site, not the same origin).
 */
export function isSameOriginOrSafe(method: string, headers: Headers, appOrigin: string): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  const origin = headers.get('origin');
  if (origin !== null) return origin === new URL(appOrigin).origin;
  return headers.get('sec-fetch-site') === 'same-origin';
}

/** The headers the API receives: the minted token, and what the browser asked for. Nothing else. */
export function apiRequestHeaders(incoming: Headers, token: string, withBody: boolean): Headers {
  const headers = new Headers({ authorization: `Bearer ${token}` });
  const accept = incoming.get('accept');
  if (accept) headers.set('accept', accept);
  const contentType = incoming.get('content-type');
  if (withBody && contentType) headers.set('content-type', contentType);
  return headers;
}

/** The request body, or null when it is larger than `limit` bytes (stops reading there). */
export async function readBoundedBody(request: Request, limit = MAX_BODY_BYTES): Promise<ArrayBuffer | null> {
  // A declared length over the limit is refused without reading; a smaller one is not trusted.
  if (Number(request.headers.get('content-length') ?? 0) > limit) return null;
  if (!request.body) return new ArrayBuffer(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body.buffer;
}

/** The API's answer as the browser gets it: status, body and the allowed headers only. */
export function browserResponse(upstream: Response): Response {
  const headers = new Headers();
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  if (!headers.has('cache-control')) headers.set('cache-control', DEFAULT_CACHE_CONTROL);
  const body = NULL_BODY_STATUSES.has(upstream.status) ? null : upstream.body;
  return new Response(body, { status: upstream.status, headers });
}

function refusal(status: number, error: string): Response {
  return Response.json({ error }, { status, headers: { 'cache-control': DEFAULT_CACHE_CONTROL } });
}

export interface ForwardOptions {
  /** Where the API is served; calls go to `<its origin>/api/<segments>`. */
  apiBaseUrl: string;
  /** This app's public origin (BETTER_AUTH_URL): writes must come from its pages. */
  appOrigin: string;
  /** Mints the access token from the browser's session; throws (or returns nothing) without one. */
  mintToken(): Promise<string | null | undefined>;
  /** The fetch that reaches the API (tests pass their own). */
  fetch?: typeof fetch;
  maxBodyBytes?: number;
}

/**
 * Handles one /api/bff/* call: `segments` are the decoded path segments after /api/bff/, as
 * the framework's router hands them over.
 */
export async function forwardToApi(request: Request, segments: readonly string[], options: ForwardOptions): Promise<Response> {
  if (!isSameOriginOrSafe(request.method, request.headers, options.appOrigin)) return refusal(403, 'cross_origin_write');
  const target = resolveTarget(segments, options.apiBaseUrl, new URL(request.url).search);
  if (!target) return refusal(404, 'not_found');

  const withBody = !SAFE_METHODS.has(request.method.toUpperCase());
  let body: ArrayBuffer | undefined;
  if (withBody) {
    const read = await readBoundedBody(request, options.maxBodyBytes ?? MAX_BODY_BYTES);
    if (read === null) return refusal(413, 'body_too_large');
    body = read;
  }

  let token: string | null | undefined;
  try {
    token = await options.mintToken();
  } catch {
    token = undefined;
  }
  if (!token) return refusal(401, 'unauthenticated');

  const send = options.fetch ?? fetch;
  let upstream: Response;
  try {
    upstream = await send(target, {
      method: request.method,
      headers: apiRequestHeaders(request.headers, token, withBody),
      body,
      // The token must not follow a redirect somewhere else; the browser gets the 3xx as is.
      redirect: 'manual',
      cache: 'no-store',
    });
  } catch (error) {
    console.error(`[bff] API unreachable at ${target.origin}:`, error instanceof Error ? error.message : error);
    return refusal(502, 'api_unreachable');
  }
  return browserResponse(upstream);
}
