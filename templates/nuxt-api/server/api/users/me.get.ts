// A protected API route: only a valid Better Auth access token gets through.
import { requireUser } from '~~/lib/verify-token';

export default defineEventHandler(async (event) => {
  const user = await requireUser(toWebRequest(event));
  if (user instanceof Response) return user;
  return Response.json(user, { headers: { 'Cache-Control': 'private, no-store' } });
});
