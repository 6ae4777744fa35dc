// Progressive enhancement: with scripts running, the page signs up through the Better Auth
// client and this action is never called. If they have not loaded (or are off), the form's
// native POST lands here and creates the account on the server (signed in, via the
// sveltekitCookies plugin).
import { fail, redirect } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import { getAuth } from '$lib/server/auth';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async ({ request }) => {
    const form = await request.formData();
    const name = String(form.get('name') ?? '');
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');
    const auth = await getAuth();
    try {
      await auth.api.signUpEmail({ body: { name, email, password }, headers: request.headers });
    } catch (error) {
      if (error instanceof APIError) return fail(error.statusCode, { error: error.message || 'Could not create the account.' });
      throw error;
    }
    redirect(303, '/dashboard');
  },
};
