// Writes what one accepted engine step means for the read side: the event log row, the instance
// row and the task rows. Both runtimes call this, so the API never depends on which one ran.
// Idempotent: a transition whose idempotency key is already logged writes nothing.
import type { Effect, EngineEvent, InstanceState } from '../workflows/engine';
import type { Sql } from './sql';

export interface InstanceMeta {
  versionId: string;
  unitId: string;
  title: string;
  businessKey?: string | undefined;
  parentId?: string | undefined;
}

export interface Transition {
  instanceId: string;
  event: EngineEvent;
  actorId: string | null;
  idempotencyKey: string;
  /** The `now` the engine stepped with; replaying the log uses it again. */
  at: Date;
  state: InstanceState;
  effects: Effect[];
  /** Present on the `started` transition: creates the instance row. */
  meta?: InstanceMeta;
}

export function instanceStatus(state: InstanceState): 'running' | 'completed' | 'cancelled' {
  return state.status === 'created' ? 'running' : state.status;
}

function eventTaskId(event: EngineEvent): string | undefined {
  return 'taskId' in event ? event.taskId : undefined;
}

/** Returns false when the transition had been written before (same idempotency key). */
export async function writeTransition(sql: Sql, t: Transition): Promise<boolean> {
  const status = instanceStatus(t.state);
  const ended = status === 'running' ? null : t.at;
  if (t.meta) {
    await sql.query(
      `INSERT INTO process_instance (id, version_id, unit_id, parent_id, business_key, title, status, state, revision, started_by_id, started_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'running', '{}', 0, $7, $8) ON CONFLICT (id) DO NOTHING`,
      [
        t.instanceId,
        t.meta.versionId,
        t.meta.unitId,
        t.meta.parentId ?? null,
        t.meta.businessKey ?? null,
        t.meta.title,
        t.actorId,
        t.at,
      ],
    );
  }
  const logged = await sql.query(
    `INSERT INTO instance_event (instance_id, sequence, type, payload, actor_id, idempotency_key, occurred_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (instance_id, idempotency_key) DO NOTHING RETURNING id`,
    [
      t.instanceId,
      t.state.revision,
      t.event.type,
      JSON.stringify(t.event),
      t.actorId,
      t.idempotencyKey,
      t.at,
    ],
  );
  if (logged.rowCount === 0) return false;
  await sql.query(
    `UPDATE process_instance SET state = $2, revision = $3, status = $4::"InstanceStatus", ended_at = $5 WHERE id = $1`,
    [t.instanceId, JSON.stringify(t.state), t.state.revision, status, ended],
  );
  const answered = eventTaskId(t.event);
  if (answered && !t.state.tasks[answered]) {
    await sql.query(
      `UPDATE task SET status = 'completed', completed_at = $3, completed_by_id = $4
       WHERE instance_id = $1 AND engine_task_id = $2 AND status = 'open'`,
      [t.instanceId, answered, t.at, t.actorId],
    );
  }
  for (const effect of t.effects) {
    if (effect.type === 'createTask') await insertTask(sql, t, effect);
    if (effect.type === 'cancelTask') {
      await sql.query(
        `UPDATE task SET status = 'cancelled', completed_at = $3 WHERE instance_id = $1 AND engine_task_id = $2 AND status = 'open'`,
        [t.instanceId, effect.taskId, t.at],
      );
    }
  }
  return true;
}

async function insertTask(
  sql: Sql,
  t: Transition,
  effect: Extract<Effect, { type: 'createTask' }>,
): Promise<void> {
  const a = effect.assignee;
  const spec = { votes: effect.votes, rubric: effect.rubric, subjects: effect.subjects };
  await sql.query(
    `INSERT INTO task (id, instance_id, engine_task_id, node_id, kind, name, status, assignee_id, candidate_role,
                       candidate_unit_id, candidate_scope, form, spec, due_at, created_at)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, 'open', $6, $7::"Role", $8, $9, $10, $11, $12, $13)
     ON CONFLICT (instance_id, engine_task_id) DO NOTHING`,
    [
      t.instanceId,
      effect.taskId,
      effect.nodeId,
      effect.kind,
      effect.name,
      a.type === 'user' ? a.userId : null,
      a.type === 'role' ? a.role : null,
      a.type === 'role' ? a.unitId : null,
      a.type === 'role' ? a.scope : null,
      effect.form ? JSON.stringify(effect.form) : null,
      JSON.stringify(spec),
      effect.dueAt ?? null,
      t.at,
    ],
  );
}
