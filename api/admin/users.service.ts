// User administration within the admin's subtree. A user is in an admin's scope only when every one
// of their role assignments lies in it: an admin must not reset the password of, rename or
// deactivate someone who holds a role above or beside them. A user without any assignment belongs
// to no unit, so only admins of a whole tree (a unit without parent) manage them.
import { Prisma } from '../../prisma/generated/client';
import type { Caller } from '../auth/caller';
import { isLocked } from '../auth/login-lockout';
import { hashPassword } from '../auth/password';
import { generateOneTimePassword } from '../auth/password-policy';
import { deleteUserSessions } from '../auth/session-store';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import type { AuditEntry } from '../http/audit-entry';
import { assertRevision, stale } from '../http/if-match';
import { decodeCursor, toPage } from '../http/pagination';
import { adminRoots, isUnitWithin, unitsWithin } from '../policy/unit-scope';
import type { TAssignment, TRoleAtUnit } from './common.types';
import { containing } from './search-pattern';
import type { TAdminUser, TCreateUserRequest, TUpdateUserRequest, TUserListQuery } from './users.types';
import { z } from 'zod';

const userInclude = { roles: { include: { unit: true }, orderBy: { createdAt: 'asc' } } } as const;
type UserRow = Prisma.UserGetPayload<{ include: typeof userInclude }>;

export function toAdminUser(user: UserRow, now = new Date()): TAdminUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    active: !user.disabled,
    locked: isLocked(user.lockedUntil, now),
    mustChangePassword: user.mustChangePassword,
    kind: user.kind,
    assignments: user.roles.map((r) => ({ id: r.id, role: r.role, unitId: r.unitId, unitName: r.unit.name })),
    revision: user.revision,
  };
}

/** SQL: true when the roots include a top unit (the admin administers a whole tree). */
function coversTopUnit(roots: readonly string[]): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM org_unit o WHERE o.parent_id IS NULL AND o.id = ANY(${[...roots]}::uuid[]))`;
}

/** SQL: the ids of users whose every role assignment lies within these admin roots. */
export function usersWithin(roots: readonly string[]): Prisma.Sql {
  return Prisma.sql`(SELECT u.id FROM app_user u
    WHERE NOT EXISTS (SELECT 1 FROM role_assignment ra
                      WHERE ra.user_id = u.id AND ra.unit_id NOT IN ${unitsWithin(roots)})
      AND (EXISTS (SELECT 1 FROM role_assignment ra WHERE ra.user_id = u.id) OR ${coversTopUnit(roots)}))`;
}

async function administersTopUnit(prisma: DbClient, caller: Caller): Promise<boolean> {
  const rows = await prisma.$queryRaw<
    { covers: boolean }[]
  >`SELECT ${coversTopUnit(adminRoots(caller))} AS covers`;
  return rows[0]?.covers === true;
}

const notFound = () =>
  new AppError('NOT_FOUND', 'No such user in your scope.', [
    { field: 'id', reason: 'unknown user', reasonZh: '用户不存在或不在您的管理范围内' },
  ]);

export async function loadAdministeredUser(prisma: DbClient, caller: Caller, id: string): Promise<UserRow> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM app_user WHERE id = ${id}::uuid AND id IN ${usersWithin(adminRoots(caller))}`;
  if (rows.length === 0) throw notFound();
  return prisma.user.findUniqueOrThrow({ where: { id }, include: userInclude });
}

const ZUserCursor = z.tuple([z.string(), z.guid()]);

