// Route middleware for protected pages (`definePageMeta({ middleware: 'auth' })`): without a
// session, go to /login?next=<page>. It runs on the server for the first request (the
// visitor's cookies are forwarded by useRequestFetch, and Nitro answers in-process) and in
// the browser on client-side navigation, so the page is never rendered signed-out.
// Better Auth checks the session in the database: this authorizes, not just a cookie test.
import type { Session } from '~~/lib/auth-client';

export default defineNuxtRouteMiddleware(async (to) => {
  // On the server, the visitor's address goes along so Better Auth rate-limits per visitor
  // rather than counting every server render in one bucket (see server/api/auth/[...all].ts).
  // Behind a proxy (TRUSTED_IP_HEADER), the proxy's header already goes along with the visitor's.
  const address = import.meta.server && !process.env.TRUSTED_IP_HEADER ? useRequestEvent()?.node.req.socket?.remoteAddress : undefined;
  const headers = address ? { 'x-forwarded-for': address } : undefined;
  const session = await useRequestFetch()<Session | null>('/api/auth/get-session', { headers }).catch(() => null);
  // The dashboard reads the user from here (serialized into the page, no second request).
  useState<Session | null>('auth:session').value = session ?? null;
  if (!session) {
    return navigateTo({ path: '/login', query: { next: to.path } });
  }
});
