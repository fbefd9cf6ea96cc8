// Resolves the caller of every /api request from `Authorization: Bearer <token>` or the session
// cookie; routes then decide whether a caller is required (policy/access.ts). A bearer header
// that names no live token is refused outright rather than falling back to the cookie.
import type { Request, RequestHandler } from 'express';
import type { Db } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import { hashTokenSecret } from './api-token';
import type { Caller } from './caller';
import type { SessionCache } from './session-cache';
import { SESSION_COOKIE, findSessionUser, hashToken, type SessionUser } from './session-store';

function toCaller(
  user: SessionUser['user'],
  kind: Caller['kind'],
  ids: { sessionId?: string; tokenId?: string },
): Caller {
  return {
    kind,
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    userKind: user.kind,
    mustChangePassword: user.mustChangePassword,
    assignments: user.roles.map((r) => ({ id: r.id, role: r.role, unitId: r.unitId, unitName: r.unitName })),
    sessionId: ids.sessionId ?? null,
    tokenId: ids.tokenId ?? null,
  };
}

export function bearerOf(req: Request): string | undefined {
  const header = req.get('authorization');
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? '';
}

async function tokenCaller(prisma: Db, secret: string, now: Date): Promise<Caller> {
  const token = await prisma.apiToken.findUnique({
    where: { secretHash: hashTokenSecret(secret) },
    include: { serviceUser: { include: { roles: { include: { unit: true } } } } },
  });
  if (
    !token ||
    token.revokedAt ||
    (token.expiresAt && token.expiresAt <= now) ||
    token.serviceUser.disabled
  ) {
    throw new AppError('UNAUTHENTICATED', 'The API token is unknown, expired or revoked.', [], {
      detailZh: 'API 令牌不存在、已过期或已被吊销',
    });
  }
  await prisma.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  const { serviceUser } = token;
  const roles = serviceUser.roles.map((r) => ({
    id: r.id,
    role: r.role,
    unitId: r.unitId,
    unitName: r.unit.name,
  }));
  return toCaller({ ...serviceUser, roles }, 'token', { tokenId: token.id });
}

/** Session callers come from `sessions` when given (see session-cache.ts), else from the database. */
export function authenticate(prisma: Db, sessions?: SessionCache): RequestHandler {
  const sessionOf = (token: string): Promise<SessionUser | null> | SessionUser => {
    const tokenHash = hashToken(token);
    if (!sessions) return findSessionUser(prisma, tokenHash);
    return (
      sessions.get(tokenHash, Date.now()) ??
      sessions.remember(tokenHash, () => findSessionUser(prisma, tokenHash))
    );
  };
  return async (req, res, next) => {
    const bearer = bearerOf(req);
    if (bearer !== undefined) {
      res.locals.caller = await tokenCaller(prisma, bearer, new Date());
      return next();
    }
    const cookie = (req.cookies as Record<string, string | undefined>)[SESSION_COOKIE];
    const found = cookie ? await sessionOf(cookie) : null;
    if (found) res.locals.caller = toCaller(found.user, 'session', { sessionId: found.sessionId });
    next();
  };
}
