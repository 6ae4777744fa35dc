// Where to send the browser after signing in or up: the `next` it came with, only if that is a
// page of this app. The URL parser decides, not a string check: it reads `\` as `/` and drops
// tab, CR and LF, so `/\evil.example` and `/<TAB>/evil.example` are other hosts to a browser.

function parse(url: string, base?: string): URL | undefined {
  try {
    return new URL(url, base);
  } catch {
    return undefined;
  }
}

/**
 * The path (with query and fragment) of `next` resolved against `origin`, when it stays on
 * that origin; `fallback` for anything else (another host, another scheme, `javascript:`,
 * nothing at all). Pass `window.location.origin` in the browser, `url.origin` on the server.
 */
export function safeRedirectPath(next: unknown, origin: string, fallback = '/dashboard'): string {
  const own = parse(origin)?.origin;
  if (typeof next !== 'string' || next === '' || own === undefined) return fallback;
  const target = parse(next, own);
  if (target?.origin !== own) return fallback;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // Same origin, yet the path may have come out as `//host/...` (from `/..//host`), which a
  // browser reads as another host: accept only a path that resolves back to the same place.
  return parse(path, own)?.href === target.href ? path : fallback;
}

/** `page` (e.g. "/signup") carrying a safe `next` along, so the next auth page honours it too. */
export function hrefWithNext(page: string, next: unknown, origin: string): string {
  const safe = safeRedirectPath(next, origin, '');
  return safe === '' ? page : `${page}?next=${encodeURIComponent(safe)}`;
}
