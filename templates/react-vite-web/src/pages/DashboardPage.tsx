import { useCallback, useEffect, useState } from 'react';
import { getJson } from '../../lib/api-client';
import { signOut, useSession } from '../../lib/auth-client';
import { navigate } from '../router';

interface Me {
  id: string;
  email: string | null;
  name: string | null;
}

type Result = { state: 'loading' } | { state: 'ok'; me: Me } | { state: 'error'; message: string };

export function DashboardPage() {
  const { data: session } = useSession();
  const [result, setResult] = useState<Result>({ state: 'loading' });
  const [calls, setCalls] = useState(0);

  // The API trusts only the Bearer JWT, verified against the auth server's JWKS.
  const callApi = useCallback(async () => {
    try {
      const me = await getJson<Me>('/api/users/me');
      setResult({ state: 'ok', me });
    } catch (error) {
      setResult({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setCalls((n) => n + 1);
    }
  }, []);

  useEffect(() => {
    void callApi();
  }, [callApi]);

  async function onSignOut() {
    await signOut();
    navigate('/login');
  }

  return (
    <main>
      <h1>Dashboard</h1>
      <p>
        Signed in as <strong data-testid="user-name">{session?.user.name}</strong> (
        <span data-testid="user-email">{session?.user.email}</span>)
      </p>
      <section>
        <h2>GET /api/users/me</h2>
        {result.state === 'loading' && <p>Calling the API…</p>}
        {result.state === 'ok' && <pre data-testid="api-result">{JSON.stringify(result.me, null, 2)}</pre>}
        {result.state === 'error' && (
          <p role="alert" className="error" data-testid="api-error">
            {result.message}
          </p>
        )}
        <p data-testid="api-calls">API calls answered: {calls}</p>
        <div className="row">
          <button type="button" className="secondary" data-testid="call-api" onClick={() => void callApi()}>
            Call the API again
          </button>
          <button type="button" data-testid="sign-out" onClick={() => void onSignOut()}>
            Sign out
          </button>
        </div>
      </section>
    </main>
  );
}
