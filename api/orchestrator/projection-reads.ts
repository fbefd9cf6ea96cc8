// Reads of the projection rows, identical for both runtimes (they write the same rows).
import type { Sql } from '../../activities/sql';
import type { InstanceState } from '../../workflows/engine';
import type { InstanceView, OpenTask } from './orchestrator';

export async function readInstanceView(sql: Sql, instanceId: string): Promise<InstanceView | null> {
  const { rows } = await sql.query<{
    id: string;
    version_id: string;
    unit_id: string;
    title: string;
    status: string;
    revision: number;
    state: InstanceState;
  }>({
    name: 'sgf_instance_view',
    text: 'SELECT id, version_id, unit_id, title, status, revision, state FROM process_instance WHERE id = $1',
    values: [instanceId],
  });
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    versionId: row.version_id,
    unitId: row.unit_id,
    title: row.title,
    status: row.status,
    revision: row.revision,
    state: row.state,
  };
}

export async function listOpenTaskRows(
  sql: Sql,
  filter: { instanceId?: string; assigneeId?: string },
): Promise<OpenTask[]> {
  const { rows } = await sql.query<OpenTask>(
    `SELECT id, instance_id AS "instanceId", engine_task_id AS "engineTaskId", node_id AS "nodeId", kind, name,
            assignee_id AS "assigneeId", candidate_role AS "candidateRole", candidate_unit_id AS "candidateUnitId",
            due_at AS "dueAt"
     FROM task WHERE status = 'open' AND ($1::uuid IS NULL OR instance_id = $1) AND ($2::uuid IS NULL OR assignee_id = $2)
     ORDER BY created_at, engine_task_id`,
    [filter.instanceId ?? null, filter.assigneeId ?? null],
  );
  return rows;
}
