import { useState, type FormEvent } from 'react';
import { signUp } from '../../lib/auth-client';
import { safeRedirectPath } from '../../lib/safe-redirect';
import { Link, navigate } from '../router';

export function SignupPage() {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const { error } = await signUp.email({
      name: String(form.get('name')),
      email: String(form.get('email')),
      password: String(form.get('password')),
    });
    setPending(false);
    if (error) {
      setError(error.message ?? 'Could not create the account.');
      return;
    }
    // The page that sent the visitor to sign in, if it is one of ours.
    navigate(safeRedirectPath(new URLSearchParams(window.location.search).get('next'), window.location.origin));
  }

  return (
    <main>
      <h1>Create an account</h1>
      {/* method="post": if scripts fail to load, a native submit must never put the password in the URL. */}
      <form method="post" onSubmit={onSubmit}>
        <label>
          Name
          <input name="name" autoComplete="name" required />
        </label>
        <label>
          Email
          <input name="email" type="email" autoComplete="email" required />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="new-password" minLength={8} required />
        </label>
        {error && (
          <p role="alert" className="error" data-testid="auth-error">
            {error}
          </p>
        )}
        <button type="submit" disabled={pending}>
          {pending ? 'Creating…' : 'Create account'}
        </button>
      </form>
      <p>
        Already have an account? <Link href="/login">Sign in</Link>
      </p>
    </main>
  );
}
