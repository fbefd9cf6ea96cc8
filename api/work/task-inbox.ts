// The task inbox: what is assigned to the caller, what waits for a role they hold (unclaimed), what
// they have done; and the task page. Candidacy is the engine's rule, in SQL (work-scope).
import { z } from 'zod';
import { Prisma } from '../../prisma/generated/client';
import type { RubricCriterion } from '../../workflows/engine';
import type { Caller } from '../auth/caller';
import { keyedReader, type DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import { decodeCursor, toPage, ZTimestampCursorKey } from '../http/pagination';
import { definitionOf, stageNameOf } from './definition-cache';
import { hostedPathOf } from './hosted-steps';
import { peopleIdsOf, peopleNames } from './people-names';
import { taskColumns, taskJoins, taskSummaryOf, type TaskRow } from './task-rows';
import { candidateFor, projectVisibleTo } from './work-scope';
import type { TTaskDetail, TTaskPage, TTaskView, ZTaskListQuery } from './work.types';

function viewFilter(caller: Caller, view: TTaskView): Prisma.Sql {
  switch (view) {
    case 'mine':
      return Prisma.sql`t.status = 'open' AND t.assignee_id = ${caller.userId}::uuid`;
    case 'candidates':
      return Prisma.sql`(${candidateFor(caller)} AND ${oneSeatPerApproval(caller)})`;
    case 'done':
      return Prisma.sql`t.status = 'completed' AND t.completed_by_id = ${caller.userId}::uuid`;
  }
}

/**
 * An approval opens one task per seat (the leading group's 3 seats, say), each waiting for the same
 * role, and a person votes once per approval: the candidates tab lists one seat of each approval
 * (the seats opened together with the same rule, the lowest id standing for them), and none once the
 * caller holds or has answered one of its seats. Claiming still works on any seat (the task page).
 */
function oneSeatPerApproval(caller: Caller): Prisma.Sql {
  return Prisma.sql`(t.kind <> 'approval' OR NOT EXISTS (
    SELECT 1 FROM task s WHERE s.instance_id = t.instance_id AND s.node_id = t.node_id
      AND s.created_at = t.created_at AND s.id <> t.id
      AND (s.assignee_id = ${caller.userId}::uuid OR s.completed_by_id = ${caller.userId}::uuid
        OR (s.id < t.id AND s.status = 'open' AND s.assignee_id IS NULL
          AND s.candidate_role IS NOT DISTINCT FROM t.candidate_role
          AND s.candidate_unit_id IS NOT DISTINCT FROM t.candidate_unit_id
          AND s.candidate_scope IS NOT DISTINCT FROM t.candidate_scope))))`;
}

/** The sort key of each order, as timestamptz (a task without a due time sorts after every dated one). */
function sortOf(view: TTaskView, sort: z.output<typeof ZTaskListQuery>['sort']) {
  if (view === 'done') return { key: Prisma.sql`t.completed_at`, descending: true };
  if (sort === 'due')
    return { key: Prisma.sql`COALESCE(t.due_at, 'infinity'::timestamptz)`, descending: false };
  return { key: Prisma.sql`t.created_at`, descending: sort === '-created' };
}

const ZTaskCursor = z.tuple([ZTimestampCursorKey, z.guid()]);

/** The three tabs' counts in one statement, each over its own index. */
export function tabCountsSql(caller: Caller): Prisma.Sql {
  const count = (view: TTaskView) =>
    Prisma.sql`(SELECT count(*)::int FROM task t WHERE ${viewFilter(caller, view)})`;
  return Prisma.sql`SELECT ${count('mine')} AS mine, ${count('candidates')} AS candidates, ${count('done')} AS done`;
}

/**
 * One page of a tab: the page's ids first, chosen over the task table alone (through the tab's
 * index), and only they joined with what a row shows.
 */
export function taskPageSql(caller: Caller, query: z.output<typeof ZTaskListQuery>): Prisma.Sql {
  const { key, descending } = sortOf(query.view, query.sort);
  const filters = [viewFilter(caller, query.view)];
  if (query.cursor) {
    const [after, id] = decodeCursor(query.cursor, ZTaskCursor);
    filters.push(
      descending
        ? Prisma.sql`(${key}, t.id) < (${after}::timestamptz, ${id}::uuid)`
        : Prisma.sql`(${key}, t.id) > (${after}::timestamptz, ${id}::uuid)`,
    );
  }
  const order = (by: Prisma.Sql, id: Prisma.Sql) =>
    descending ? Prisma.sql`${by} DESC, ${id} DESC` : Prisma.sql`${by}, ${id}`;
  return Prisma.sql`
    SELECT ${taskColumns}, page.sort_key FROM ${taskJoins}
    JOIN (SELECT t.id, ${key} AS key, (${key})::text AS sort_key FROM task t
          WHERE ${Prisma.join(filters, ' AND ')} ORDER BY ${order(key, Prisma.sql`t.id`)} LIMIT ${query.limit + 1}
    ) page ON page.id = t.id
    ORDER BY ${order(Prisma.sql`page.key`, Prisma.sql`page.id`)}`;
}

export async function listTasks(
  db: DbClient,
  caller: Caller,
  query: z.output<typeof ZTaskListQuery>,
): Promise<TTaskPage> {
  const rows = await db.$queryRaw<(TaskRow & { sort_key: string })[]>(taskPageSql(caller, query));
  const now = new Date();
  const page = toPage(
    rows,
    query.limit,
    (row) => [row.sort_key, row.id],
    (row) => taskSummaryOf(row, now),
  );
  const [counts] = await db.$queryRaw<TTaskPage['counts'][]>(tabCountsSql(caller));
  return { ...page, counts: counts! };
}

export const taskNotFound = () =>
  new AppError('NOT_FOUND', 'No such task among those you may see.', [], {
    detailZh: '未找到该待办，或您无权查看',
  });

export interface VisibleTask {
  row: TaskRow;
  /** An open, unclaimed task waiting for a role the caller holds at a unit its rule reaches. */
  candidate: boolean;
}

/**
 * The task row if the caller may see its project (with `extra` columns); 404 otherwise, whether it
 * exists or not. `seen` leaves the scope condition out, for a task this request has already read
 * through it: that condition (subtree, participation, 抄送) is most of the statement's planning.
 */
async function visibleRow<Extra>(
  db: DbClient,
  caller: Caller,
  taskId: string,
  extra = Prisma.empty,
  seen = false,
): Promise<TaskRow & { candidate: boolean } & Extra> {
  const scope = seen ? Prisma.empty : Prisma.sql`AND ${projectVisibleTo(caller)}`;
  const rows = await keyedReader(db).$queryRaw<(TaskRow & { candidate: boolean } & Extra)[]>`
    SELECT ${taskColumns}, ${candidateFor(caller)} AS candidate ${extra} FROM ${taskJoins}
    WHERE t.id = ${taskId}::uuid ${scope}`;
  const row = rows[0];
  if (!row) throw taskNotFound();
  return row;
}

export async function visibleTask(db: DbClient, caller: Caller, taskId: string): Promise<VisibleTask> {
  const row = await visibleRow(db, caller, taskId);
  return { row, candidate: row.candidate };
}

/** A timestamptz column as the ISO text the API answers with (UTC, milliseconds). */
const utcText = (column: string) =>
  Prisma.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** What a completed task was given: its last completing event's payload, read beside the row. */
const submittedColumn = Prisma.sql`, CASE WHEN t.status = 'completed' THEN (
    SELECT e.payload FROM instance_event e
    WHERE e.instance_id = t.instance_id AND e.payload ->> 'taskId' = t.engine_task_id
      AND e.type IN ('taskCompleted', 'approvalVoted', 'reviewSubmitted')
    ORDER BY e.sequence DESC LIMIT 1) END AS submitted`;

/**
 * For an open form task that was sent back (退回 by a vote or to a chosen step, or 拿回), the latest
 * form submitted at its node of the same instance by another task, so the page can fill it in
 * rather than ask for it all again, and the latest sending back after it (who, when, with what
 * comment), so the page says why the work came back. A node entered again by the process's own
 * loop (the monthly report, a supervisor's 整改 branch) starts empty: a carried-over decision such
 * as 是否需要整改 would otherwise send the project round again unless the person noticed and undid it.
 */
const previousColumn = Prisma.sql`, CASE WHEN t.kind = 'userTask' AND t.status = 'open' THEN (
    SELECT jsonb_build_object('data', COALESCE(e.payload -> 'data', '{}'::jsonb), 'byId', e.actor_id,
      'byName', a.display_name, 'at', ${utcText('e.occurred_at')},
      'back', jsonb_build_object('how', CASE WHEN back.type = 'taskTakenBack' THEN 'takenBack' ELSE 'returned' END,
        'byId', back.actor_id, 'byName', back.by_name, 'comment', back.payload ->> 'comment',
        'at', ${utcText('back.occurred_at')}))
    FROM task p
    JOIN instance_event e ON e.instance_id = p.instance_id AND e.type = 'taskCompleted'
      AND e.payload ->> 'taskId' = p.engine_task_id
    LEFT JOIN app_user a ON a.id = e.actor_id
    CROSS JOIN LATERAL (SELECT b.type, b.payload, b.actor_id, b.occurred_at, r.display_name AS by_name
      FROM instance_event b LEFT JOIN app_user r ON r.id = b.actor_id
      WHERE b.instance_id = t.instance_id AND b.sequence > e.sequence
        AND (b.type IN ('taskReturned', 'taskTakenBack')
          OR (b.type = 'approvalVoted' AND b.payload ->> 'vote' = 'return'))
      ORDER BY b.sequence DESC LIMIT 1) back
    WHERE p.instance_id = t.instance_id AND p.node_id = t.node_id AND p.id <> t.id AND p.status = 'completed'
    ORDER BY e.sequence DESC LIMIT 1) END AS previous`;

interface PreviousColumn {
  data: Record<string, unknown>;
  byId: string | null;
  byName: string | null;
  at: string;
  back: {
    how: 'returned' | 'takenBack';
    byId: string | null;
    byName: string | null;
    comment: string | null;
    at: string;
  };
}

const personOf = (id: string | null, name: string | null) => (id ? { id, displayName: name ?? '' } : null);

function previousSubmission(previous: PreviousColumn | null): TTaskDetail['previous'] {
  if (!previous) return null;
  const { back } = previous;
  return {
    data: previous.data,
    submittedBy: personOf(previous.byId, previous.byName),
    submittedAt: previous.at,
    sentBack: { how: back.how, by: personOf(back.byId, back.byName), at: back.at, comment: back.comment },
  };
}

/**
 * The task page. `afterCommand`: the answer of a command on the task, whose caller was let see it
 * by the command's own read in this request, so the scope condition is not planned again.
 */
export async function taskDetail(
  db: DbClient,
  caller: Caller,
  taskId: string,
  afterCommand = false,
): Promise<TTaskDetail> {
  // One statement, as the answer of every task command is this page.
  const row = await visibleRow<{ submitted: SubmittedPayload | null; previous: PreviousColumn | null }>(
    db,
    caller,
    taskId,
    Prisma.sql`${submittedColumn} ${previousColumn}`,
    afterCommand,
  );
  const definition = await definitionOf(db, row.version_id);
  const open = row.status === 'open';
  const submitted = row.submitted ? submittedData(row.submitted) : null;
  const people = submitted
    ? await peopleNames(db, peopleIdsOf([{ fields: row.form ?? [], data: submitted }]))
    : {};
  return {
    ...taskSummaryOf(row),
    form: row.form ?? [],
    votes: row.spec?.votes ?? [],
    rubric: (row.spec?.rubric ?? []) as RubricCriterion[],
    subjects: row.spec?.subjects ?? [],
    stage: stageNameOf(definition, row.node_id),
    canAct: open && (row.assignee_id === caller.userId || row.candidate),
    canClaim: open && row.candidate,
    submitted,
    previous: previousSubmission(row.previous),
    people,
    hostedAt: hostedPathOf(definition.key, row),
  };
}

type SubmittedPayload = Record<string, unknown>;

/** What was submitted (a form's data, a vote, scores), from the completing event's payload. */
function submittedData(payload: SubmittedPayload): Record<string, unknown> {
  const { type: _type, taskId: _taskId, actor: _actor, ...submitted } = payload;
  return (submitted.data as Record<string, unknown> | undefined) ?? submitted;
}
