import { redirect } from '@sveltejs/kit';
import { getAuth } from '$lib/server/auth';
import type { PageServerLoad } from './$types';

// The server-side session check is what authorizes this page: signed-out visitors are sent to
// /login (and back here after signing in) before anything renders.
export const load: PageServerLoad = async ({ request, url }) => {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: request.headers });
  if (!session) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
  return { user: { name: session.user.name, email: session.user.email } };
};
