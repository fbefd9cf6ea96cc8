// Task rows of the projection joined with what an inbox shows beside them (project, process,
// unit, people), read by one query shape for the inbox, the task page and the project page.
import { Prisma } from '../../prisma/generated/client';
import type { FormField, InstanceState } from '../../workflows/engine';
import type { DbClient } from '../db/prisma-client';
import type { TRole } from '../auth/auth.types';
import type { TTaskSummary } from './work.types';

export interface TaskRow {
  id: string;
  instance_id: string;
  engine_task_id: string;
  node_id: string;
  kind: 'userTask' | 'approval' | 'review';
  name: string;
  status: 'open' | 'completed' | 'cancelled';
  assignee_id: string | null;
  assignee_name: string | null;
  candidate_role: TRole | null;
  form: FormField[] | null;
  spec: { votes?: Array<'approve' | 'reject' | 'return'>; rubric?: unknown[]; subjects?: string[] } | null;
  due_at: Date | null;
  created_at: Date;
  completed_at: Date | null;
  completed_by_id: string | null;
  completer_name: string | null;
  project_title: string;
  version_id: string;
  instance_state: InstanceState;
  instance_status: string;
  definition_key: string;
  definition_name: string;
  unit_id: string;
  unit_name: string;
  unit_kind: string;
}

export const taskColumns = Prisma.sql`t.id, t.instance_id, t.engine_task_id, t.node_id, t.kind, t.name,
  t.status::text AS status, t.assignee_id, asg.display_name AS assignee_name, t.candidate_role::text AS candidate_role,
  t.form, t.spec, t.due_at, t.created_at, t.completed_at, t.completed_by_id, cmp.display_name AS completer_name,
  i.title AS project_title, i.version_id, i.state AS instance_state, i.status::text AS instance_status,
  d.key AS definition_key, d.name AS definition_name, i.unit_id, u.name AS unit_name, u.kind::text AS unit_kind`;

export const taskJoins = Prisma.sql`task t
  JOIN process_instance i ON i.id = t.instance_id
  JOIN process_definition_version v ON v.id = i.version_id
  JOIN process_definition d ON d.id = v.definition_id
  JOIN org_unit u ON u.id = i.unit_id
  LEFT JOIN app_user asg ON asg.id = t.assignee_id
  LEFT JOIN app_user cmp ON cmp.id = t.completed_by_id`;

export function readTaskRows(
  db: DbClient,
  where: Prisma.Sql,
  order: Prisma.Sql,
  limit = 1000,
): Promise<TaskRow[]> {
  return db.$queryRaw<
    TaskRow[]
  >`SELECT ${taskColumns} FROM ${taskJoins} WHERE ${where} ORDER BY ${order} LIMIT ${limit}`;
}

/**
 * Where the task's process is shown: a talent selection round's on the round's page (the round's
 * id is its process's; the selection office and the leading group have no projects area), a
 * talent's term on the talent's page in the 人才库 (the process carries the talent's id), any
 * other process on its project page.
 */
export function processPathOf(
  definitionKey: string,
  instanceId: string,
  variables: Readonly<Record<string, unknown>> = {},
): string {
  if (definitionKey === 'talent-selection-round') return `/talent/${instanceId}`;
  if (definitionKey === 'talent-term' && typeof variables.talentId === 'string')
    return `/talent/pool/${variables.talentId}`;
  return `/projects/${instanceId}`;
}

/** The person away an open task was moved from (代理), as the engine's state names them. */
function proxiedForOf(row: TaskRow): TTaskSummary['proxiedFor'] {
  const from = row.status === 'open' ? row.instance_state.tasks[row.engine_task_id]?.proxiedFor : undefined;
  return from ? { id: from.userId, displayName: from.displayName ?? '' } : null;
}

export function taskSummaryOf(row: TaskRow, now = new Date()): TTaskSummary {
  return {
    id: row.id,
    projectId: row.instance_id,
    projectTitle: row.project_title,
    projectPath: processPathOf(row.definition_key, row.instance_id, row.instance_state.variables),
    definitionName: row.definition_name,
    unit: { id: row.unit_id, name: row.unit_name, kind: row.unit_kind },
    nodeId: row.node_id,
    name: row.name,
    kind: row.kind,
    status: row.status,
    assignee: row.assignee_id ? { id: row.assignee_id, displayName: row.assignee_name ?? '' } : null,
    candidateRole: row.candidate_role,
    dueAt: row.due_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    completedAt: row.completed_at?.toISOString() ?? null,
    completedBy: row.completed_by_id
      ? { id: row.completed_by_id, displayName: row.completer_name ?? '' }
      : null,
    overdue: row.status === 'open' && row.due_at !== null && row.due_at < now,
    proxiedFor: proxiedForOf(row),
  };
}
