// The dashboard's figures, each one SQL query over the projection rows (process_instance, task,
// instance_event, notification) with the same filters as the project list, so a chart's bar and the
// list it drills down to count the same projects.
import { Prisma } from '../../prisma/generated/client';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import {
  currentNodesOf,
  fundingSourceOf,
  projectFilterSql,
  projectJoins,
  serviceDomainOf,
} from '../work/project-reads';
import { dashboardScope } from './dashboard-scope';
import type { TDashboard, TDashboardQuery } from './dashboard.types';

/** Throughput shows at most this many months, the latest ones. */
const MONTHS_SHOWN = 24;
const HOUR_SECONDS = 3600;

/** SQL over instance `i` joined to version `v`: some token waits at a node of stage `stageId`. */
const waitsInStage = (stageId: Prisma.Sql) => Prisma.sql`EXISTS (
  SELECT 1 FROM jsonb_array_elements(v.graph -> 'nodes') n
  WHERE n ->> 'stage' = ${stageId} AND ${currentNodesOf} @> jsonb_build_array(n -> 'id'))`;

interface StatusRow {
  status: 'running' | 'completed' | 'cancelled';
  projects: number;
}
interface StageRow {
  definition_key: string;
  definition_name: string;
  stage_id: string;
  stage_name: string;
  projects: number;
}
interface ValueRow {
  value: string | null;
  projects: number;
}
interface UnitRow {
  id: string;
  name: string;
  kind: string;
  tasks: number;
  projects: number;
}
interface DurationRow {
  definition_key: string;
  definition_name: string;
  stage_id: string;
  stage_name: string;
  projects: number;
  median_seconds: number;
  p90_seconds: number;
}
interface MonthRow {
  month: string;
  from: string;
  to: string;
  completed: number;
}

export async function dashboardFigures(
  db: DbClient,
  caller: Caller,
  query: TDashboardQuery,
): Promise<TDashboard> {
  const scope = await dashboardScope(db, caller, query.unitId);
  const where = Prisma.join(
    [
      scope.sql,
      ...projectFilterSql({
        definitionKey: query.definitionKey,
        startedFrom: query.startedFrom,
        startedTo: query.startedTo,
      }),
    ],
    ' AND ',
  );
  const byVariable = (variable: Prisma.Sql) => db.$queryRaw<ValueRow[]>`
    SELECT ${variable} AS value, count(*)::int AS projects FROM ${projectJoins} WHERE ${where}
    GROUP BY 1 ORDER BY 2 DESC, 1 NULLS LAST`;

  const [statuses, byStage, byServiceDomain, byFundingSource, overdue, durations, throughput, escalations] =
    await Promise.all([
      db.$queryRaw<StatusRow[]>`
        SELECT i.status::text AS status, count(*)::int AS projects FROM ${projectJoins} WHERE ${where}
        GROUP BY 1`,
      // Each running project counts once in every stage it waits in (parallel branches may differ).
      db.$queryRaw<StageRow[]>`
        SELECT d.key AS definition_key, d.name AS definition_name, st.stage ->> 'id' AS stage_id,
          st.stage ->> 'name' AS stage_name, count(DISTINCT i.id)::int AS projects
        FROM ${projectJoins}
          CROSS JOIN LATERAL jsonb_array_elements(v.graph -> 'stages') WITH ORDINALITY st(stage, ord)
        WHERE ${where} AND i.status = 'running' AND ${waitsInStage(Prisma.sql`st.stage ->> 'id'`)}
        GROUP BY d.key, d.name, st.stage ->> 'id', st.stage ->> 'name' ORDER BY d.key, min(st.ord)`,
      byVariable(serviceDomainOf),
      byVariable(fundingSourceOf),
      db.$queryRaw<UnitRow[]>`
        SELECT u.id, u.name, u.kind::text AS kind, count(*)::int AS tasks, count(DISTINCT i.id)::int AS projects
        FROM task t JOIN ${projectJoins} ON i.id = t.instance_id
        WHERE ${where} AND t.status = 'open' AND t.due_at < now()
        GROUP BY u.id, u.name, u.kind ORDER BY tasks DESC, u.name`,
      db.$queryRaw<DurationRow[]>`${stageDurationsSql(where)}`,
      db.$queryRaw<MonthRow[]>`${throughputSql(where)}`,
      db.$queryRaw<{ escalations: number }[]>`
        SELECT count(*)::int AS escalations FROM notification nt JOIN ${projectJoins} ON i.id = nt.instance_id
        WHERE ${where} AND nt.template = 'task.escalated'`,
    ]);

  const count = (status: StatusRow['status']) => statuses.find((row) => row.status === status)?.projects ?? 0;
  return {
    unit: scope.unit,
    totals: {
      projects: statuses.reduce((sum, row) => sum + row.projects, 0),
      running: count('running'),
      completed: count('completed'),
      cancelled: count('cancelled'),
      overdueTasks: overdue.reduce((sum, row) => sum + row.tasks, 0),
      escalations: escalations[0]?.escalations ?? 0,
    },
    byStage: byStage.map((row) => ({
      definitionKey: row.definition_key,
      definitionName: row.definition_name,
      stageId: row.stage_id,
      stageName: row.stage_name,
      projects: row.projects,
    })),
    byServiceDomain,
    byFundingSource,
    overdueByUnit: overdue.map(({ id, name, kind, tasks, projects }) => ({
      unit: { id, name, kind },
      tasks,
      projects,
    })),
    stageDurations: durations.map((row) => ({
      definitionKey: row.definition_key,
      definitionName: row.definition_name,
      stageId: row.stage_id,
      stageName: row.stage_name,
      projects: row.projects,
      medianHours: row.median_seconds / HOUR_SECONDS,
      p90Hours: row.p90_seconds / HOUR_SECONDS,
    })),
    throughput,
  };
}

