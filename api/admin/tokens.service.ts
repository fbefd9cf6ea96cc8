// API tokens for integrations: each token belongs to its own service account (kind = service)
// whose role assignments decide what the token may do, exactly as for a person.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { Prisma } from '../../prisma/generated/client';
import { newTokenSecret } from '../auth/api-token';
import type { Caller } from '../auth/caller';
import { hashPassword } from '../auth/password';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import type { AuditEntry } from '../http/audit-entry';
import { decodeCursor, toPage } from '../http/pagination';
import { adminRoots, isUnitWithin } from '../policy/unit-scope';
import { containing } from './search-pattern';
import type { TApiToken, TCreateTokenRequest } from './tokens.types';
import { usersWithin } from './users.service';

const tokenInclude = { serviceUser: { include: { roles: { include: { unit: true } } } } } as const;
type TokenRow = Prisma.ApiTokenGetPayload<{ include: typeof tokenInclude }>;

async function creatorNames(prisma: DbClient, rows: readonly TokenRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.createdById).filter((id): id is string => id !== null))];
  const users = await prisma.user.findMany({
    where: { id: { in: ids } },
    select: { id: true, username: true },
  });
  return new Map(users.map((u) => [u.id, u.username]));
}

function toApiToken(row: TokenRow, creators: Map<string, string>): TApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    assignments: row.serviceUser.roles.map((r) => ({
      role: r.role,
      unitId: r.unitId,
      unitName: r.unit.name,
    })),
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdBy: (row.createdById && creators.get(row.createdById)) ?? '',
  };
}

const ZTokenCursor = z.tuple([z.iso.datetime(), z.guid()]);

export async function listTokens(
  prisma: DbClient,
  caller: Caller,
  query: { limit: number; cursor?: string | undefined; q?: string | undefined },
) {
  const after = query.cursor ? decodeCursor(query.cursor, ZTokenCursor) : undefined;
  const like = query.q ? containing(query.q) : undefined;
  const ids = await prisma.$queryRaw<{ id: string }[]>`
    SELECT t.id::text FROM api_token t
    WHERE t.service_user_id IN ${usersWithin(adminRoots(caller))}
      AND EXISTS (SELECT 1 FROM role_assignment ra WHERE ra.user_id = t.service_user_id)
      ${like ? Prisma.sql`AND t.name ILIKE ${like}` : Prisma.empty}
      ${after ? Prisma.sql`AND (t.created_at, t.id) < (${new Date(after[0])}, ${after[1]}::uuid)` : Prisma.empty}
    ORDER BY t.created_at DESC, t.id DESC LIMIT ${query.limit + 1}`;
  const rows = await prisma.apiToken.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    include: tokenInclude,
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered = ids.map((r) => byId.get(r.id)).filter((r): r is TokenRow => r !== undefined);
  const creators = await creatorNames(prisma, ordered);
  return toPage(
    ordered,
    query.limit,
    (r) => [r.createdAt.toISOString(), r.id],
    (r) => toApiToken(r, creators),
  );
}

export async function createToken(prisma: DbClient, caller: Caller, input: TCreateTokenRequest) {
  for (const [index, a] of input.assignments.entries()) {
    if (!(await isUnitWithin(prisma, adminRoots(caller), a.unitId))) {
      throw new AppError('NOT_FOUND', 'No such unit in your scope.', [
        {
          field: `assignments.${index}.unitId`,
          reason: 'unknown unit',
          reasonZh: '单位不存在或不在您的管理范围内',
        },
      ]);
    }
  }
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt <= new Date()) {
    throw new AppError('VALIDATION_FAILED', 'The expiry lies in the past.', [
      { field: 'expiresAt', reason: 'must be in the future', reasonZh: '须晚于当前时间' },
    ]);
  }
  const { secret, prefix, hash } = newTokenSecret();
  // The service account never signs in with a password; its hash is of random bytes nobody knows.
  const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
  const unique = [...new Map(input.assignments.map((a) => [`${a.role}:${a.unitId}`, a])).values()];
  const row = await prisma.apiToken.create({
    data: {
      name: input.name,
      prefix,
      secretHash: hash,
      expiresAt,
      createdById: caller.userId,
      serviceUser: {
        create: {
          username: `svc-${randomBytes(6).toString('hex')}`,
          displayName: input.name,
          passwordHash,
          kind: 'service',
          roles: { create: unique.map((a) => ({ role: a.role, unitId: a.unitId })) },
        },
      },
    },
    include: tokenInclude,
  });
  const item = toApiToken(row, new Map([[caller.userId, caller.username]]));
  const audit: AuditEntry = {
    action: 'token.created',
    resourceType: 'token',
    resourceId: row.id,
    unitId: unique[0]?.unitId ?? null,
    after: { name: row.name, prefix, assignments: unique, expiresAt: item.expiresAt },
  };
  return { token: secret, item, audit };
}

export async function revokeToken(prisma: DbClient, caller: Caller, id: string) {
  const visible = await prisma.$queryRaw<{ id: string }[]>`
    SELECT t.id::text FROM api_token t
    WHERE t.id = ${id}::uuid AND t.service_user_id IN ${usersWithin(adminRoots(caller))}
      AND EXISTS (SELECT 1 FROM role_assignment ra WHERE ra.user_id = t.service_user_id)`;
  if (visible.length === 0) {
    throw new AppError('NOT_FOUND', 'No such token in your scope.', [
      { field: 'id', reason: 'unknown token', reasonZh: '令牌不存在或不在您的管理范围内' },
    ]);
  }
  const current = await prisma.apiToken.findUniqueOrThrow({ where: { id } });
  const row = await prisma.apiToken.update({
    where: { id },
    data: { revokedAt: current.revokedAt ?? new Date() },
    include: tokenInclude,
  });
  const item = toApiToken(row, await creatorNames(prisma, [row]));
  const audit: AuditEntry = {
    action: 'token.revoked',
    resourceType: 'token',
    resourceId: id,
    unitId: row.serviceUser.roles[0]?.unitId ?? null,
    before: { revokedAt: current.revokedAt?.toISOString() ?? null },
    after: { revokedAt: item.revokedAt },
  };
  return { item, audit };
}
