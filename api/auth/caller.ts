// Who is calling: a person signed in with a session cookie, or a service account through its
// API token. Resolved once per request; routes and the policy module read it from res.locals.
import type { Response } from 'express';
import type { TRole } from './auth.types';

export interface CallerAssignment {
  id: string;
  role: TRole;
  unitId: string;
  unitName: string;
}

export interface Caller {
  kind: 'session' | 'token';
  userId: string;
  username: string;
  displayName: string;
  userKind: 'person' | 'service';
  mustChangePassword: boolean;
  assignments: CallerAssignment[];
  /** The session row (cookie callers), so logout can end exactly this one. */
  sessionId: string | null;
  tokenId: string | null;
}

export function callerOf(res: Response): Caller | undefined {
  return (res.locals as { caller?: Caller }).caller;
}