/**
 * Time spent per stage, from the event log. An event that acts on a task (completes it, votes,
 * reviews) belongs to the stage of the task's node; consecutive events of one stage form a span,
 * entered when the event before them happened (the one that brought the instance there) and left
 * with their last event. A span counts once it is over: a later span follows, the instance has
 * ended, or it waits in another stage now. Each project's spans in a stage add up (a plan sent
 * back is planned twice); the median and 90th percentile are over projects. While parallel
 * branches run in two stages, their events alternate and the time is split between them.
 */
function stageDurationsSql(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH acts AS (
      SELECT e.instance_id, e.sequence, e.type, e.occurred_at, i.status, i.version_id, d.key AS definition_key,
        d.name AS definition_name,
        (SELECT n ->> 'stage' FROM jsonb_array_elements(v.graph -> 'nodes') n WHERE n ->> 'id' = t.node_id) AS stage_id
      FROM instance_event e JOIN ${projectJoins} ON i.id = e.instance_id
        LEFT JOIN task t ON t.instance_id = e.instance_id AND t.engine_task_id = e.payload ->> 'taskId'
      WHERE ${where} AND (e.type = 'started' OR e.payload ? 'taskId')
    ), staged AS (
      SELECT * FROM acts WHERE stage_id IS NOT NULL OR type = 'started'
    ), marked AS (
      SELECT *, lag(stage_id) OVER w AS previous_stage, lag(occurred_at) OVER w AS previous_at
      FROM staged WINDOW w AS (PARTITION BY instance_id ORDER BY sequence)
    ), islands AS (
      SELECT *, sum(CASE WHEN stage_id IS DISTINCT FROM previous_stage THEN 1 ELSE 0 END) OVER w AS island
      FROM marked WINDOW w AS (PARTITION BY instance_id ORDER BY sequence)
    ), spans AS (
      SELECT instance_id, status, version_id, definition_key, definition_name, stage_id, island,
        min(previous_at) AS entered_at, max(occurred_at) AS left_at,
        max(island) OVER (PARTITION BY instance_id) AS last_island
      FROM islands WHERE stage_id IS NOT NULL
      GROUP BY instance_id, status, version_id, definition_key, definition_name, stage_id, island
    ), per_project AS (
      SELECT s.instance_id, s.definition_key, s.definition_name, s.stage_id,
        sum(extract(epoch FROM s.left_at - s.entered_at)) AS seconds
      FROM spans s JOIN process_instance i ON i.id = s.instance_id
        JOIN process_definition_version v ON v.id = i.version_id
      WHERE s.island < s.last_island OR s.status <> 'running' OR NOT ${waitsInStage(Prisma.sql`s.stage_id`)}
      GROUP BY s.instance_id, s.definition_key, s.definition_name, s.stage_id
    ), stage_names AS (
      SELECT DISTINCT ON (d.key, st.stage ->> 'id') d.key AS definition_key, st.stage ->> 'id' AS stage_id,
        st.stage ->> 'name' AS stage_name, st.ord
      FROM process_definition d JOIN process_definition_version v ON v.definition_id = d.id
        CROSS JOIN LATERAL jsonb_array_elements(v.graph -> 'stages') WITH ORDINALITY st(stage, ord)
      -- A draft's stage names are not the process's until published.
      WHERE v.status <> 'draft'
      ORDER BY d.key, st.stage ->> 'id', v.version DESC
    )
    SELECT p.definition_key, p.definition_name, p.stage_id, coalesce(n.stage_name, p.stage_id) AS stage_name,
      count(*)::int AS projects,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY p.seconds)::float8 AS median_seconds,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY p.seconds)::float8 AS p90_seconds
    FROM per_project p LEFT JOIN stage_names n ON n.definition_key = p.definition_key AND n.stage_id = p.stage_id
    GROUP BY p.definition_key, p.definition_name, p.stage_id, n.stage_name, n.ord
    ORDER BY p.definition_key, n.ord`;
}

/** Completed projects per month (China Standard Time), the latest months, gaps filled with zeros. */
function throughputSql(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH done AS (
      SELECT date_trunc('month', i.ended_at AT TIME ZONE 'Asia/Shanghai')::date AS month, count(*)::int AS completed
      FROM ${projectJoins} WHERE ${where} AND i.status = 'completed' GROUP BY 1
    ), months AS (
      SELECT generate_series(
        greatest(min(month), (max(month) - make_interval(months => ${MONTHS_SHOWN - 1}))::date),
        max(month), interval '1 month')::date AS month
      FROM done HAVING count(*) > 0
    )
    SELECT to_char(m.month, 'YYYY-MM') AS month, to_char(m.month, 'YYYY-MM-DD') AS "from",
      to_char((m.month + interval '1 month' - interval '1 day')::date, 'YYYY-MM-DD') AS "to",
      coalesce(done.completed, 0) AS completed
    FROM months m LEFT JOIN done ON done.month = m.month ORDER BY m.month`;
}
