// Proxy periods (代理): a person sets their own, a supervisor or admin sets one for a person of the
// units under them. A period is refused when it overlaps another of the same person, names the
// person themself, or would chain (the proxy is away then, or the person is someone's proxy then).
// Moving the tasks is the sweeper's job (proxy-sweeper.ts). Rules: docs/proxies.md.
import { Prisma } from '../../prisma/generated/client';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import type { AuditEntry } from '../http/audit-entry';
import { AppError, type FieldError } from '../http/app-error';
import { scopeRoots, unitsWithin, WORKBENCH_ROLES } from '../policy/unit-scope';
import type { z } from 'zod';
import { proxyEligibilityProblems } from './proxy-eligibility';
import type { TCreateProxyRequest, TProxyPeriod, ZProxyCandidates } from './proxy.types';

/** Roles that may set and cancel proxies for the people of their units. */
const OVERSEERS = ['supervisor', 'admin'] as const;

interface PeriodRow {
  id: string;
  principal_id: string;
  principal_name: string;
  proxy_id: string;
  proxy_name: string;
  starts_at: Date;
  ends_at: Date;
  reason: string;
  created_by_id: string;
  created_by_name: string;
  created_at: Date;
  cancelled_at: Date | null;
  /** The caller oversees the principal (supervisor or admin over one of their units). */
  overseen: boolean;
}

/** Whether the user holds a role at a unit within the caller's supervisor or admin subtree. */
function overseenBy(caller: Caller, userColumn: Prisma.Sql): Prisma.Sql {
  const roots = scopeRoots(caller, OVERSEERS);
  if (roots.length === 0) return Prisma.sql`false`;
  return Prisma.sql`EXISTS (SELECT 1 FROM role_assignment ra
    WHERE ra.user_id = ${userColumn} AND ra.unit_id IN ${unitsWithin(roots)})`;
}

const periodColumns = (caller: Caller) => Prisma.sql`
  p.id, p.principal_id, pu.display_name AS principal_name, p.proxy_id, xu.display_name AS proxy_name,
  p.starts_at, p.ends_at, p.reason, p.created_by_id, cu.display_name AS created_by_name, p.created_at,
  p.cancelled_at, ${overseenBy(caller, Prisma.sql`p.principal_id`)} AS overseen`;

const periodJoins = Prisma.sql`proxy_period p
  JOIN app_user pu ON pu.id = p.principal_id
  JOIN app_user xu ON xu.id = p.proxy_id
  JOIN app_user cu ON cu.id = p.created_by_id`;

function statusOf(row: PeriodRow, now: Date): TProxyPeriod['status'] {
  if (row.cancelled_at) return 'cancelled';
  if (row.ends_at <= now) return 'ended';
  return row.starts_at <= now ? 'active' : 'upcoming';
}

function mayCancel(row: PeriodRow, caller: Caller): boolean {
  return row.principal_id === caller.userId || row.created_by_id === caller.userId || row.overseen;
}

type RefusedTask = TProxyPeriod['refusedTasks'][number];

/** Per period, the tasks it could not move that are still open with the person away (the warning on its row). */
async function refusedTasksOf(db: DbClient, periodIds: string[]): Promise<Map<string, RefusedTask[]>> {
  const rows = await db.$queryRaw<
    {
      period_id: string;
      instance_id: string;
      title: string;
      name: string;
      reason_zh: string;
      reason_en: string;
    }[]
  >`
    SELECT r.period_id::text, r.instance_id::text, i.title, t.name, r.reason_zh, r.reason_en
    FROM proxy_refusal r JOIN proxy_period p ON p.id = r.period_id
    JOIN process_instance i ON i.id = r.instance_id
    JOIN task t ON t.instance_id = r.instance_id AND t.engine_task_id = r.engine_task_id
    WHERE r.period_id = ANY(${periodIds}::uuid[]) AND t.status = 'open' AND t.assignee_id = p.principal_id
    ORDER BY r.created_at, r.engine_task_id`;
  const byPeriod = new Map<string, RefusedTask[]>();
  for (const row of rows)
    byPeriod.set(row.period_id, [
      ...(byPeriod.get(row.period_id) ?? []),
      {
        instanceId: row.instance_id,
        projectTitle: row.title,
        taskName: row.name,
        reason: { zh: row.reason_zh, en: row.reason_en },
      },
    ]);
  return byPeriod;
}

