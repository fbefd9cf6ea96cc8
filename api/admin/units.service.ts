// Unit-tree administration: create, rename, move (refusing cycles and tier mismatches) and
// deactivate (refusing units still in use), each within the admin's subtree.
import { Prisma } from '../../prisma/generated/client';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import type { AuditEntry } from '../http/audit-entry';
import { assertRevision, stale } from '../http/if-match';
import { adminRoots, isUnitWithin, scopeRoots, unitsWithin } from '../policy/unit-scope';
import type { TCreateUnitRequest, TUnit, TUnitKind, TUpdateUnitRequest } from './units.types';

type UnitRow = {
  id: string;
  code: string;
  name: string;
  kind: TUnitKind;
  parentId: string | null;
  active: boolean;
  headId: string | null;
  revision: number;
};

const parentTier: Record<TUnitKind, TUnitKind | null> = {
  county_center: null,
  station: 'county_center',
  room: 'station',
};

export const toUnit = (row: UnitRow): TUnit => ({
  id: row.id,
  code: row.code,
  name: row.name,
  kind: row.kind,
  parentId: row.parentId,
  active: row.active,
  headId: row.headId,
  revision: row.revision,
});

/** Units any of the caller's assignments reaches (every role reads its own subtree). */
export async function listVisibleUnits(prisma: DbClient, caller: Caller): Promise<TUnit[]> {
  const roots = scopeRoots(caller);
  if (roots.length === 0) return [];
  const rows = await prisma.$queryRaw<UnitRow[]>`
    SELECT id::text, code, name, kind::text AS kind, parent_id::text AS "parentId", active,
      head_id::text AS "headId", revision
    FROM org_unit WHERE id IN ${unitsWithin(roots)} ORDER BY code, id`;
  return rows.map(toUnit);
}

export async function getVisibleUnit(prisma: DbClient, caller: Caller, id: string): Promise<TUnit> {
  if (!(await isUnitWithin(prisma, scopeRoots(caller), id))) throw unitNotFound('id');
  return toUnit(await prisma.orgUnit.findUniqueOrThrow({ where: { id } }));
}

function unitNotFound(field: string): AppError {
  return new AppError('NOT_FOUND', 'No such unit in your scope.', [
    { field, reason: 'unknown unit', reasonZh: '单位不存在或不在您的管理范围内' },
  ]);
}

