// Backend-for-frontend (token storage "cookie"): the browser sends only its httpOnly session
// cookie; this route mints a short-lived access token on the server and forwards the call to
// the API with `Authorization: Bearer <token>`. Page scripts never see a token.
import { auth } from '@/lib/auth';
import { authConfig } from '@/lib/auth-config';

type RouteContext = { params: Promise<{ path: string[] }> };

const FORWARDED_RESPONSE_HEADERS = ['content-type', 'cache-control', 'www-authenticate'];

async function forward(request: Request, { params }: RouteContext): Promise<Response> {
  const { path } = await params;
  let token: string;
  try {
    ({ token } = await auth.api.getToken({ headers: request.headers }));
  } catch {
    return Response.json({ error: 'unauthenticated' }, { status: 401, headers: { 'Cache-Control': 'no-store' } });
  }

  // Each segment is encoded, so `..` or an encoded slash cannot leave /api/.
  const target = new URL(`/api/${path.map(encodeURIComponent).join('/')}`, authConfig().baseURL);
  target.search = new URL(request.url).search;
  const headers = new Headers({ Authorization: `Bearer ${token}` });
  for (const name of ['content-type', 'accept']) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  const upstream = await fetch(target, {
    method: request.method,
    headers,
    body: hasBody ? await request.arrayBuffer() : undefined,
    cache: 'no-store',
  });

  const responseHeaders = new Headers();
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) responseHeaders.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers: responseHeaders });
}

export { forward as GET, forward as POST, forward as PUT, forward as PATCH, forward as DELETE };
