// Express middleware: `app.get('/api/notes', requireAuth, (req, res) => res.json(req.user))`.
// Rejects with 401/503 and a JSON body; on success `req.user` holds the verified user.
import type { NextFunction, Request, Response } from 'express';
import { authenticate, NO_STORE, type AuthUser } from './auth.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Set by requireAuth: only present on routes it protects. */
      user: AuthUser;
    }
  }
}

export async function requireAuth(req: Request, res: Response, next: NextFunction): Promise<void> {
  const result = await authenticate(req.headers.authorization, `${req.method} ${req.baseUrl}${req.path}`);
  if (!result.ok) {
    res.status(result.status).set(result.headers).json(result.body);
    return;
  }
  req.user = result.user;
  res.set(NO_STORE);
  next();
}
