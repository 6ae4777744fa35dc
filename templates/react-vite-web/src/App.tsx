// Routes and the route guard: /dashboard needs a session, otherwise → /login?next=/dashboard.
// The guard is for the user's convenience; the API itself trusts only a verified JWT.
import { useEffect, type ReactNode } from 'react';
import { useSession } from '../lib/auth-client';
import { DashboardPage } from './pages/DashboardPage';
import { LoginPage } from './pages/LoginPage';
import { SignupPage } from './pages/SignupPage';
import { navigate, usePathname } from './router';

const PROTECTED = ['/dashboard'];

function RequireSession({ children }: { children: ReactNode }) {
  const { data, isPending } = useSession();
  const signedOut = !isPending && !data;
  useEffect(() => {
    if (signedOut) navigate(`/login?next=${encodeURIComponent(window.location.pathname)}`, { replace: true });
  }, [signedOut]);
  if (isPending || !data) return <main aria-busy="true" />;
  return <>{children}</>;
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

export function App() {
  const path = usePathname();
  if (PROTECTED.includes(path)) {
    return (
      <RequireSession>
        <DashboardPage />
      </RequireSession>
    );
  }
  if (path === '/login') return <LoginPage />;
  if (path === '/signup') return <SignupPage />;
  return <Redirect to="/dashboard" />;
}
