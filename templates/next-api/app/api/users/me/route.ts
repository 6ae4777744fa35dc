// A protected API route: only a valid Better Auth access token gets through.
import { requireUser } from '@/lib/verify-token';

export async function GET(request: Request) {
  const user = await requireUser(request);
  if (user instanceof Response) return user;
  return Response.json(user, { headers: { 'Cache-Control': 'no-store' } });
}
