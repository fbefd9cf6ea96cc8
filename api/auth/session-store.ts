// Server-side sessions: the cookie holds 32 random bytes; the database keeps only their SHA-256,
// so a leaked database row cannot be replayed as a cookie.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/prisma-client';

export const SESSION_COOKIE = 'sgf_session';

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  prisma: Pick<Db, 'session'>,
  options: { userId: string; ttlHours: number; userAgent?: string | undefined; now?: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + options.ttlHours * 3_600_000);
  await prisma.session.create({
    data: {
      tokenHash: hashToken(token),
      userId: options.userId,
      expiresAt,
      userAgent: options.userAgent?.slice(0, 300) ?? null,
    },
  });
  return { token, expiresAt };
}

/** The session's user with roles, or null when the token is unknown, expired or the user disabled. */
export async function findSessionUser(prisma: Db, token: string, now = new Date()) {
  const session = await prisma.session.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { include: { roles: { include: { unit: true } } } } },
  });
  if (!session || session.expiresAt <= now || session.user.disabled) return null;
  return { sessionId: session.id, user: session.user };
}

export async function deleteSession(prisma: Pick<Db, 'session'>, token: string): Promise<void> {
  await prisma.session.deleteMany({ where: { tokenHash: hashToken(token) } });
}

/** Ends every session of a user ("sign out everywhere"), or all but the one kept. */
export async function deleteUserSessions(
  prisma: Pick<Db, 'session'>,
  userId: string,
  keepSessionId?: string,
): Promise<number> {
  const { count } = await prisma.session.deleteMany({
    where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
  });
  return count;
}
