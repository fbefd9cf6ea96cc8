// Sign-in, sign-out (here or everywhere), "who am I" and password change. Login answers the same
// way for an unknown user and a wrong password, costs one Argon2 verification either way, and
// rotates the session: any session the browser arrived with is ended.
import type { CookieOptions, Request } from 'express';
import type { AppConfig } from '../config';
import type { Db } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import { defineRoute } from '../http/route';
import { expectPersonOnly, expectPublic, expectSignedIn } from '../policy/route-expectations';
import { auditContextOf, writeAudit } from '../audit/write-audit';
import { ZChangePasswordRequest, ZLoginRequest, ZUserResponse, type TUser } from './auth.types';
import type { Caller } from './caller';
import { afterFailedLogin, isLocked } from './login-lockout';
import { hashPassword, timingDecoyHash, verifyPassword } from './password';
import { passwordPolicyErrors } from './password-policy';
import { SESSION_COOKIE, createSession, deleteSession, deleteUserSessions } from './session-store';

export function toUserDto(caller: Caller): TUser {
  return {
    id: caller.userId,
    username: caller.username,
    displayName: caller.displayName,
    roles: caller.assignments.map(({ role, unitId, unitName }) => ({ role, unitId, unitName })),
    mustChangePassword: caller.mustChangePassword,
  };
}

const sessionCookieOf = (req: Request): string | undefined =>
  (req.cookies as Record<string, string | undefined>)[SESSION_COOKIE];

