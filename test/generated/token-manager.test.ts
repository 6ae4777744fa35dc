// The generated lib/token-manager.ts (memory and local storage): the access-token cache
// behind every API call. Rendered by the CLI, transpiled, and driven with a fake clock and
// hand-made JWTs (only the payload's exp/iat/sub matter to the client). Also the auth-client
// plugin (lib/token-session-plugin.ts) that keeps the cache in step with the session.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { generateProject } from '../helpers/generate.js';
import { importGeneratedModule } from '../helpers/load-generated.js';

interface TokenStore {
  get(): string | null;
  set(token: string | null): void;
}
interface TokenManager {
  getToken(): Promise<string>;
  refresh(rejected?: string): Promise<string>;
  clear(): void;
  setSessionUser(userId: string | null): void;
}
interface TokenManagerModule {
  memoryStore(): TokenStore;
  localStorageStore(key?: string): TokenStore;
  readExpiry(token: string): { exp: number; iat?: number } | null;
  SessionExpiredError: new () => Error;
  createTokenManager(options: {
    fetchToken: () => Promise<string | null>;
    store: TokenStore;
    onSessionExpired: () => void;
    sessionUser: () => Promise<string | null>;
    now?: () => number;
  }): TokenManager;
}

interface FetchSuccess {
  data: unknown;
  request: { url: string | URL };
}
interface TokenSessionPluginModule {
  tokenSessionPlugin(tokens: Pick<TokenManager, 'clear' | 'setSessionUser'>): {
    id: string;
    fetchPlugins: { hooks: { onSuccess(context: FetchSuccess): Promise<void> | void } }[];
  };
}

const NOW_S = 1_800_000_000; // fake "now", epoch seconds

