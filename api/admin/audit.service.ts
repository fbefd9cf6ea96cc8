// Audit search and export for admins. An admin sees the rows about units in their subtree and the
// rows of actors in their scope; the condition is part of the SQL, so pages stay full.
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { Prisma } from '../../prisma/generated/client';
import { AUDIT_ACTIONS, AUDIT_RESOURCE_TYPES, auditLabel } from '../audit/audit-actions';
import type { Caller } from '../auth/caller';
import type { Db } from '../db/prisma-client';
import { decodeCursor, toPage } from '../http/pagination';
import { adminRoots, unitsWithin } from '../policy/unit-scope';
import type { TAuditEntry, TAuditFilters, TAuditQuery } from './audit.types';
import { usersWithin } from './users.service';

// The county works in Beijing time, as the audit page shows it.
const beijingFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
/** `2026-01-31 16:05:09` in Asia/Shanghai. */
export const beijingTime = (at: Date): string => beijingFormat.format(at);

/** Rows one export may hold; narrower filters export the rest. */
export const EXPORT_ROW_LIMIT = 10_000;

interface AuditRow {
  id: bigint;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  tokenId: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  unitId: string | null;
  unitName: string | null;
  detail: unknown;
  requestId: string | null;
  ip: string | null;
}

function conditions(caller: Caller, filters: TAuditFilters): Prisma.Sql[] {
  const roots = adminRoots(caller);
  const list: Prisma.Sql[] = [
    Prisma.sql`(a.unit_id IN ${unitsWithin(roots)} OR a.actor_id IN ${usersWithin(roots)})`,
  ];
  if (filters.actorId) list.push(Prisma.sql`a.actor_id = ${filters.actorId}::uuid`);
  if (filters.tokenId) list.push(Prisma.sql`a.token_id = ${filters.tokenId}::uuid`);
  if (filters.action) list.push(Prisma.sql`a.action = ${filters.action}`);
  if (filters.resourceType) list.push(Prisma.sql`a.resource_type = ${filters.resourceType}`);
  if (filters.resourceId) list.push(Prisma.sql`a.resource_id = ${filters.resourceId}`);
  if (filters.unitId) list.push(Prisma.sql`a.unit_id = ${filters.unitId}::uuid`);
  if (filters.from) list.push(Prisma.sql`a.at >= ${new Date(filters.from)}`);
  if (filters.to) list.push(Prisma.sql`a.at < ${new Date(filters.to)}`);
  return list;
}

function selectRows(where: Prisma.Sql[], limit: number): Prisma.Sql {
  return Prisma.sql`
    SELECT a.id, a.at, a.actor_id::text AS "actorId", u.display_name AS "actorName", a.token_id::text AS "tokenId",
           a.action, a.resource_type AS "resourceType", a.resource_id AS "resourceId", a.unit_id::text AS "unitId",
           o.name AS "unitName", a.detail, a.request_id AS "requestId", a.ip
    FROM audit_log a LEFT JOIN app_user u ON u.id = a.actor_id LEFT JOIN org_unit o ON o.id = a.unit_id
    WHERE ${Prisma.join(where, ' AND ')}
    ORDER BY a.id DESC LIMIT ${limit}`;
}

function toEntry(row: AuditRow): TAuditEntry {
  return {
    id: row.id.toString(),
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    tokenId: row.tokenId,
    action: row.action,
    resourceType: row.resourceType ?? '',
    resourceId: row.resourceId,
    unitId: row.unitId,
    unitName: row.unitName,
    summary: row.detail === null || row.detail === undefined ? '' : JSON.stringify(row.detail),
    requestId: row.requestId,
    clientAddress: row.ip,
  };
}

const ZAuditCursor = z.tuple([z.string().regex(/^\d{1,19}$/)]);

export async function searchAudit(prisma: Db, caller: Caller, query: TAuditQuery) {
  const where = conditions(caller, query);
  if (query.cursor) {
    const [id] = decodeCursor(query.cursor, ZAuditCursor);
    where.push(Prisma.sql`a.id < ${BigInt(id)}`);
  }
  const rows = await prisma.$queryRaw<AuditRow[]>(selectRows(where, query.limit + 1));
  return toPage(rows, query.limit, (r) => [r.id.toString()], toEntry);
}

export async function exportAudit(prisma: Db, caller: Caller, filters: TAuditFilters) {
  const rows = await prisma.$queryRaw<AuditRow[]>(selectRows(conditions(caller, filters), EXPORT_ROW_LIMIT));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Shegong Flow';
  const sheet = workbook.addWorksheet('审计日志 Audit');
  sheet.columns = [
    { header: '编号 ID', key: 'id', width: 10 },
    { header: '时间（北京时间） Time (Asia/Shanghai)', key: 'at', width: 22 },
    { header: '操作人 Actor', key: 'actorName', width: 24 },
    { header: '操作人ID Actor id', key: 'actorId', width: 38 },
    { header: '令牌 Token', key: 'tokenId', width: 38 },
    { header: '操作代码 Action code', key: 'action', width: 22 },
    { header: '操作 Action', key: 'actionLabel', width: 20 },
    { header: '对象类型 Resource', key: 'resourceType', width: 14 },
    { header: '对象ID Resource id', key: 'resourceId', width: 38 },
    { header: '单位 Unit', key: 'unitName', width: 30 },
    { header: '单位ID Unit id', key: 'unitId', width: 38 },
    { header: '摘要 Summary', key: 'summary', width: 60 },
    { header: '请求ID Request id', key: 'requestId', width: 38 },
    { header: '客户端地址 Client', key: 'clientAddress', width: 18 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const entry = toEntry(row);
    sheet.addRow({
      ...entry,
      at: beijingTime(row.at),
      actionLabel: auditLabel(AUDIT_ACTIONS, row.action, 'zh'),
      resourceType: auditLabel(AUDIT_RESOURCE_TYPES, entry.resourceType, 'zh'),
    });
  }
  const content = Buffer.from(await workbook.xlsx.writeBuffer());
  return { content, rowCount: rows.length };
}