function periodOf(row: PeriodRow, caller: Caller, now: Date, refusedTasks: RefusedTask[]): TProxyPeriod {
  const status = statusOf(row, now);
  return {
    id: row.id,
    principal: { id: row.principal_id, displayName: row.principal_name },
    proxy: { id: row.proxy_id, displayName: row.proxy_name },
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    reason: row.reason,
    createdBy: { id: row.created_by_id, displayName: row.created_by_name },
    createdAt: row.created_at.toISOString(),
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
    status,
    canCancel: (status === 'upcoming' || status === 'active') && mayCancel(row, caller),
    refusedTasks,
  };
}

export async function listProxies(
  db: DbClient,
  caller: Caller,
  scope: 'mine' | 'units',
  now: Date,
): Promise<TProxyPeriod[]> {
  const where =
    scope === 'mine'
      ? Prisma.sql`(p.principal_id = ${caller.userId}::uuid OR p.proxy_id = ${caller.userId}::uuid)`
      : overseenBy(caller, Prisma.sql`p.principal_id`);
  const rows = await db.$queryRaw<PeriodRow[]>`
    SELECT ${periodColumns(caller)} FROM ${periodJoins}
    WHERE ${where} ORDER BY p.starts_at DESC, p.id LIMIT 500`;
  const refused = await refusedTasksOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => periodOf(row, caller, now, refused.get(row.id) ?? []));
}

const invalid = (message: string, errors: FieldError[]) => new AppError('PROXY_INVALID', message, errors);

/** The period's principal: the caller, or a person they oversee (403 for anyone else, 404 outside their units). */
async function principalFor(db: DbClient, caller: Caller, principalId: string | undefined): Promise<string> {
  if (principalId === undefined || principalId === caller.userId) return caller.userId;
  if (scopeRoots(caller, OVERSEERS).length === 0)
    throw new AppError('FORBIDDEN', 'Only a supervisor or admin over a person may set their proxy.', [], {
      detailZh: '只有该人员所在机构或上级机构的督导（站长）或管理员可以为其设置代理',
    });
  const rows = await db.$queryRaw<{ ok: boolean }[]>`
    SELECT ${overseenBy(caller, Prisma.sql`u.id`)} AS ok FROM app_user u
    WHERE u.id = ${principalId}::uuid AND u.kind = 'person' AND NOT u.disabled`;
  if (rows[0]?.ok !== true)
    throw new AppError('NOT_FOUND', 'No such person in your units.', [], {
      detailZh: '您所辖机构中没有这位人员',
    });
  return principalId;
}

