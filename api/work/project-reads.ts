// Reads of projects (process instances) for the people who work on them: the list with its
// filters, the project page and its timeline. Every query embeds the visibility rule (work-scope).
import { z } from 'zod';
import { Prisma } from '../../prisma/generated/client';
import { payloadFieldsOf, type InstanceState, type ProcessDefinition } from '../../workflows/engine';
import type { Caller } from '../auth/caller';
import { keyedReader, type DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import { decodeCursor, toPage, ZTimestampCursorKey } from '../http/pagination';
import { scopeRoots, unitsWithin } from '../policy/unit-scope';
import { containing } from '../admin/search-pattern';
import { definitionOf, nodeOf, stageNameOf } from './definition-cache';
import { peopleIdsOf, peopleNames } from './people-names';
import { currentNodeIds, namedCurrentNodes, stageViews } from './stage-view';
import { readTaskRows, taskSummaryOf } from './task-rows';
import { timelineEntryOf, type EventRow } from './timeline-text';
import { projectVisibleTo } from './work-scope';
import type {
  TProjectDetail,
  TProjectFilters,
  TProjectPage,
  TProjectSummary,
  TSubmittedForm,
  TTimeline,
} from './work.types';
import type { ZProjectListQuery, ZProjectSort } from './work.types';

export interface ProjectRow {
  id: string;
  title: string;
  status: 'running' | 'completed' | 'cancelled';
  state: InstanceState;
  version_id: string;
  version: number;
  definition_key: string;
  definition_name: string;
  unit_id: string;
  unit_name: string;
  unit_kind: string;
  started_at: Date;
  ended_at: Date | null;
  starter_id: string | null;
  starter_name: string | null;
  overdue: boolean;
}

const overdueSql = Prisma.sql`EXISTS (SELECT 1 FROM task o WHERE o.instance_id = i.id AND o.status = 'open' AND o.due_at < now())`;
const projectColumns = Prisma.sql`i.id, i.title, i.status::text AS status, i.state, i.version_id, v.version,
  d.key AS definition_key, d.name AS definition_name, i.unit_id, u.name AS unit_name, u.kind::text AS unit_kind,
  i.started_at, i.ended_at, i.started_by_id AS starter_id, s.display_name AS starter_name,
  ${overdueSql} AS overdue`;
export const projectJoins = Prisma.sql`process_instance i
  JOIN process_definition_version v ON v.id = i.version_id
  JOIN process_definition d ON d.id = v.definition_id
  JOIN org_unit u ON u.id = i.unit_id
  LEFT JOIN app_user s ON s.id = i.started_by_id`;

export const projectNotFound = () =>
  new AppError('NOT_FOUND', 'No such project among those you may see.', [], {
    detailZh: '未找到该项目，或您无权查看',
  });

export async function summaryOf(db: DbClient, row: ProjectRow): Promise<TProjectSummary> {
  const definition = await definitionOf(db, row.version_id);
  const nodeIds = currentNodeIds(row.state);
  const currentStages = [...new Set(nodeIds.map((id) => stageNameOf(definition, id)))].filter(
    (name): name is string => name !== null,
  );
  return {
    id: row.id,
    title: row.title,
    definitionKey: row.definition_key,
    definitionName: row.definition_name,
    version: row.version,
    unit: { id: row.unit_id, name: row.unit_name, kind: row.unit_kind },
    status: row.status,
    currentNodes: namedCurrentNodes(definition, row.state),
    currentStages,
    startedAt: row.started_at.toISOString(),
    startedBy: row.starter_id ? { id: row.starter_id, displayName: row.starter_name ?? '' } : null,
    endedAt: row.ended_at?.toISOString() ?? null,
    overdue: row.overdue,
  };
}

/** The instance variables the list filters and the dashboards group by (expression-indexed, migration 20261123050000). */
export const serviceDomainOf = Prisma.sql`(i.state -> 'variables' ->> 'serviceDomain')`;
export const fundingSourceOf = Prisma.sql`(i.state -> 'variables' ->> 'fundingSource')`;
/** The node ids the instance's tokens wait at, as a jsonb array (GIN-indexed by the same expression). */
export const currentNodesOf = Prisma.sql`jsonb_path_query_array(i.state -> 'tokens', '$.*.nodeId')`;

/** The first instant of a calendar day in China Standard Time, and of the day after it. */
const dayStart = (day: string) => Prisma.sql`(${day}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`;
const dayAfter = (day: string) => Prisma.sql`((${day}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;

/**
 * The filters as SQL over instance `i` (joined to `v` and `d` as in projectJoins); the caller's
 * scope is the reader's to add. A current stage is a stage of a node some token waits at: the
 * uncorrelated list of every version's nodes in that stage lets the GIN index narrow the rows, the
 * correlated check keeps only rows whose own version puts the node in the stage.
 */
export function projectFilterSql(query: TProjectFilters): Prisma.Sql[] {
  const filters: Prisma.Sql[] = [];
  if (query.unitId)
    filters.push(
      query.subunits === 'false'
        ? Prisma.sql`i.unit_id = ${query.unitId}::uuid`
        : Prisma.sql`i.unit_id IN ${unitsWithin([query.unitId])}`,
    );
  if (query.definitionKey) filters.push(Prisma.sql`d.key = ${query.definitionKey}`);
  if (query.status) filters.push(Prisma.sql`i.status::text = ${query.status}`);
  if (query.q) filters.push(Prisma.sql`i.title ILIKE ${containing(query.q)}`);
  if (query.overdue !== undefined)
    filters.push(query.overdue === 'true' ? overdueSql : Prisma.sql`NOT ${overdueSql}`);
  if (query.node) filters.push(Prisma.sql`${currentNodesOf} @> jsonb_build_array(${query.node}::text)`);
  if (query.stage) {
    const stage = query.stage;
    filters.push(Prisma.sql`${currentNodesOf} ?| ARRAY(
        SELECT DISTINCT n ->> 'id' FROM process_definition_version sv, jsonb_array_elements(sv.graph -> 'nodes') n
        WHERE n ->> 'stage' = ${stage})`);
    filters.push(Prisma.sql`EXISTS (SELECT 1 FROM jsonb_array_elements(v.graph -> 'nodes') n
        WHERE n ->> 'stage' = ${stage} AND ${currentNodesOf} @> jsonb_build_array(n -> 'id'))`);
  }
  if (query.serviceDomain) filters.push(Prisma.sql`${serviceDomainOf} = ${query.serviceDomain}`);
  if (query.fundingSource) filters.push(Prisma.sql`${fundingSourceOf} = ${query.fundingSource}`);
  if (query.startedFrom) filters.push(Prisma.sql`i.started_at >= ${dayStart(query.startedFrom)}`);
  if (query.startedTo) filters.push(Prisma.sql`i.started_at < ${dayAfter(query.startedTo)}`);
  if (query.endedFrom) filters.push(Prisma.sql`i.ended_at >= ${dayStart(query.endedFrom)}`);
  if (query.endedTo) filters.push(Prisma.sql`i.ended_at < ${dayAfter(query.endedTo)}`);
  return filters;
}

type ProjectSort = z.output<typeof ZProjectSort>;
/** Sorted by title the key is any title; otherwise the start time. */
const ZTitleCursor = z.tuple([z.string().max(500), z.guid()]);
const ZStartedCursor = z.tuple([ZTimestampCursorKey, z.guid()]);

/** The projects the caller may see that pass the filters, in the sort's order, from the cursor on. */
export async function readProjectRows(
  db: DbClient,
  caller: Caller,
  query: TProjectFilters & { sort: ProjectSort; cursor?: string | undefined },
  limit: number,
): Promise<ProjectRow[]> {
  const filters = [projectVisibleTo(caller), ...projectFilterSql(query)];
  const byTitle = query.sort === 'title';
  const sortKey = byTitle ? Prisma.sql`i.title` : Prisma.sql`i.started_at`;
  const descending = query.sort === '-startedAt';
  if (query.cursor) {
    const [key, id] = decodeCursor(query.cursor, byTitle ? ZTitleCursor : ZStartedCursor);
    const keyValue = byTitle ? Prisma.sql`${key}` : Prisma.sql`${key}::timestamptz`;
    filters.push(
      descending
        ? Prisma.sql`(${sortKey}, i.id) < (${keyValue}, ${id}::uuid)`
        : Prisma.sql`(${sortKey}, i.id) > (${keyValue}, ${id}::uuid)`,
    );
  }
  const order = descending ? Prisma.sql`${sortKey} DESC, i.id DESC` : Prisma.sql`${sortKey}, i.id`;
  return db.$queryRaw<ProjectRow[]>`SELECT ${projectColumns} FROM ${projectJoins}
    WHERE ${Prisma.join(filters, ' AND ')} ORDER BY ${order} LIMIT ${limit}`;
}

export async function listProjects(
  db: DbClient,
  caller: Caller,
  query: z.output<typeof ZProjectListQuery>,
): Promise<TProjectPage> {
  const rows = await readProjectRows(db, caller, query, query.limit + 1);
  const page = toPage(
    rows,
    query.limit,
    (row) => [query.sort === 'title' ? row.title : row.started_at.toISOString(), row.id],
    (row) => row,
  );
  return {
    items: await Promise.all(page.items.map((row) => summaryOf(db, row))),
    nextCursor: page.nextCursor,
  };
}

/** The project row if the caller may see it; 404 otherwise (whether it exists or not). */
export async function visibleProjectRow(db: DbClient, caller: Caller, id: string): Promise<ProjectRow> {
  const rows = await keyedReader(db).$queryRaw<ProjectRow[]>`SELECT ${projectColumns} FROM ${projectJoins}
    WHERE i.id = ${id}::uuid AND ${projectVisibleTo(caller)}`;
  const row = rows[0];
  if (!row) throw projectNotFound();
  return row;
}

/** Supervisors over the project's unit may terminate it, or send it an event, while it runs. */
async function maySupervise(db: DbClient, caller: Caller, row: ProjectRow): Promise<boolean> {
  const roots = scopeRoots(caller, ['supervisor']);
  if (row.status !== 'running' || roots.length === 0) return false;
  const inside = await db.$queryRaw<{ inside: boolean }[]>`
    SELECT ${row.unit_id}::uuid IN ${unitsWithin(roots)} AS inside`;
  return inside[0]?.inside === true;
}

export async function projectDetail(db: DbClient, caller: Caller, id: string): Promise<TProjectDetail> {
  const row = await visibleProjectRow(db, caller, id);
  const definition = await definitionOf(db, row.version_id);
  const tasks = await readTaskRows(
    db,
    Prisma.sql`t.instance_id = ${id}::uuid`,
    Prisma.sql`t.created_at, t.engine_task_id`,
  );
  const state = row.state;
  const forms = await submittedForms(db, id, definition, tasks);
  const supervising = await maySupervise(db, caller, row);
  return {
    ...(await summaryOf(db, row)),
    versionId: row.version_id,
    stages: stageViews(definition, state),
    variables: state.variables,
    forms,
    tasks: tasks.filter((task) => task.status === 'open').map((task) => taskSummaryOf(task)),
    timers: Object.values(state.timers).map((timer) => ({
      id: timer.id,
      nodeId: timer.nodeId,
      name: nodeOf(definition, timer.nodeId)?.name ?? timer.nodeId,
      fireAt: timer.fireAt,
      purpose: timer.purpose,
    })),
    incidents: Object.values(state.incidents ?? {}).map((incident) => ({
      id: incident.id,
      nodeId: incident.nodeId,
      status: incident.status,
      error: incident.error,
      raisedAt: incident.raisedAt,
    })),
    outcome: state.outcome ?? null,
    outcomeLabel:
      definition.nodes.find(
        (node) => node.kind === 'end' && state.outcome !== undefined && node.outcome === state.outcome,
      )?.name ?? null,
    cancelReason: state.cancelReason ?? null,
    events: declaredEvents(definition),
    can: { cancel: supervising, sendEvent: supervising && definition.eventHandlers.length > 0 },
  };
}

/**
 * Each event name the definition's handlers listen for, once, labelled by its first handler's name,
 * with the payload fields it declares (none: any JSON).
 */
function declaredEvents(definition: ProcessDefinition): TProjectDetail['events'] {
  const byName = new Map<string, string>();
  for (const handler of definition.eventHandlers)
    if (!byName.has(handler.event)) byName.set(handler.event, handler.name ?? handler.event);
  return [...byName].map(([name, label]) => {
    const payload = payloadFieldsOf(definition, name);
    return { name, label, ...(payload ? { payload } : {}) };
  });
}

/** Forms submitted at user tasks, oldest first, with the fields they were submitted against. */
async function submittedForms(
  db: DbClient,
  instanceId: string,
  definition: Awaited<ReturnType<typeof definitionOf>>,
  tasks: Awaited<ReturnType<typeof readTaskRows>>,
): Promise<TSubmittedForm[]> {
  const events = await db.$queryRaw<EventRow[]>`
    SELECT e.sequence, e.type, e.payload, e.occurred_at, e.actor_id, a.display_name AS actor_name
    FROM instance_event e LEFT JOIN app_user a ON a.id = e.actor_id
    WHERE e.instance_id = ${instanceId}::uuid AND e.type = 'taskCompleted' ORDER BY e.sequence`;
  const byEngineId = new Map(tasks.map((task) => [task.engine_task_id, task]));
  const forms = events.flatMap((event) => {
    const payload = event.payload as { taskId: string; data?: Record<string, unknown> };
    const task = byEngineId.get(payload.taskId);
    if (!task) return [];
    return [
      {
        taskId: task.id,
        nodeId: task.node_id,
        nodeName: task.name,
        stage: stageNameOf(definition, task.node_id),
        kind: 'userTask' as const,
        submittedBy: event.actor_id ? { id: event.actor_id, displayName: event.actor_name ?? '' } : null,
        submittedAt: event.occurred_at.toISOString(),
        fields: task.form ?? [],
        data: payload.data ?? {},
      },
    ];
  });
  const names = await peopleNames(db, peopleIdsOf(forms));
  return forms.map((form) => ({
    ...form,
    people: Object.fromEntries(peopleIdsOf([form]).flatMap((id) => (names[id] ? [[id, names[id]]] : []))),
  }));
}

export async function projectTimeline(db: DbClient, caller: Caller, id: string): Promise<TTimeline> {
  const row = await visibleProjectRow(db, caller, id);
  const definition = await definitionOf(db, row.version_id);
  const [events, tasks] = await Promise.all([
    db.$queryRaw<EventRow[]>`
      SELECT e.sequence, e.type, e.payload, e.occurred_at, e.actor_id, a.display_name AS actor_name
      FROM instance_event e LEFT JOIN app_user a ON a.id = e.actor_id
      WHERE e.instance_id = ${id}::uuid ORDER BY e.sequence`,
    readTaskRows(db, Prisma.sql`t.instance_id = ${id}::uuid`, Prisma.sql`t.created_at`),
  ]);
  const nodeOfTask = new Map(tasks.map((task) => [task.engine_task_id, task.node_id]));
  const nameOfTask = new Map(tasks.map((task) => [task.engine_task_id, task.name]));
  return {
    items: events.map((event) =>
      timelineEntryOf(event, {
        title: row.title,
        definition,
        nodeOfTask: (taskId) => nodeOfTask.get(taskId),
        nameOfTask: (taskId) => nameOfTask.get(taskId),
      }),
    ),
  };
}
