// Better Auth's endpoints (/api/auth/*: sign-in, sign-up, session, token, jwks, OAuth callbacks),
// handed the request as a standard Request. h3's helpers are auto-imported by Nitro.
import { auth } from '~~/lib/auth';
import { authConfig } from '~~/lib/auth-config';

export default defineEventHandler((event) => {
  const request = toWebRequest(event);
  // Better Auth rate-limits per client IP, which it reads from x-forwarded-for. Served directly
  // by Node nothing sets that header, so it is set from the socket here, replacing any value
  // the client sent (a spoofed one must not pick its own bucket). A request without a socket
  // address did not come over the network: the auth middleware's in-process call during server
  // rendering (it passes the visitor's address) or `nuxt dev`'s proxy (which sets it); its
  // header is kept. Behind a reverse proxy, TRUSTED_IP_HEADER names the header the proxy sets,
  // and Better Auth reads only that one (lib/auth-hardening.ts).
  const address = event.node.req.socket?.remoteAddress;
  if (address && !authConfig().trustedIpHeader) request.headers.set('x-forwarded-for', address);
  return auth.handler(request);
});
