// Server-side sessions: the cookie holds 32 random bytes; the database keeps only their SHA-256,
// so a leaked database row cannot be replayed as a cookie.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/prisma-client';
import type { TRole } from './auth.types';

export const SESSION_COOKIE = 'sgf_session';

/** What the database keeps of a session token (and what the session cache is keyed by). */
export function hashToken(token: string): string {
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

/** The user behind a live session, as authenticate() turns it into the caller. */
export interface SessionUser {
  sessionId: string;
  expiresAt: Date;
  user: {
    id: string;
    username: string;
    displayName: string;
    kind: 'person' | 'service';
    mustChangePassword: boolean;
    roles: { id: string; role: TRole; unitId: string; unitName: string }[];
  };
}

/**
 * The session's user with roles, or null when the token (by its hash) is unknown, expired or the user disabled.
 * One statement (every request of a signed-in person runs it): the session, the user and the role
 * assignments with their units' names, instead of one query per relation.
 */
export async function findSessionUser(
  prisma: Db,
  tokenHash: string,
  now = new Date(),
): Promise<SessionUser | null> {
  const rows = await prisma.$queryRaw<(SessionUser['user'] & { session_id: string; expires_at: Date })[]>`
    SELECT s.id AS session_id, s.expires_at, u.id, u.username, u.display_name AS "displayName", u.kind::text AS kind,
      u.must_change_password AS "mustChangePassword",
      COALESCE((SELECT json_agg(json_build_object('id', r.id, 'role', r.role, 'unitId', r.unit_id,
                  'unitName', o.name) ORDER BY r.created_at, r.id)
                FROM role_assignment r JOIN org_unit o ON o.id = r.unit_id
                WHERE r.user_id = u.id), '[]'::json) AS roles
    FROM session s JOIN app_user u ON u.id = s.user_id
    WHERE s.token_hash = ${tokenHash} AND s.expires_at > ${now} AND NOT u.disabled`;
  const row = rows[0];
  if (!row) return null;
  const { session_id: sessionId, expires_at: expiresAt, ...user } = row;
  return { sessionId, expiresAt, user };
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
