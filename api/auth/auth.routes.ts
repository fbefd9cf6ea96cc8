// Login, logout and "who am I". Login answers the same way for an unknown user and a wrong
// password, and costs one Argon2 verification either way.
import { Router, type CookieOptions } from 'express';
import type { AppConfig } from '../config';
import type { Db } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import { parseBody } from '../http/validate';
import { ZLoginRequest } from './auth.types';
import { currentUser, requireUser, toUserDto } from './current-user';
import { afterFailedLogin, isLocked } from './login-lockout';
import { timingDecoyHash, verifyPassword } from './password';
import { SESSION_COOKIE, createSession, deleteSession } from './session-store';

export function authRoutes(prisma: Db, config: Pick<AppConfig, 'sessionTtlHours' | 'cookieSecure'>): Router {
  const router = Router();
  const cookieOptions: CookieOptions = {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    path: '/',
  };

  router.post('/login', async (req, res) => {
    const { username, password } = parseBody(ZLoginRequest, req);
    const now = new Date();
    const user = await prisma.user.findUnique({
      where: { username },
      include: { roles: { include: { unit: true } } },
    });
    if (user && isLocked(user.lockedUntil, now)) {
      await prisma.auditLog.create({
        data: { actorId: user.id, action: 'login.locked', ip: req.ip ?? null },
      });
      throw new AppError('ACCOUNT_LOCKED', 'Too many failed sign-ins; try again later.', [], {
        lockedUntil: user.lockedUntil?.toISOString(),
      });
    }
    const valid = await verifyPassword(user?.passwordHash ?? timingDecoyHash, password);
    if (!user || !valid || user.disabled) {
      if (user) {
        await prisma.user.update({
          where: { id: user.id },
          data: afterFailedLogin(user.failedLoginCount, now),
        });
      }
      await prisma.auditLog.create({
        data: { actorId: user?.id ?? null, action: 'login.failed', subject: username, ip: req.ip ?? null },
      });
      throw new AppError('INVALID_CREDENTIALS', 'The username or password is incorrect.');
    }
    const session = await prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null } });
      await tx.auditLog.create({ data: { actorId: user.id, action: 'login.succeeded', ip: req.ip ?? null } });
      return createSession(tx, {
        userId: user.id,
        ttlHours: config.sessionTtlHours,
        userAgent: req.get('user-agent'),
      });
    });
    res.cookie(SESSION_COOKIE, session.token, { ...cookieOptions, expires: session.expiresAt });
    res.json({ user: toUserDto(user) });
  });

  router.post('/logout', requireUser(prisma), async (req, res) => {
    const token = (req.cookies as Record<string, string | undefined>)[SESSION_COOKIE];
    if (token) await deleteSession(prisma, token);
    await prisma.auditLog.create({
      data: { actorId: currentUser(res).id, action: 'logout', ip: req.ip ?? null },
    });
    res.clearCookie(SESSION_COOKIE, cookieOptions);
    res.status(204).end();
  });

  router.get('/me', requireUser(prisma), (_req, res) => {
    res.json({ user: currentUser(res) });
  });

  return router;
}
