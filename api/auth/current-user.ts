// Resolves the caller from the session cookie. Every /api route except login and health sits
// behind requireUser, so a route can never forget to check who is calling.
import type { RequestHandler, Response } from 'express';
import type { Db } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import type { TUser } from './auth.types';
import { SESSION_COOKIE, findSessionUser } from './session-store';

type SessionUser = NonNullable<Awaited<ReturnType<typeof findSessionUser>>>['user'];

export function toUserDto(user: SessionUser): TUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles.map((r) => ({ role: r.role, unitId: r.unitId, unitName: r.unit.name })),
  };
}

export function currentUser(res: Response): TUser {
  const user = (res.locals as { user?: TUser }).user;
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
  return user;
}

export function requireUser(prisma: Db): RequestHandler {
  return async (req, res, next) => {
    const token = (req.cookies as Record<string, string | undefined>)[SESSION_COOKIE];
    const found = token ? await findSessionUser(prisma, token) : null;
    if (!found) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
    res.locals.user = toUserDto(found.user);
    next();
  };
}
