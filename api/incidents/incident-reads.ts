// Reads of incidents for the people who operate processes: supervisors over their unit subtree,
// admins everywhere. Condition and action incidents live in the instance state (both runtimes write
// it to process_instance); parked effects are pending_effect rows the embedded scheduler gave up on.
import { Prisma } from '../../prisma/generated/client';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import { decodeCursor, toPage, ZTimestampCursorKey } from '../http/pagination';
import { scopeRoots, unitsWithin } from '../policy/unit-scope';
import { definitionOf, nodeOf } from '../work/definition-cache';
import { z } from 'zod';
import type { TIncident, TIncidentPage, ZIncidentListQuery } from './incident.types';

interface IncidentRow {
  id: string;
  kind: TIncident['kind'];
  status: TIncident['status'];
  instance_id: string;
  node_id: string | null;
  effect_type: string | null;
  error: string;
  attempts: number;
  raised_at: Date;
  incident: {
    expression?: string;
    resolvedAt?: string;
    resolution?: NonNullable<TIncident['resolution']>;
    note?: string;
    actionId?: string;
  } | null;
  retrying: boolean;
  action_name: string | null;
  title: string;
  project_status: string;
  version_id: string;
  definition_key: string;
  definition_name: string;
  unit_id: string;
  unit_name: string;
  unit_kind: string;
}

/**
 * Every incident as one row: the engine's (from the state) and the parked effects. Each side reads
 * through its partial index (`state ? 'incidents'`, parked effects' status), so the conditions
 * here must stay the very ones those indexes were made on (migration 20261124030000).
 */
export const listedIncidents = Prisma.sql`(
  SELECT i.id::text || '.' || c.key AS id,
         CASE WHEN c.value ->> 'kind' = 'action' THEN 'action' ELSE 'condition' END AS kind,
         CASE WHEN c.value ->> 'status' = 'resolved' THEN 'resolved' ELSE 'open' END AS status,
         i.id AS instance_id, c.value ->> 'nodeId' AS node_id, NULL::text AS effect_type,
         c.value ->> 'error' AS error, (c.value ->> 'attempts')::int AS attempts,
         (c.value ->> 'raisedAt')::timestamptz AS raised_at, c.value AS incident
    FROM process_instance i CROSS JOIN LATERAL jsonb_each(i.state -> 'incidents') c
   WHERE i.state ? 'incidents'
  UNION ALL
  SELECT 'effect.' || e.id::text, 'effect', CASE WHEN e.status = 'failed' THEN 'open' ELSE 'resolved' END,
         e.instance_id, e.payload ->> 'nodeId', e.type, COALESCE(e.last_error, ''), e.attempts,
         e.created_at, NULL
    FROM pending_effect e
   WHERE e.status IN ('failed', 'resolved') AND e.type <> 'runAction'
) l`;

const columns = Prisma.sql`l.*,
  (l.kind = 'action' AND l.status = 'open'
    AND i.state -> 'pendingActions' -> (l.incident ->> 'actionId') ->> 'status' = 'running') AS retrying,
  i.state -> 'pendingActions' -> (l.incident ->> 'actionId') ->> 'action' AS action_name,
  i.title, i.status::text AS project_status, i.version_id, d.key AS definition_key,
  d.name AS definition_name, u.id AS unit_id, u.name AS unit_name, u.kind::text AS unit_kind`;
const joins = Prisma.sql`${listedIncidents}
  JOIN process_instance i ON i.id = l.instance_id
  JOIN process_definition_version v ON v.id = i.version_id
  JOIN process_definition d ON d.id = v.definition_id
  JOIN org_unit u ON u.id = i.unit_id`;

/** Admins see every incident; supervisors those of projects in their subtrees; anyone else none (403). */
function operatorScope(caller: Caller): Prisma.Sql {
  if (caller.assignments.some((assignment) => assignment.role === 'admin')) return Prisma.sql`TRUE`;
  const roots = scopeRoots(caller, ['supervisor']);
  if (roots.length === 0)
    throw new AppError('FORBIDDEN', 'Only supervisors and admins handle incidents.', [], {
      detailZh: '只有督导和系统管理员可以处理异常',
    });
  return Prisma.sql`i.unit_id IN ${unitsWithin(roots)}`;
}

