// A commented-out variable in an .env.example: `# SMTP_HOST=`, `#SMTP_PORT=587`,
// `# export SMTP_FROM="App <noreply@example.com>"`. Most projects document their optional
// variables this way. Only a comment that is, after `#` and spaces, one complete dotenv
// assignment counts: prose that mentions a name (`# Set OIDC_ISSUER=… to enable`,
// `# Note: SENTRY_DSN …`, `# DEBUG = true turns on logging`) is not an entry.

/** Upper-case names only: `# default=…` or `# see=…` in prose are not variables. */
const COMMENTED = /^\s*#\s*(?:export\s+)?([A-Z_][A-Z0-9_]*)=(.*)$/;
const QUOTED = /^\s*(["'`])((?:\\.|(?!\1)[^\\])*)\1\s*(?:#.*)?$/;

/** The name and value of a commented-out assignment, or undefined for any other line. */
export function commentedAssignment(line: string): { name: string; value: string } | undefined {
  const m = COMMENTED.exec(line.replace(/^\uFEFF/, ''));
  if (!m) return undefined;
  const name = m[1] as string;
  const rest = m[2] as string;
  if (/^\s*["'`]/.test(rest)) {
    // A quoted value must close on this line, as dotenv would read it.
    const q = QUOTED.exec(rest);
    if (!q) return undefined;
    const inner = q[2] as string;
    return { name, value: q[1] === '"' ? inner.replace(/\\n/g, '\n').replace(/\\r/g, '\r') : inner };
  }
  // Unquoted: dotenv stops at `#`.
  return { name, value: (rest.split('#')[0] as string).trim() };
}