let counter = 0;
/** A JWT-shaped string; the signature is irrelevant to the client. */
function jwt(claims: { exp?: number; iat?: number; sub?: string }): string {
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${b64({ alg: 'EdDSA', typ: 'JWT' })}.${b64({ sub: 'user-1', jti: String(++counter), ...claims })}.c2lnbmF0dXJl`;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

let root = '';
const modules: Record<'memory' | 'local', TokenManagerModule> = {} as never;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cbaj-token-manager-'));
  for (const storage of ['memory', 'local'] as const) {
    const dir = await generateProject(path.join(root, storage), { storage });
    modules[storage] = await importGeneratedModule<TokenManagerModule>(path.join(dir, 'lib/token-manager.ts'), root);
  }
}, 120_000);

afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe.each(['memory', 'local'] as const)('generated token manager (storage=%s)', (storage) => {
  let mod: TokenManagerModule;
  let clockMs: number;
  let store: TokenStore;
  let fetchToken: ReturnType<typeof vi.fn<() => Promise<string | null>>>;
  let onSessionExpired: ReturnType<typeof vi.fn<() => void>>;
  let sessionUser: ReturnType<typeof vi.fn<() => Promise<string | null>>>;

  function manager() {
    return mod.createTokenManager({ fetchToken, store, onSessionExpired, sessionUser, now: () => clockMs });
  }

  const subject = (token: string | null) => (token ? JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()).sub : null);
  const tokenFor = (sub: string) => jwt({ sub, iat: Math.floor(clockMs / 1000), exp: Math.floor(clockMs / 1000) + 900 });

  beforeEach(() => {
    mod = modules[storage];
    clockMs = NOW_S * 1000;
    store = mod.memoryStore();
    fetchToken = vi.fn(async () => jwt({ iat: Math.floor(clockMs / 1000), exp: Math.floor(clockMs / 1000) + 900 }));
    onSessionExpired = vi.fn();
    sessionUser = vi.fn(async () => 'user-1');
  });

  test('reads exp and iat from a JWT, and rejects what is not one', () => {
    expect(mod.readExpiry(jwt({ iat: NOW_S, exp: NOW_S + 60 }))).toEqual({ exp: NOW_S + 60, iat: NOW_S });
    expect(mod.readExpiry('not-a-jwt')).toBeNull();
    expect(mod.readExpiry(jwt({ iat: NOW_S }))).toBeNull();
  });

  test('with no token yet, getToken mints one and caches it in the store', async () => {
    const tokens = manager();
    const token = await tokens.getToken();
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(store.get()).toBe(token);
  });

  test('a fresh token is reused without asking the server', async () => {
    const fresh = jwt({ iat: NOW_S, exp: NOW_S + 900 });
    store.set(fresh);
    const tokens = manager();
    clockMs += 600_000; // 10 minutes into a 15-minute token
    expect(await tokens.getToken()).toBe(fresh);
    expect(await tokens.getToken()).toBe(fresh);
    expect(fetchToken).not.toHaveBeenCalled();
  });

  test.each([
    // lifetime 900 s: window = min(30, 90) = 30 s before exp
    { lifetime: 900, remaining: 31, refreshed: false },
    { lifetime: 900, remaining: 29, refreshed: true },
    // lifetime 100 s: window = 10% = 10 s before exp
    { lifetime: 100, remaining: 11, refreshed: false },
    { lifetime: 100, remaining: 9, refreshed: true },
    // already expired
    { lifetime: 4, remaining: -1, refreshed: true },
  ])('lifetime $lifetime s with $remaining s left: refreshed=$refreshed', async ({ lifetime, remaining, refreshed }) => {
    const iat = NOW_S - (lifetime - remaining);
    const old = jwt({ iat, exp: iat + lifetime });
    store.set(old);
    const token = await manager().getToken();
    expect(fetchToken).toHaveBeenCalledTimes(refreshed ? 1 : 0);
    expect(token === old).toBe(!refreshed);
    expect(store.get()).toBe(token);
  });

  test('a token whose payload cannot be read is replaced', async () => {
    store.set('garbage');
    const token = await manager().getToken();
    expect(token).not.toBe('garbage');
    expect(fetchToken).toHaveBeenCalledTimes(1);
  });

  test('10 concurrent getToken() calls on an expired token share exactly one refresh', async () => {
    store.set(jwt({ iat: NOW_S - 60, exp: NOW_S - 30 }));
    const pending = deferred<string | null>();
    fetchToken.mockImplementation(() => pending.promise);
    const tokens = manager();
    const calls = Array.from({ length: 10 }, () => tokens.getToken());
    const fresh = jwt({ iat: NOW_S, exp: NOW_S + 900 });
    pending.resolve(fresh);
    expect(await Promise.all(calls)).toEqual(Array(10).fill(fresh));
    expect(fetchToken).toHaveBeenCalledTimes(1);
    // and the next call reuses it
    expect(await tokens.getToken()).toBe(fresh);
    expect(fetchToken).toHaveBeenCalledTimes(1);
  });

  test('refresh(rejected) after another caller already replaced the token returns that token, no second refresh', async () => {
    const rejected = jwt({ iat: NOW_S - 10, exp: NOW_S + 890 });
    const replacement = jwt({ iat: NOW_S, exp: NOW_S + 900 });
    store.set(replacement);
    const tokens = manager();
    expect(await tokens.refresh(rejected)).toBe(replacement);
    expect(fetchToken).not.toHaveBeenCalled();
  });

  test('refresh(rejected) when the rejected token is still the current one does refresh (once for concurrent 401s)', async () => {
    const rejected = jwt({ iat: NOW_S - 10, exp: NOW_S + 890 }); // looks fresh, but the API said 401
    store.set(rejected);
    const tokens = manager();
    const [a, b, c] = await Promise.all([tokens.refresh(rejected), tokens.refresh(rejected), tokens.refresh(rejected)]);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(a).not.toBe(rejected);
    expect(b).toBe(a);
    expect(c).toBe(a);
    // A late 401 for the old token after the refresh finished: no third request to the server.
    expect(await tokens.refresh(rejected)).toBe(a);
    expect(fetchToken).toHaveBeenCalledTimes(1);
  });

  test.each([
    { name: 'fetchToken resolves null (no session)', impl: async () => null },
    {
      name: 'fetchToken rejects (network error)',
      impl: async () => {
        throw new Error('network down');
      },
    },
  ])('a failed refresh — $name — clears the store, calls onSessionExpired once, rejects with SessionExpiredError', async ({ impl }) => {
    store.set(jwt({ iat: NOW_S - 60, exp: NOW_S - 30 }));
    fetchToken.mockImplementation(impl);
    const tokens = manager();
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => tokens.getToken()));
    for (const result of results) {
      expect(result.status).toBe('rejected');
      const reason = (result as PromiseRejectedResult).reason as Error;
      expect(reason).toBeInstanceOf(mod.SessionExpiredError);
      expect(reason.name).toBe('SessionExpiredError');
    }
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
    expect(store.get()).toBeNull();
  });

  // A non-async fetchToken that throws must not wedge the manager: the refresh is deferred
  // until after inFlight is assigned, so `finally` can clear it.
  test('a fetchToken that throws synchronously is treated as a failed refresh and does not wedge the manager', async () => {
    let calls = 0;
    fetchToken.mockImplementation(() => {
      calls++;
      if (calls === 1) throw new Error('thrown synchronously');
      return Promise.resolve(jwt({ iat: NOW_S, exp: NOW_S + 900 }));
    });
    const tokens = manager();
    await expect(tokens.getToken()).rejects.toBeInstanceOf(mod.SessionExpiredError);
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
    expect(mod.readExpiry(await tokens.getToken())?.exp).toBe(NOW_S + 900);
  });

  test('after a failed refresh, signing in again works: the next getToken refreshes anew', async () => {
    fetchToken.mockResolvedValueOnce(null);
    const tokens = manager();
    await expect(tokens.getToken()).rejects.toBeInstanceOf(mod.SessionExpiredError);
    const token = await tokens.getToken();
    expect(mod.readExpiry(token)?.exp).toBe(NOW_S + 900);
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
  });

  test('clear() forgets the token, so the next call mints a new one', async () => {
    const tokens = manager();
    const first = await tokens.getToken();
    tokens.clear();
    expect(store.get()).toBeNull();
    const second = await tokens.getToken();
    expect(second).not.toBe(first);
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  test("a cached token whose sub is not the session's user is dropped, and the next call mints one for the session", async () => {
    const tokens = manager();
    expect(subject(await tokens.getToken())).toBe('user-1');
    tokens.setSessionUser('user-2');
    expect(store.get()).toBeNull();
    fetchToken.mockImplementation(async () => tokenFor('user-2'));
    expect(subject(await tokens.getToken())).toBe('user-2');
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  test("setSessionUser with the token's own user keeps it", async () => {
    const tokens = manager();
    const token = await tokens.getToken();
    tokens.setSessionUser('user-1');
    expect(await tokens.getToken()).toBe(token);
    expect(fetchToken).toHaveBeenCalledTimes(1);
  });

  test('signed out (session user null): the cached token is dropped', async () => {
    const tokens = manager();
    await tokens.getToken();
    tokens.setSessionUser(null);
    expect(store.get()).toBeNull();
  });

  test('a fresh token found in the store (left by an earlier page) is used only once the session confirms its user, asked once', async () => {
    const stored = tokenFor('user-1');
    store.set(stored);
    const tokens = manager();
    expect(await Promise.all([tokens.getToken(), tokens.getToken()])).toEqual([stored, stored]);
    expect(await tokens.getToken()).toBe(stored);
    expect(sessionUser).toHaveBeenCalledTimes(1);
    expect(fetchToken).not.toHaveBeenCalled();
  });

  test("a fresh token found in the store for another user than the session's is not used", async () => {
    store.set(tokenFor('user-A'));
    sessionUser.mockResolvedValue('user-B');
    fetchToken.mockImplementation(async () => tokenFor('user-B'));
    const token = await manager().getToken();
    expect(subject(token)).toBe('user-B');
    expect(subject(store.get())).toBe('user-B');
    expect(fetchToken).toHaveBeenCalledTimes(1);
  });

  test('when the session cannot be asked, a token found in the store is replaced by a minted one', async () => {
    store.set(tokenFor('user-A'));
    sessionUser.mockRejectedValue(new Error('network down'));
    fetchToken.mockImplementation(async () => tokenFor('user-B'));
    expect(subject(await manager().getToken())).toBe('user-B');
  });

  test("refresh(rejected) does not hand out another user's token", async () => {
    const tokens = manager();
    const rejected = await tokens.getToken();
    store.set(tokenFor('user-A')); // written by another tab for another user
    expect(subject(await tokens.refresh(rejected))).toBe('user-1');
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  /** A getToken() whose refresh is under way (answered by `pending`) when clear() is called. */
  async function refreshAbandonedByClear() {
    const pending = deferred<string | null>();
    fetchToken.mockImplementationOnce(() => pending.promise);
    const tokens = manager();
    const early = tokens.getToken();
    await vi.waitFor(() => expect(fetchToken).toHaveBeenCalledTimes(1));
    tokens.clear();
    return { tokens, early, pending };
  }

  test("clear() at a sign-in abandons a refresh in flight: the previous user's token is neither stored nor handed to later calls", async () => {
    const { tokens, early, pending } = await refreshAbandonedByClear();
    fetchToken.mockImplementation(async () => tokenFor('user-2'));
    const late = tokens.getToken();
    pending.resolve(tokenFor('user-1'));
    await early.catch(() => undefined);
    expect(subject(await late)).toBe('user-2');
    expect(subject(store.get())).toBe('user-2');
    expect(subject(await tokens.getToken())).toBe('user-2');
  });

  test('a call made just before clear() gets no token at all, and does not end the new session', async () => {
    const tokens = manager();
    const early = tokens.getToken();
    tokens.clear();
    await expect(early).rejects.toBeInstanceOf(mod.SessionExpiredError);
    expect(onSessionExpired).not.toHaveBeenCalled();
    expect(fetchToken).not.toHaveBeenCalled();
  });

  test('a refresh abandoned by clear() that then fails does not end the new session', async () => {
    const { tokens, early, pending } = await refreshAbandonedByClear();
    pending.resolve(null);
    await early.catch(() => undefined);
    expect(onSessionExpired).not.toHaveBeenCalled();
    expect(subject(await tokens.getToken())).toBe('user-1');
  });
});

describe('tokenSessionPlugin (the auth client keeps the token cache in step with the session)', () => {
  let plugin: ReturnType<TokenSessionPluginModule['tokenSessionPlugin']>;
  const tokens = { clear: vi.fn(), setSessionUser: vi.fn() };

  beforeAll(async () => {
    const mod = await importGeneratedModule<TokenSessionPluginModule>(path.join(root, 'memory', 'lib/token-session-plugin.ts'), root);
    plugin = mod.tokenSessionPlugin(tokens);
  });

  beforeEach(() => {
    tokens.clear.mockClear();
    tokens.setSessionUser.mockClear();
  });

  async function succeed(url: string, data: unknown = {}) {
    for (const fetchPlugin of plugin.fetchPlugins) await fetchPlugin.hooks.onSuccess({ data, request: { url } });
  }

  test.each(['http://app.test/api/auth/sign-in/email', 'http://app.test/api/auth/sign-in/social', 'http://app.test/api/auth/sign-up/email', 'http://app.test/api/auth/sign-out', '/api/auth/sign-in/email?x=1'])(
    'a successful %s forgets the cached token',
    async (url) => {
      await succeed(url);
      expect(tokens.clear).toHaveBeenCalledTimes(1);
    },
  );

  test("a session read tells the cache the session's user (null when signed out)", async () => {
    await succeed('http://app.test/api/auth/get-session', { session: { id: 's' }, user: { id: 'user-2' } });
    expect(tokens.setSessionUser).toHaveBeenLastCalledWith('user-2');
    await succeed('http://app.test/api/auth/get-session', null);
    expect(tokens.setSessionUser).toHaveBeenLastCalledWith(null);
    expect(tokens.clear).not.toHaveBeenCalled();
  });

  test('other calls (minting a token, the JWKS) leave the cache alone', async () => {
    await succeed('http://app.test/api/auth/token', { token: 'x' });
    await succeed('http://app.test/api/auth/jwks', { keys: [] });
    await succeed('http://app.test/api/auth/sign-in-help', {});
    expect(tokens.clear).not.toHaveBeenCalled();
    expect(tokens.setSessionUser).not.toHaveBeenCalled();
  });
});

describe('localStorageStore (storage=local)', () => {
  afterAll(() => {
    vi.unstubAllGlobals();
  });

  test('keeps the token in window.localStorage under auth.accessToken and removes it on clear', async () => {
    const data = new Map<string, string>();
    vi.stubGlobal('window', {
      localStorage: {
        getItem: (k: string) => data.get(k) ?? null,
        setItem: (k: string, v: string) => void data.set(k, v),
        removeItem: (k: string) => void data.delete(k),
      },
    });
    const mod = modules.local;
    const token = jwt({ iat: NOW_S, exp: NOW_S + 900 });
    const tokens = mod.createTokenManager({
      fetchToken: async () => token,
      store: mod.localStorageStore(),
      onSessionExpired: () => {},
      sessionUser: async () => 'user-1',
      now: () => NOW_S * 1000,
    });
    await tokens.getToken();
    expect(data.get('auth.accessToken')).toBe(token);
    // A second manager (a reload) finds it without minting a new one, once the session says it is the same user.
    const fetchAgain = vi.fn(async () => 'unused');
    const askSession = vi.fn(async () => 'user-1');
    const reloaded = mod.createTokenManager({ fetchToken: fetchAgain, store: mod.localStorageStore(), onSessionExpired: () => {}, sessionUser: askSession, now: () => NOW_S * 1000 });
    expect(await reloaded.getToken()).toBe(token);
    expect(fetchAgain).not.toHaveBeenCalled();
    expect(askSession).toHaveBeenCalledTimes(1);
    reloaded.clear();
    expect(data.has('auth.accessToken')).toBe(false);
  });

  test('without window (server-side rendering) it stores nothing and does not throw', () => {
    vi.unstubAllGlobals();
    const store = modules.local.localStorageStore();
    expect(() => store.set('x')).not.toThrow();
    expect(store.get()).toBeNull();
  });
});
