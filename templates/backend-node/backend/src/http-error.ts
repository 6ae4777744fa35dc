// The answer to an error thrown while handling a request, the same for every framework: a
// client error (4xx: a malformed URL or JSON body, a route's own 403…) keeps its status,
// anything else is a 500. The body is a code derived from the status ("bad_request",
// "forbidden", "internal_error"), never the error's message, which may quote the request.
import { STATUS_CODES } from 'node:http';

/** The error's own 4xx status (`status`, as Express and Hono set it, or `statusCode`, as Fastify does), else 500. */
export function errorStatus(error: unknown): number {
  const { status, statusCode } = (error ?? {}) as { status?: unknown; statusCode?: unknown };
  const own = typeof status === 'number' ? status : statusCode;
  return typeof own === 'number' && Number.isInteger(own) && own >= 400 && own < 500 ? own : 500;
}

/** The JSON body for `status`: `{ error: "forbidden" }`, `{ error: "internal_error" }`. */
export function errorBody(status: number): { error: string } {
  if (status >= 500) return { error: 'internal_error' };
  return { error: (STATUS_CODES[status] ?? 'Bad Request').toLowerCase().replace(/[^a-z0-9]+/g, '_') };
}
