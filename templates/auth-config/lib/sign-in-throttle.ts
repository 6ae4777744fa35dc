// Failed password sign-ins counted per account, whatever address they come from. Better Auth's
// own limiter counts per client address, which a server that cannot see the socket (Next.js
// route handlers) only knows from a header the client may forge; this count cannot be dodged
// by changing addresses. Plain TypeScript (no Better Auth imports) so it is tested on its own;
// lib/auth-hardening.ts wires it into Better Auth.
//
// In memory, in this process: several instances each keep their own count (an attacker gets
// maxFailures per instance). Sharing it would need Better Auth's secondaryStorage (e.g. Redis).

export const DEFAULT_MAX_FAILURES = 5;
export const DEFAULT_WINDOW_SECONDS = 15 * 60;
const DEFAULT_MAX_ACCOUNTS = 100_000;

export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface SignInThrottleOptions {
  /** Attempts without a success allowed per account within one window. */
  maxFailures?: number;
  /** The window starts at the first counted attempt; a refused attempt does not extend it. */
  windowSeconds?: number;
  /** Accounts tracked at most (memory bound); past it the oldest entries are dropped. */
  maxAccounts?: number;
  now?: () => number;
}

/** One key per address however it was typed (Better Auth stores emails lower-cased). */
export function accountKey(email: string): string {
  return email.trim().toLowerCase();
}

export function createSignInThrottle({
  maxFailures = DEFAULT_MAX_FAILURES,
  windowSeconds = DEFAULT_WINDOW_SECONDS,
  maxAccounts = DEFAULT_MAX_ACCOUNTS,
  now = Date.now,
}: SignInThrottleOptions = {}) {
  const windowMs = windowSeconds * 1000;
  // Insertion order is age order: an entry is only ever added, never moved.
  const entries = new Map<string, { count: number; windowStart: number }>();

  function prune(at: number) {
    for (const [key, entry] of entries) if (at - entry.windowStart >= windowMs) entries.delete(key);
    for (const key of entries.keys()) {
      if (entries.size < maxAccounts) break;
      entries.delete(key);
    }
  }

  return {
    /**
     * Counts an attempt before the password is checked (so concurrent guesses are counted too)
     * and says whether it may go ahead. `succeeded` takes the count back.
     */
    attempt(email: string): Verdict {
      const key = accountKey(email);
      const at = now();
      let entry = entries.get(key);
      if (entry && at - entry.windowStart >= windowMs) {
        entries.delete(key);
        entry = undefined;
      }
      if (entry && entry.count >= maxFailures) {
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((entry.windowStart + windowMs - at) / 1000)) };
      }
      if (entry) entry.count += 1;
      else {
        prune(at);
        entries.set(key, { count: 1, windowStart: at });
      }
      return { allowed: true };
    },
    /** The right password: the account starts afresh. */
    succeeded(email: string): void {
      entries.delete(accountKey(email));
    },
    /** Accounts currently tracked. */
    get size(): number {
      return entries.size;
    },
  };
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