async function assertParentFits(
  prisma: DbClient,
  caller: Caller,
  kind: TUnitKind,
  parentId: string | null,
): Promise<void> {
  const tier = parentTier[kind];
  if (parentId === null || tier === null) {
    throw new AppError('VALIDATION_FAILED', 'Only stations and rooms can be placed in the tree.', [
      {
        field: 'parentId',
        reason: tier === null ? 'a county centre is set up with the installation' : 'required',
        reasonZh: tier === null ? '县级指导中心随系统安装创建' : '必填',
      },
    ]);
  }
  if (!(await isUnitWithin(prisma, adminRoots(caller), parentId))) throw unitNotFound('parentId');
  const parent = await prisma.orgUnit.findUniqueOrThrow({ where: { id: parentId } });
  if (parent.kind !== tier) {
    throw new AppError('VALIDATION_FAILED', `A ${kind} belongs under a ${tier}.`, [
      {
        field: 'parentId',
        reason: `must be a ${tier}`,
        reasonZh: kind === 'room' ? '社会工作室须隶属于服务站' : '服务站须隶属于县级指导中心',
      },
    ]);
  }
  if (!parent.active) {
    throw new AppError('VALIDATION_FAILED', 'The parent unit is deactivated.', [
      { field: 'parentId', reason: 'deactivated', reasonZh: '上级单位已停用' },
    ]);
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

export async function createUnit(
  prisma: DbClient,
  caller: Caller,
  input: TCreateUnitRequest,
): Promise<{ unit: TUnit; audit: AuditEntry }> {
  await assertParentFits(prisma, caller, input.kind, input.parentId);
  try {
    const row = await prisma.orgUnit.create({ data: input });
    const unit = toUnit(row);
    return {
      unit,
      audit: {
        action: 'unit.created',
        resourceType: 'unit',
        resourceId: unit.id,
        unitId: unit.id,
        after: input,
      },
    };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new AppError('CONFLICT', `The unit code ${input.code} is taken.`, [
      { field: 'code', reason: 'already used', reasonZh: '单位编码已被使用' },
    ]);
  }
}

export async function updateUnit(
  prisma: DbClient,
  caller: Caller,
  id: string,
  expectedRevision: number | undefined,
  input: TUpdateUnitRequest,
): Promise<{ unit: TUnit; audit: AuditEntry | 'unchanged' }> {
  if (!(await isUnitWithin(prisma, adminRoots(caller), id))) throw unitNotFound('id');
  const current = await prisma.orgUnit.findUniqueOrThrow({ where: { id } });
  assertRevision(expectedRevision, current.revision);
  if (input.parentId !== undefined && input.parentId !== current.parentId) {
    // Checked before the tier rule, which would refuse it too but say less.
    if (input.parentId !== null && (await isUnitWithin(prisma, [id], input.parentId))) {
      throw new AppError('UNIT_CYCLE', 'A unit cannot move below itself.', [
        {
          field: 'parentId',
          reason: 'is the unit itself or below it',
          reasonZh: '不能移动到自身或其下级单位之下',
        },
      ]);
    }
    await assertParentFits(prisma, caller, current.kind, input.parentId);
  }
  if (input.active === false && current.active) await assertUnused(prisma, id);
  if (input.headId && input.headId !== current.headId) await assertMayHead(prisma, id, input.headId);
  const changes = {
    ...(input.name !== undefined && input.name !== current.name ? { name: input.name } : {}),
    ...(input.parentId && input.parentId !== current.parentId ? { parentId: input.parentId } : {}),
    ...(input.active !== undefined && input.active !== current.active ? { active: input.active } : {}),
    ...(input.headId !== undefined && input.headId !== current.headId ? { headId: input.headId } : {}),
  };
  // A request that changes nothing keeps the revision (clients' ETags stay valid) and is not audited.
  if (Object.keys(changes).length === 0) return { unit: toUnit(current), audit: 'unchanged' };
  const { count } = await prisma.orgUnit.updateMany({
    where: { id, revision: current.revision },
    data: { ...changes, revision: { increment: 1 } },
  });
  if (count === 0) throw stale();
  const unit = toUnit(await prisma.orgUnit.findUniqueOrThrow({ where: { id } }));
  const before = {
    name: current.name,
    parentId: current.parentId,
    active: current.active,
    headId: current.headId,
  };
  return {
    unit,
    audit: {
      action: 'unit.updated',
      resourceType: 'unit',
      resourceId: id,
      unitId: id,
      before,
      after: { name: unit.name, parentId: unit.parentId, active: unit.active, headId: unit.headId },
    },
  };
}

/** A head works at the unit: an active person holding a role there (422 on `headId` otherwise). */
async function assertMayHead(prisma: DbClient, unitId: string, userId: string): Promise<void> {
  const holds = await prisma.roleAssignment.count({
    where: { unitId, userId, user: { disabled: false, kind: 'person' } },
  });
  if (holds === 0)
    throw new AppError('VALIDATION_FAILED', 'The head must be an active person with a role at the unit.', [
      {
        field: 'headId',
        reason: 'not an active person with a role at this unit',
        reasonZh: '负责人须为在本单位任职的在职人员',
      },
    ]);
}

async function assertUnused(prisma: DbClient, id: string): Promise<void> {
  const [children, running] = await Promise.all([
    prisma.orgUnit.count({ where: { parentId: id, active: true } }),
    prisma.processInstance.count({ where: { unitId: id, status: 'running' } }),
  ]);
  if (children > 0 || running > 0) {
    throw new AppError('UNIT_IN_USE', 'The unit still has active units below it or running processes.', [], {
      activeChildren: children,
      runningInstances: running,
    });
  }
}
