// The generated lib/sign-in-throttle.ts: failed password sign-ins counted per account (not per
// address), shared by every framework. Rendered by the CLI, transpiled, and driven with a fake clock.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateProject } from '../helpers/generate.js';
import { importGeneratedModule } from '../helpers/load-generated.js';

type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };
interface SignInThrottle {
  attempt(email: string): Verdict;
  succeeded(email: string): void;
  readonly size: number;
}
interface ThrottleModule {
  DEFAULT_MAX_FAILURES: number;
  DEFAULT_WINDOW_SECONDS: number;
  accountKey(email: string): string;
  createSignInThrottle(options?: { maxFailures?: number; windowSeconds?: number; maxAccounts?: number; now?: () => number }): SignInThrottle;
}

let tmp: string;
let mod: ThrottleModule;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cbaj-throttle-'));
  const dir = path.join(tmp, 'app');
  await generateProject(dir, {});
  mod = await importGeneratedModule<ThrottleModule>(path.join(dir, 'lib/sign-in-throttle.ts'), tmp);
}, 60_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A throttle on a clock the test moves by hand. */
function throttleAt(options: { maxFailures?: number; windowSeconds?: number; maxAccounts?: number } = {}) {
  const clock = { ms: 1_800_000_000_000 };
  const throttle = mod.createSignInThrottle({ ...options, now: () => clock.ms });
  return { throttle, clock };
}

function attempts(throttle: SignInThrottle, email: string, n: number): Verdict[] {
  return Array.from({ length: n }, () => throttle.attempt(email));
}

describe('sign-in throttle (generated lib/sign-in-throttle.ts)', () => {
  test('defaults: 5 failed attempts per account within 15 minutes', () => {
    expect(mod.DEFAULT_MAX_FAILURES).toBe(5);
    expect(mod.DEFAULT_WINDOW_SECONDS).toBe(15 * 60);
  });

  test('after maxFailures attempts without a success, the account is refused with the seconds left in its window', () => {
    const { throttle, clock } = throttleAt({ maxFailures: 3, windowSeconds: 600 });
    expect(attempts(throttle, 'a@example.com', 3)).toEqual([{ allowed: true }, { allowed: true }, { allowed: true }]);
    clock.ms += 100_500;
    expect(throttle.attempt('a@example.com')).toEqual({ allowed: false, retryAfterSeconds: 500 });
  });

  test('a refused attempt does not extend the window: the account opens again when it ends', () => {
    const { throttle, clock } = throttleAt({ maxFailures: 2, windowSeconds: 60 });
    attempts(throttle, 'a@example.com', 2);
    clock.ms += 59_000;
    expect(throttle.attempt('a@example.com')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.ms += 1_000;
    expect(throttle.attempt('a@example.com')).toEqual({ allowed: true });
  });

  test('the count is per account: one account’s failures never block another', () => {
    const { throttle } = throttleAt({ maxFailures: 2 });
    attempts(throttle, 'victim@example.com', 5);
    expect(throttle.attempt('victim@example.com').allowed).toBe(false);
    expect(throttle.attempt('someone-else@example.com')).toEqual({ allowed: true });
  });

  test('a successful sign-in clears the account’s count', () => {
    const { throttle } = throttleAt({ maxFailures: 2 });
    attempts(throttle, 'a@example.com', 2);
    throttle.succeeded('a@example.com');
    expect(attempts(throttle, 'a@example.com', 2)).toEqual([{ allowed: true }, { allowed: true }]);
    expect(throttle.attempt('a@example.com').allowed).toBe(false);
  });

  test('spellings of one address share one count (case and surrounding spaces)', () => {
    const { throttle } = throttleAt({ maxFailures: 2 });
    throttle.attempt('Victim@Example.com');
    throttle.attempt('  victim@example.COM ');
    expect(throttle.attempt('victim@example.com').allowed).toBe(false);
    expect(mod.accountKey(' A@B.c ')).toBe('a@b.c');
  });

  test('memory stays bounded: past maxAccounts the oldest entries go first', () => {
    const { throttle } = throttleAt({ maxFailures: 1, maxAccounts: 3 });
    for (const name of ['a', 'b', 'c', 'd']) throttle.attempt(`${name}@example.com`);
    expect(throttle.size).toBe(3);
    expect(throttle.attempt('a@example.com')).toEqual({ allowed: true });
    expect(throttle.attempt('d@example.com').allowed).toBe(false);
  });

  test('expired entries are dropped, so a window that ended leaves nothing behind', () => {
    const { throttle, clock } = throttleAt({ maxFailures: 1, windowSeconds: 10 });
    throttle.attempt('a@example.com');
    throttle.attempt('b@example.com');
    clock.ms += 10_000;
    throttle.attempt('c@example.com');
    expect(throttle.size).toBe(1);
  });
});