/** Periods not cancelled of `userColumn` = the user that overlap [startsAt, endsAt). */
async function overlapping(
  db: DbClient,
  userColumn: 'principal_id' | 'proxy_id',
  userId: string,
  body: TCreateProxyRequest,
): Promise<boolean> {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM proxy_period
    WHERE ${Prisma.raw(userColumn)} = ${userId}::uuid AND cancelled_at IS NULL
      AND starts_at < ${new Date(body.endsAt)} AND ends_at > ${new Date(body.startsAt)}`;
  return (rows[0]?.n ?? 0) > 0;
}

/** Each check that the period makes sense, in the order a person would fix them. */
async function problemsOf(
  db: DbClient,
  principalId: string,
  body: TCreateProxyRequest,
  now: Date,
): Promise<FieldError[]> {
  const starts = Date.parse(body.startsAt);
  const ends = Date.parse(body.endsAt);
  if (ends <= starts)
    return [{ field: 'endsAt', reason: 'must be after startsAt', reasonZh: '结束时间须晚于开始时间' }];
  if (ends <= now.getTime())
    return [{ field: 'endsAt', reason: 'must be in the future', reasonZh: '结束时间须晚于现在' }];
  if (body.proxyUserId === principalId)
    return [{ field: 'proxyUserId', reason: 'cannot be the person away', reasonZh: '不能由本人代理自己' }];
  const proxy = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM app_user WHERE id = ${body.proxyUserId}::uuid AND kind = 'person' AND NOT disabled`;
  if (proxy.length === 0)
    return [{ field: 'proxyUserId', reason: 'no such active person', reasonZh: '没有这位在职人员' }];
  const ineligible = await proxyEligibilityProblems(db, principalId, body.proxyUserId);
  if (ineligible.length > 0) return ineligible;
  if (await overlapping(db, 'principal_id', principalId, body))
    return [
      {
        field: 'startsAt',
        reason: 'overlaps another proxy period of this person',
        reasonZh: '与此人已有的代理期重叠',
      },
    ];
  if (await overlapping(db, 'principal_id', body.proxyUserId, body))
    return [
      {
        field: 'proxyUserId',
        reason: 'the proxy is away themself in this period',
        reasonZh: '代理人在此期间本人也外出，不能再代理',
      },
    ];
  if (await overlapping(db, 'proxy_id', principalId, body))
    return [
      {
        field: 'principalUserId',
        reason: 'this person is the proxy of someone else in this period',
        reasonZh: '此人在此期间是他人的代理人，不能同时外出',
      },
    ];
  return [];
}

export async function createProxy(
  db: DbClient,
  caller: Caller,
  body: TCreateProxyRequest,
  now: Date,
): Promise<{ period: TProxyPeriod; audit: AuditEntry }> {
  const principalId = await principalFor(db, caller, body.principalUserId);
  // Serialises periods touching either person (two requests at once cannot both pass the overlap checks).
  await db.$queryRaw`SELECT id FROM app_user WHERE id IN (${principalId}::uuid, ${body.proxyUserId}::uuid)
    ORDER BY id FOR UPDATE`;
  const problems = await problemsOf(db, principalId, body, now);
  if (problems.length > 0) throw invalid('The proxy period is not possible.', problems);
  const created = await db.proxyPeriod.create({
    data: {
      principalId,
      proxyId: body.proxyUserId,
      startsAt: new Date(body.startsAt),
      endsAt: new Date(body.endsAt),
      reason: body.reason,
      createdById: caller.userId,
    },
  });
  const period = await periodById(db, caller, created.id, now);
  return {
    period,
    audit: {
      action: 'proxy.created',
      resourceType: 'proxy',
      resourceId: created.id,
      unitId: await unitOfPerson(db, principalId),
      after: {
        principal: principalId,
        proxy: body.proxyUserId,
        startsAt: period.startsAt,
        endsAt: period.endsAt,
      },
    },
  };
}

/** The unit the audit log files a period under: the principal's first unit (audit search is by unit). */
async function unitOfPerson(db: DbClient, userId: string): Promise<string | null> {
  const rows = await db.$queryRaw<{ unit_id: string }[]>`
    SELECT unit_id::text FROM role_assignment WHERE user_id = ${userId}::uuid ORDER BY created_at, id LIMIT 1`;
  return rows[0]?.unit_id ?? null;
}

async function rowById(db: DbClient, caller: Caller, id: string): Promise<PeriodRow> {
  const rows = await db.$queryRaw<PeriodRow[]>`
    SELECT ${periodColumns(caller)} FROM ${periodJoins} WHERE p.id = ${id}::uuid
      AND (p.principal_id = ${caller.userId}::uuid OR p.proxy_id = ${caller.userId}::uuid
        OR p.created_by_id = ${caller.userId}::uuid OR ${overseenBy(caller, Prisma.sql`p.principal_id`)})`;
  const row = rows[0];
  if (!row)
    throw new AppError('NOT_FOUND', 'No such proxy period among those you may see.', [], {
      detailZh: '未找到该代理设置，或您无权查看',
    });
  return row;
}