async function viewOf(db: DbClient, row: IncidentRow): Promise<TIncident> {
  const definition = await definitionOf(db, row.version_id);
  const node = row.node_id ? nodeOf(definition, row.node_id) : undefined;
  const edges =
    row.kind === 'condition' && node?.kind === 'gateway'
      ? definition.edges
          .filter((edge) => edge.from === node.id)
          .map((edge) => ({ id: edge.id, to: edge.to, toName: nodeOf(definition, edge.to)?.name ?? edge.to }))
      : [];
  const incident = row.incident ?? {};
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    project: { id: row.instance_id, title: row.title, status: row.project_status },
    unit: { id: row.unit_id, name: row.unit_name, kind: row.unit_kind },
    definitionKey: row.definition_key,
    definitionName: row.definition_name,
    nodeId: row.node_id,
    nodeName: node?.name ?? row.node_id,
    operation: row.effect_type ?? (node?.kind === 'action' ? node.action : null),
    expression: incident.expression ?? null,
    error: row.error,
    attempts: row.attempts,
    raisedAt: row.raised_at.toISOString(),
    retrying: row.retrying,
    resolvedAt: incident.resolvedAt ?? null,
    resolution:
      incident.resolution ?? (row.kind === 'effect' && row.status === 'resolved' ? 'resolved' : null),
    note: incident.note ?? null,
    edges,
  };
}

const ZCursor = z.tuple([ZTimestampCursorKey, z.string().max(200)]);

export async function listIncidents(
  db: DbClient,
  caller: Caller,
  query: z.output<typeof ZIncidentListQuery>,
): Promise<TIncidentPage> {
  const filters = [operatorScope(caller), Prisma.sql`l.status = ${query.status}`];
  if (query.unitId) filters.push(Prisma.sql`i.unit_id IN ${unitsWithin([query.unitId])}`);
  if (query.definitionKey) filters.push(Prisma.sql`d.key = ${query.definitionKey}`);
  if (query.projectId) filters.push(Prisma.sql`l.instance_id = ${query.projectId}::uuid`);
  if (query.kind) filters.push(Prisma.sql`l.kind = ${query.kind}`);
  if (query.cursor) {
    const [raisedAt, id] = decodeCursor(query.cursor, ZCursor);
    filters.push(Prisma.sql`(l.raised_at, l.id) < (${raisedAt}::timestamptz, ${id})`);
  }
  const rows = await db.$queryRaw<IncidentRow[]>`SELECT ${columns} FROM ${joins}
    WHERE ${Prisma.join(filters, ' AND ')} ORDER BY l.raised_at DESC, l.id DESC LIMIT ${query.limit + 1}`;
  const page = toPage(
    rows,
    query.limit,
    (row) => [row.raised_at.toISOString(), row.id],
    (row) => row,
  );
  return { items: await Promise.all(page.items.map((row) => viewOf(db, row))), nextCursor: page.nextCursor };
}

/** One incident the caller may operate on; 404 when it does not exist or lies outside their scope. */
export async function incidentDetail(db: DbClient, caller: Caller, id: string): Promise<TIncident> {
  const [instanceId] = id.split('.');
  const sameInstance = id.startsWith('effect.')
    ? Prisma.sql`TRUE`
    : Prisma.sql`l.instance_id = ${instanceId}::uuid`;
  const rows = await db.$queryRaw<IncidentRow[]>`SELECT ${columns} FROM ${joins}
    WHERE l.id = ${id} AND ${sameInstance} AND ${operatorScope(caller)}`;
  const row = rows[0];
  if (!row)
    throw new AppError('NOT_FOUND', 'No such incident among those you may handle.', [], {
      detailZh: '未找到该异常，或您无权处理',
    });
  return viewOf(db, row);
}