export async function listUsers(prisma: DbClient, caller: Caller, query: TUserListQuery) {
  const conditions: Prisma.Sql[] = [
    Prisma.sql`u.id IN ${usersWithin(adminRoots(caller))}`,
    Prisma.sql`u.kind = 'person'`,
  ];
  if (query.q) {
    const like = containing(query.q);
    conditions.push(Prisma.sql`(u.username ILIKE ${like} OR u.display_name ILIKE ${like})`);
  }
  if (query.unitId) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM role_assignment ra WHERE ra.user_id = u.id AND ra.unit_id = ${query.unitId}::uuid)`,
    );
  }
  if (query.role) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM role_assignment ra WHERE ra.user_id = u.id AND ra.role = ${query.role}::"Role")`,
    );
  }
  if (query.active !== undefined) conditions.push(Prisma.sql`u.disabled = ${!query.active}`);
  if (query.cursor) {
    const [username, id] = decodeCursor(query.cursor, ZUserCursor);
    conditions.push(Prisma.sql`(u.username, u.id) > (${username}, ${id}::uuid)`);
  }
  const ids = await prisma.$queryRaw<{ id: string; username: string }[]>`
    SELECT u.id::text, u.username FROM app_user u WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY u.username, u.id LIMIT ${query.limit + 1}`;
  const users = await prisma.user.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    include: userInclude,
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  const rows = ids.map((r) => byId.get(r.id)).filter((u): u is UserRow => u !== undefined);
  return toPage(
    rows,
    query.limit,
    (u) => [u.username, u.id],
    (u) => toAdminUser(u),
  );
}