async function periodById(db: DbClient, caller: Caller, id: string, now: Date): Promise<TProxyPeriod> {
  const refused = await refusedTasksOf(db, [id]);
  return periodOf(await rowById(db, caller, id), caller, now, refused.get(id) ?? []);
}

/** Ends a period early (or before it starts). Tasks it already moved stay with the proxy. */
export async function cancelProxy(
  db: DbClient,
  caller: Caller,
  id: string,
  now: Date,
): Promise<{ period: TProxyPeriod; audit: AuditEntry }> {
  const row = await rowById(db, caller, id);
  if (!mayCancel(row, caller))
    throw new AppError(
      'FORBIDDEN',
      'Only the person away, who set it, or their supervisor may cancel it.',
      [],
      {
        detailZh: '只有外出本人、设置人或其督导（站长）可以取消代理',
      },
    );
  const status = statusOf(row, now);
  if (status === 'cancelled' || status === 'ended')
    throw new AppError('CONFLICT', `The proxy period is already ${status}.`, [], {
      detailZh: status === 'cancelled' ? '该代理已取消' : '该代理期已结束',
    });
  // The condition again in the update: of two cancellations at once, exactly one wins.
  const changed = await db.$executeRaw`
    UPDATE proxy_period SET cancelled_at = ${now}, cancelled_by_id = ${caller.userId}::uuid
    WHERE id = ${id}::uuid AND cancelled_at IS NULL`;
  if (changed !== 1)
    throw new AppError('CONFLICT', 'The proxy period is already cancelled.', [], {
      detailZh: '该代理已取消',
    });
  return {
    period: await periodById(db, caller, id, now),
    audit: {
      action: 'proxy.cancelled',
      resourceType: 'proxy',
      resourceId: id,
      unitId: await unitOfPerson(db, row.principal_id),
      before: { status },
      after: { status: 'cancelled' },
    },
  };
}

/**
 * People the caller may name as a proxy: active persons with a 工作台 (WORKBENCH_ROLES) at the
 * caller's units, the units below them or above them (a station head's proxy is often the
 * centre's supervisor).
 */
export async function proxyCandidates(
  db: DbClient,
  caller: Caller,
): Promise<z.infer<typeof ZProxyCandidates>> {
  const roots = scopeRoots(caller);
  if (roots.length === 0) return { items: [] };
  const rows = await db.$queryRaw<
    { id: string; display_name: string; unit_name: string; overseen: boolean }[]
  >`
    WITH RECURSIVE up(id, parent_id) AS (
      SELECT id, parent_id FROM org_unit WHERE id = ANY(${roots}::uuid[])
      UNION SELECT u.id, u.parent_id FROM org_unit u JOIN up ON u.id = up.parent_id
    )
    SELECT DISTINCT ON (p.id) p.id, p.display_name, o.name AS unit_name,
      ${overseenBy(caller, Prisma.sql`p.id`)} AS overseen
    FROM app_user p JOIN role_assignment ra ON ra.user_id = p.id JOIN org_unit o ON o.id = ra.unit_id
    WHERE p.kind = 'person' AND NOT p.disabled AND p.id <> ${caller.userId}::uuid
      AND ra.role::text = ANY(${[...WORKBENCH_ROLES]}::text[])
      AND (ra.unit_id IN (SELECT id FROM up) OR ra.unit_id IN ${unitsWithin(roots)})
    ORDER BY p.id, o.name LIMIT 500`;
  return {
    items: rows.map((r) => ({
      id: r.id,
      displayName: r.display_name,
      unitName: r.unit_name,
      overseen: r.overseen,
    })),
  };
}
