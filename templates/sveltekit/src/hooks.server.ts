// Every request passes through here: Better Auth answers /api/auth/* (sign-in, sessions,
// /api/auth/token, /api/auth/jwks), everything else goes on to the app's routes.
import { building } from '$app/environment';
import type { Handle, ServerInit } from '@sveltejs/kit';
import { svelteKitHandler } from 'better-auth/svelte-kit';
import { getAuth } from '$lib/server/auth';
import { authConfig } from '../lib/auth-config';

// Validates the configuration and opens the database when the server starts, so a bad setting
// (e.g. JWT_ALGORITHM=HS256) stops `npm start` with its one-line reason instead of failing
// every request.
export const init: ServerInit = async () => {
  if (!building) await getAuth();
};

export const handle: Handle = async ({ event, resolve }) => {
  // `vite build` prerenders and analyses routes without a running auth server or database.
  if (building) return resolve(event);
  const auth = await getAuth();
  // Better Auth rate-limits sign-in per client IP, which it reads from x-forwarded-for. Nothing
  // sets that header when Node serves the app directly, so it is set from the client address
  // here, replacing any value the client sent (a spoofed one must not pick its own bucket).
  // Behind a reverse proxy, TRUSTED_IP_HEADER names the header the proxy sets, and Better Auth
  // reads only that one (lib/auth-hardening.ts).
  if (!authConfig().trustedIpHeader) event.request.headers.set('x-forwarded-for', event.getClientAddress());
  return svelteKitHandler({ event, resolve, auth, building });
};
