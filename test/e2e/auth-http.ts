// Better Auth over plain HTTP, as a browser on the app's own page would call it (it wants an
// Origin). Every E2E request comes from 127.0.0.1, so where the app sees addresses the checks
// share Better Auth's per-address limit (3 sign-ins or sign-ups per 10 s): set-up calls wait
// out that limit instead of failing on it. The per-account throttle (TOO_MANY_FAILED_SIGN_INS)
// is never waited out: that 429 is the answer under test.
import type { ServedApp } from './fixture.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** At most this many waits per call; a limit that keeps answering 429 is a failure to see. */
const MAX_WAITS = 3;
/** Longest single wait: Better Auth's window is 10 s. */
const MAX_WAIT_SECONDS = 15;

export function postAuth(app: ServedApp, path: string, body: object, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${app.authUrl}/api/auth${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: app.url, ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
}

/** The wait a 429 asks for: Retry-After, or Better Auth's own X-Retry-After on its per-address limit. */
export function retryAfter(response: Response): string | null {
  return response.headers.get('retry-after') ?? response.headers.get('x-retry-after');
}

async function isAddressLimit(response: Response): Promise<boolean> {
  if (response.status !== 429) return false;
  const body = (await response.clone().json().catch(() => ({}))) as { code?: unknown };
  return body.code !== 'TOO_MANY_FAILED_SIGN_INS';
}

/** postAuth for set-up steps: a 429 from the per-address limit is waited out (bounded). */
export async function postAuthPatiently(app: ServedApp, path: string, body: object, headers: Record<string, string> = {}): Promise<Response> {
  for (let waits = 0; ; waits++) {
    const response = await postAuth(app, path, body, headers);
    if (waits === MAX_WAITS || !(await isAddressLimit(response))) return response;
    const seconds = Math.min(Number(retryAfter(response)) || 10, MAX_WAIT_SECONDS);
    await sleep(seconds * 1000 + 250);
  }
}
