import Link from 'next/link';

export default function Home() {
  return (
    <main>
      <h1>Better Auth + JWT</h1>
      <p>Sign in to see a protected API called with a short-lived access token.</p>
      <div className="row">
        <Link href="/login">Sign in</Link>
        <Link href="/signup">Create an account</Link>
        <Link href="/dashboard">Dashboard</Link>
      </div>
    </main>
  );
}