export function authRoutes(prisma: Db, config: Pick<AppConfig, 'sessionTtlHours' | 'cookieSecure'>) {
  const cookieOptions: CookieOptions = {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    path: '/',
  };
  const noContent = { 204: { description: 'Done' } };

  const login = defineRoute({
    method: 'post',
    path: '/auth/login',
    tag: 'auth',
    summary: 'Sign in with username and password (sets the session cookie)',
    access: { kind: 'public' },
    expect: expectPublic,
    body: ZLoginRequest,
    responses: { 200: { description: 'Signed in', schema: ZUserResponse } },
    // A failed attempt is counted and audited although the request fails; the successful sign-in
    // writes in a transaction of its own, one connection per request.
    ownTransactions: true,
    handle: async ({ body: { username, password }, req, res }) => {
      const now = new Date();
      const audit = auditContextOf(req, res);
      const user = await prisma.user.findUnique({
        where: { username },
        include: { roles: { include: { unit: true } } },
      });
      if (user && isLocked(user.lockedUntil, now)) {
        await writeAudit(
          prisma,
          {
            action: 'login.locked',
            resourceType: 'session',
            resourceId: null,
            unitId: null,
            actorId: user.id,
          },
          audit,
        );
        throw new AppError('ACCOUNT_LOCKED', 'Too many failed sign-ins; try again later.', [], {
          lockedUntil: user.lockedUntil?.toISOString(),
        });
      }
      const valid = await verifyPassword(user?.passwordHash ?? timingDecoyHash, password);
      if (!user || !valid || user.disabled || user.kind !== 'person') {
        if (user) {
          await prisma.user.update({
            where: { id: user.id },
            data: afterFailedLogin(user.failedLoginCount, now),
          });
        }
        await writeAudit(
          prisma,
          {
            action: 'login.failed',
            resourceType: 'session',
            resourceId: null,
            unitId: null,
            actorId: user?.id ?? null,
            after: { username },
          },
          audit,
        );
        throw new AppError('INVALID_CREDENTIALS', 'The username or password is incorrect.');
      }
      const previous = sessionCookieOf(req);
      const session = await prisma.$transaction(async (tx) => {
        if (previous) await deleteSession(tx, previous);
        await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null } });
        await writeAudit(
          tx,
          {
            action: 'login.succeeded',
            resourceType: 'session',
            resourceId: null,
            unitId: null,
            actorId: user.id,
          },
          audit,
        );
        return createSession(tx, {
          userId: user.id,
          ttlHours: config.sessionTtlHours,
          userAgent: req.get('user-agent'),
        });
      });
      res.cookie(SESSION_COOKIE, session.token, { ...cookieOptions, expires: session.expiresAt });
      const dto: TUser = {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        roles: user.roles.map((r) => ({ role: r.role, unitId: r.unitId, unitName: r.unit.name })),
        mustChangePassword: user.mustChangePassword,
      };
      return { status: 200, body: { user: dto }, audit: 'written' };
    },
  });

  const logout = defineRoute({
    method: 'post',
    path: '/auth/logout',
    tag: 'auth',
    summary: 'End this session',
    access: { kind: 'signedIn', personOnly: true, duringPasswordChange: true },
    expect: expectPersonOnly,
    responses: noContent,
    handle: async ({ db, caller, req, res }) => {
      const token = sessionCookieOf(req);
      if (token) await deleteSession(db, token);
      res.clearCookie(SESSION_COOKIE, cookieOptions);
      return {
        status: 204,
        audit: { action: 'logout', resourceType: 'session', resourceId: caller.sessionId, unitId: null },
      };
    },
  });

  const logoutEverywhere = defineRoute({
    method: 'post',
    path: '/auth/logout-everywhere',
    tag: 'auth',
    summary: 'End every session of the signed-in user',
    access: { kind: 'signedIn', personOnly: true, duringPasswordChange: true },
    expect: expectPersonOnly,
    responses: noContent,
    handle: async ({ db, caller, res }) => {
      const ended = await deleteUserSessions(db, caller.userId);
      res.clearCookie(SESSION_COOKIE, cookieOptions);
      return {
        status: 204,
        audit: {
          action: 'logout.everywhere',
          resourceType: 'user',
          resourceId: caller.userId,
          unitId: null,
          after: { sessionsEnded: ended },
        },
      };
    },
  });

  const me = defineRoute({
    method: 'get',
    path: '/auth/me',
    tag: 'auth',
    summary: 'The signed-in caller with roles and units',
    access: { kind: 'signedIn', duringPasswordChange: true },
    expect: expectSignedIn,
    responses: { 200: { description: 'The caller', schema: ZUserResponse } },
    handle: ({ caller }) => ({ status: 200, body: { user: toUserDto(caller) } }),
  });

  const changePassword = defineRoute({
    method: 'post',
    path: '/auth/change-password',
    tag: 'auth',
    summary: 'Change the own password (ends the other sessions)',
    access: { kind: 'signedIn', personOnly: true, duringPasswordChange: true },
    expect: expectPersonOnly,
    body: ZChangePasswordRequest,
    responses: noContent,
    handle: async ({ db, caller, body }) => {
      const user = await db.user.findUniqueOrThrow({ where: { id: caller.userId } });
      if (!(await verifyPassword(user.passwordHash, body.currentPassword))) {
        // During the forced change the form asks for the one-time password; say that.
        const what = user.mustChangePassword
          ? (['one-time password', '一次性密码'] as const)
          : (['current password', '当前密码'] as const);
        throw new AppError('VALIDATION_FAILED', `The ${what[0]} is incorrect.`, [
          { field: 'currentPassword', reason: 'incorrect', reasonZh: `${what[1]}不正确` },
        ]);
      }
      const policy = passwordPolicyErrors(body.newPassword, user.username);
      if (body.newPassword === body.currentPassword) {
        policy.push({
          field: 'newPassword',
          reason: 'must differ from the current password',
          reasonZh: '不能与当前密码相同',
        });
      }
      if (policy.length)
        throw new AppError('WEAK_PASSWORD', 'The new password does not meet the policy.', policy);
      const passwordHash = await hashPassword(body.newPassword);
      await db.user.update({
        where: { id: user.id },
        data: { passwordHash, mustChangePassword: false, revision: { increment: 1 } },
      });
      await deleteUserSessions(db, user.id, caller.sessionId ?? undefined);
      return {
        status: 204,
        audit: { action: 'password.changed', resourceType: 'user', resourceId: user.id, unitId: null },
      };
    },
  });

  return [login, logout, logoutEverywhere, me, changePassword];
}
