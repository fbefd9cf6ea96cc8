// Writes what one accepted engine step means for the read side: the event log row, the instance
// row and the task rows (plus, for the embedded runtime, its timer and effect rows). Both runtimes
// call this, so the API never depends on which one ran.
// It is ONE SQL statement guarded by the instance's revision: it either applies completely or,
// when another command advanced (or created) the instance first, writes nothing and says so.
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

/** Rows only the embedded runtime keeps (on Temporal these are Temporal timers and activities). */
export interface RuntimeRows {
  timers: Array<{ id: string; fireAt: string }>;
  cancelledTimers: string[];
  firedTimer: string | null;
  effects: Array<{ type: string; key: string; payload: unknown }>;
}

export function instanceStatus(state: InstanceState): 'running' | 'completed' | 'cancelled' {
  return state.status === 'created' ? 'running' : state.status;
}

/** Tasks created and cancelled within one step never reach the table. */
function netTaskChanges(effects: Effect[]) {
  const cancelled = new Set(effects.flatMap((e) => (e.type === 'cancelTask' ? [e.taskId] : [])));
  const created = effects.flatMap((e) => (e.type === 'createTask' && !cancelled.has(e.taskId) ? [e] : []));
  const createdIds = new Set(effects.flatMap((e) => (e.type === 'createTask' ? [e.taskId] : [])));
  return { created, cancelled: [...cancelled].filter((id) => !createdIds.has(id)) };
}

function taskRecord(effect: Extract<Effect, { type: 'createTask' }>) {
  const a = effect.assignee;
  return {
    engine_task_id: effect.taskId,
    node_id: effect.nodeId,
    kind: effect.kind,
    name: effect.name,
    assignee_id: a.type === 'user' ? a.userId : null,
    candidate_role: a.type === 'role' ? a.role : null,
    candidate_unit_id: a.type === 'role' ? a.unitId : null,
    candidate_scope: a.type === 'role' ? a.scope : null,
    form: effect.form ?? null,
    spec: { votes: effect.votes, rubric: effect.rubric, subjects: effect.subjects },
    due_at: effect.dueAt ?? null,
  };
}

const GUARD_UPDATE = `UPDATE process_instance SET state = $2::jsonb, revision = $3, status = $4::"InstanceStatus", ended_at = $5
    WHERE id = $1 AND revision = $6 RETURNING id`;
const GUARD_INSERT = `INSERT INTO process_instance
      (id, state, revision, status, ended_at, version_id, unit_id, parent_id, business_key, title, started_by_id, started_at)
    SELECT $1, $2::jsonb, $3, $4::"InstanceStatus", $5, m.version_id, m.unit_id, m.parent_id, m.business_key, m.title, $9, $11
    FROM jsonb_to_record($6::jsonb) AS m(version_id uuid, unit_id uuid, parent_id uuid, business_key text, title text)
    ON CONFLICT (id) DO NOTHING RETURNING id`;

const PROJECTION_CTES = `
  ev AS (
    INSERT INTO instance_event (instance_id, sequence, type, payload, actor_id, idempotency_key, occurred_at)
    SELECT id, $3, $7, $8::jsonb, $9, $10, $11 FROM guard RETURNING instance_id),
  answered AS (
    UPDATE task SET status = 'completed', completed_at = $11, completed_by_id = $9 FROM guard
    WHERE task.instance_id = guard.id AND task.engine_task_id = $12 AND task.status = 'open' RETURNING 1),
  withdrawn AS (
    UPDATE task SET status = 'cancelled', completed_at = $11 FROM guard
    WHERE task.instance_id = guard.id AND task.engine_task_id = ANY($13::text[]) AND task.status = 'open' RETURNING 1),
  opened AS (
    INSERT INTO task (id, instance_id, engine_task_id, node_id, kind, name, status, assignee_id, candidate_role,
                      candidate_unit_id, candidate_scope, form, spec, due_at, created_at)
    SELECT gen_random_uuid(), guard.id, x.engine_task_id, x.node_id, x.kind, x.name, 'open', x.assignee_id,
           x.candidate_role::"Role", x.candidate_unit_id, x.candidate_scope, x.form, x.spec, x.due_at, $11
    FROM guard, jsonb_to_recordset($14::jsonb) AS x(engine_task_id text, node_id text, kind text, name text,
         assignee_id uuid, candidate_role text, candidate_unit_id uuid, candidate_scope text, form jsonb, spec jsonb,
         due_at timestamptz)
    RETURNING 1)`;

const RUNTIME_CTES = `,
  timers_set AS (
    INSERT INTO timer (id, instance_id, engine_timer_id, fire_at, status, created_at)
    SELECT gen_random_uuid(), guard.id, x.id, x.fire_at, 'scheduled', $11
    FROM guard, jsonb_to_recordset($15::jsonb) AS x(id text, fire_at timestamptz)
    ON CONFLICT (instance_id, engine_timer_id) DO NOTHING RETURNING 1),
  timers_off AS (
    UPDATE timer SET status = (CASE WHEN timer.engine_timer_id = $16 THEN 'fired' ELSE 'cancelled' END)::"TimerStatus"
    FROM guard WHERE timer.instance_id = guard.id AND timer.status = 'scheduled'
      AND (timer.engine_timer_id = $16 OR timer.engine_timer_id = ANY($17::text[]))
    RETURNING 1),
  queued AS (
    INSERT INTO pending_effect (id, instance_id, type, payload, idempotency_key, status, next_attempt_at, created_at, updated_at)
    SELECT gen_random_uuid(), guard.id, x.type, x.payload, x.key, 'pending', $11, $11, $11
    FROM guard, jsonb_to_recordset($18::jsonb) AS x(type text, key text, payload jsonb)
    ON CONFLICT (idempotency_key) DO NOTHING RETURNING 1)`;

/**
 * Applies the transition if the instance is still at `expectedRevision` (or, with `meta`, does not
 * exist yet). Returns false when it was not: nothing is written then.
 */
export async function writeTransition(
  sql: Sql,
  t: Transition & { expectedRevision: number },
  runtime?: RuntimeRows,
): Promise<boolean> {
  const status = instanceStatus(t.state);
  const { created, cancelled } = netTaskChanges(t.effects);
  const answered = 'taskId' in t.event && !t.state.tasks[t.event.taskId] ? t.event.taskId : null;
  const meta = t.meta && {
    version_id: t.meta.versionId,
    unit_id: t.meta.unitId,
    parent_id: t.meta.parentId ?? null,
    business_key: t.meta.businessKey ?? null,
    title: t.meta.title,
  };
  const values: unknown[] = [
    t.instanceId,
    JSON.stringify(t.state),
    t.state.revision,
    status,
    status === 'running' ? null : t.at,
    meta ? JSON.stringify(meta) : t.expectedRevision,
    t.event.type,
    JSON.stringify(t.event),
    t.actorId,
    t.idempotencyKey,
    t.at,
    answered,
    cancelled,
    JSON.stringify(created.map(taskRecord)),
  ];
  if (runtime) {
    values.push(
      JSON.stringify(runtime.timers.map((timer) => ({ id: timer.id, fire_at: timer.fireAt }))),
      runtime.firedTimer,
      runtime.cancelledTimers,
      JSON.stringify(runtime.effects),
    );
  }
  const text = `WITH guard AS (${meta ? GUARD_INSERT : GUARD_UPDATE}),${PROJECTION_CTES}${runtime ? RUNTIME_CTES : ''}
    SELECT count(*)::int AS written FROM ev`;
  const { rows } = await sql.query<{ written: number }>(text, values);
  return rows[0]?.written === 1;
}
