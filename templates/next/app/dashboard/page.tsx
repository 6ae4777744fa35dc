import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { auth } from '@/lib/auth';
import { ApiPanel } from './api-panel';

// The proxy only checks that a session cookie exists; this server-side check is what
// actually authorizes the page.
export default async function DashboardPage() {
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) redirect('/login');

  return (
    <main>
      <h1>Dashboard</h1>
      <p>
        Signed in as <strong data-testid="user-name">{session.user.name}</strong> (
        <span data-testid="user-email">{session.user.email}</span>)
      </p>
      <ApiPanel />
    </main>
  );
}