async function assertUnitsAdministered(
  prisma: DbClient,
  caller: Caller,
  assignments: readonly TRoleAtUnit[],
  field: string,
) {
  for (const [index, assignment] of assignments.entries()) {
    if (!(await isUnitWithin(prisma, adminRoots(caller), assignment.unitId))) {
      throw new AppError('NOT_FOUND', 'No such unit in your scope.', [
        {
          field: field ? `${field}.${index}.unitId` : 'unitId',
          reason: 'unknown unit',
          reasonZh: '单位不存在或不在您的管理范围内',
        },
      ]);
    }
  }
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

export async function createUser(prisma: DbClient, caller: Caller, input: TCreateUserRequest) {
  const assignments = input.assignments ?? [];
  await assertUnitsAdministered(prisma, caller, assignments, 'assignments');
  // A user without roles would fall out of this admin's scope the moment it exists.
  if (assignments.length === 0 && !(await administersTopUnit(prisma, caller))) {
    throw new AppError('VALIDATION_FAILED', 'Give the new user at least one role in your units.', [
      {
        field: 'assignments',
        reason: 'at least one role in your units',
        reasonZh: '请至少分配一个您所管单位的角色',
      },
    ]);
  }
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  try {
    const unique = [...new Map(assignments.map((a) => [`${a.role}:${a.unitId}`, a])).values()];
    const user = await prisma.user.create({
      data: {
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        mustChangePassword: true,
        roles: { create: unique.map((a) => ({ role: a.role, unitId: a.unitId })) },
      },
      include: userInclude,
    });
    const audit: AuditEntry = {
      action: 'user.created',
      resourceType: 'user',
      resourceId: user.id,
      unitId: unique[0]?.unitId ?? null,
      after: { username: user.username, displayName: user.displayName, assignments: unique },
    };
    return { user: toAdminUser(user), oneTimePassword, audit };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new AppError('CONFLICT', `The username ${input.username} is taken.`, [
      { field: 'username', reason: 'already used', reasonZh: '用户名已被使用' },
    ]);
  }
}

const firstUnit = (user: UserRow) => user.roles[0]?.unitId ?? null;

export async function updateUser(
  prisma: DbClient,
  caller: Caller,
  id: string,
  expectedRevision: number | undefined,
  input: TUpdateUserRequest,
) {
  const current = await loadAdministeredUser(prisma, caller, id);
  assertRevision(expectedRevision, current.revision);
  const deactivating = input.active === false && !current.disabled;
  const renaming = input.displayName !== undefined && input.displayName !== current.displayName;
  const activating = input.active === true && current.disabled;
  // A request that changes nothing keeps the revision and is not audited.
  if (!renaming && !deactivating && !activating)
    return { user: toAdminUser(current), audit: 'unchanged' as const };
  const { count } = await prisma.user.updateMany({
    where: { id, revision: current.revision },
    data: {
      ...(renaming ? { displayName: input.displayName } : {}),
      ...(deactivating || activating ? { disabled: deactivating } : {}),
      revision: { increment: 1 },
    },
  });
  if (count === 0) throw stale();
  if (deactivating) await deleteUserSessions(prisma, id);
  const user = await prisma.user.findUniqueOrThrow({ where: { id }, include: userInclude });
  const audit: AuditEntry = {
    action: 'user.updated',
    resourceType: 'user',
    resourceId: id,
    unitId: firstUnit(user),
    before: { displayName: current.displayName, active: !current.disabled },
    after: { displayName: user.displayName, active: !user.disabled },
  };
  return { user: toAdminUser(user), audit };
}

export async function unlockUser(prisma: DbClient, caller: Caller, id: string) {
  const current = await loadAdministeredUser(prisma, caller, id);
  const user = await prisma.user.update({
    where: { id },
    data: { failedLoginCount: 0, lockedUntil: null, revision: { increment: 1 } },
    include: userInclude,
  });
  const audit: AuditEntry = {
    action: 'user.unlocked',
    resourceType: 'user',
    resourceId: id,
    unitId: firstUnit(user),
    before: { locked: isLocked(current.lockedUntil, new Date()) },
    after: { locked: false },
  };
  return { user: toAdminUser(user), audit };
}

export async function resetPassword(prisma: DbClient, caller: Caller, id: string) {
  const current = await loadAdministeredUser(prisma, caller, id);
  if (current.kind !== 'person') {
    throw new AppError('CONFLICT', 'Service accounts have no password; create a new API token instead.');
  }
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  await prisma.user.update({
    where: { id },
    data: {
      passwordHash,
      mustChangePassword: true,
      failedLoginCount: 0,
      lockedUntil: null,
      revision: { increment: 1 },
    },
  });
  await deleteUserSessions(prisma, id);
  const audit: AuditEntry = {
    action: 'user.password_reset',
    resourceType: 'user',
    resourceId: id,
    unitId: firstUnit(current),
  };
  return { oneTimePassword, audit };
}

export async function addAssignment(prisma: DbClient, caller: Caller, id: string, input: TRoleAtUnit) {
  await loadAdministeredUser(prisma, caller, id);
  await assertUnitsAdministered(prisma, caller, [input], '');
  try {
    const row = await prisma.roleAssignment.create({
      data: { userId: id, ...input },
      include: { unit: true },
    });
    await prisma.user.update({ where: { id }, data: { revision: { increment: 1 } } });
    const assignment: TAssignment = {
      id: row.id,
      role: row.role,
      unitId: row.unitId,
      unitName: row.unit.name,
    };
    const audit: AuditEntry = {
      action: 'assignment.created',
      resourceType: 'user',
      resourceId: id,
      unitId: row.unitId,
      after: { role: row.role, unitId: row.unitId },
    };
    return { assignment, audit };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new AppError('CONFLICT', 'The user already holds this role in this unit.', [
      { field: 'role', reason: 'already assigned', reasonZh: '该用户在此单位已有此角色' },
    ]);
  }
}

export async function removeAssignment(prisma: DbClient, caller: Caller, id: string, assignmentId: string) {
  const user = await loadAdministeredUser(prisma, caller, id);
  const assignment = user.roles.find((r) => r.id === assignmentId);
  if (!assignment || !(await isUnitWithin(prisma, adminRoots(caller), assignment.unitId))) {
    throw new AppError('NOT_FOUND', 'No such role assignment in your scope.', [
      { field: 'assignmentId', reason: 'unknown assignment', reasonZh: '角色分配不存在或不在您的管理范围内' },
    ]);
  }
  await prisma.roleAssignment.delete({ where: { id: assignmentId } });
  await prisma.user.update({ where: { id }, data: { revision: { increment: 1 } } });
  const audit: AuditEntry = {
    action: 'assignment.deleted',
    resourceType: 'user',
    resourceId: id,
    unitId: assignment.unitId,
    before: { role: assignment.role, unitId: assignment.unitId },
  };
  return { audit };
}
