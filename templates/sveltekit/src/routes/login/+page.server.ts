// Progressive enhancement: with scripts running, the page signs in through the Better Auth
// client and this action is never called. If they have not loaded (or are off), the form's
// native POST lands here and signs in on the server (sveltekitCookies sets the session cookie).
import { fail, redirect } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import { getAuth } from '$lib/server/auth';
import type { Actions } from './$types';

/** Where to go after signing in: the page that sent us here, if it is one of ours. */
function nextPath(url: URL): string {
  const next = url.searchParams.get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/dashboard';
}

export const actions: Actions = {
  default: async ({ request, url }) => {
    const form = await request.formData();
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');
    const auth = await getAuth();
    try {
      await auth.api.signInEmail({ body: { email, password }, headers: request.headers });
    } catch (error) {
      if (error instanceof APIError) return fail(error.statusCode, { error: error.message || 'Could not sign in.' });
      throw error;
    }
    redirect(303, nextPath(url));
  },
};
