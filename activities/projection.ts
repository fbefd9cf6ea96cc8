// Writes what one accepted engine step means for the read side: the event log row, the instance
// row and the task rows (plus, for the embedded runtime, its timer and effect rows). Both runtimes
// call this, so the API never depends on which one ran.
// It is ONE SQL statement guarded by the instance's revision: it either applies completely or,
// when another command advanced (or created) the instance first, writes nothing and says so.
import type { Effect, EngineEvent, InstanceState } from '../workflows/engine';
import type { NamedQuery, Sql } from './sql';

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

// Task and timer rows are found through their unique (instance_id, engine id) index. "Still open"
// is written as NOT IN on purpose: an equality on status would let the planner pick a status index
// instead, and a plan cached while the table was small would then scan every open row per command.
const TASK_STILL_OPEN = `status NOT IN ('completed', 'cancelled')`;
const TIMER_STILL_SCHEDULED = `status NOT IN ('fired', 'cancelled')`;

/**
 * Numbers parameters in the order they are bound. The statement text depends only on which parts
 * it holds, so each shape gets one name and is prepared once per connection.
 */
class StatementBuilder {
  readonly values: unknown[] = [];
  readonly parts: string[] = [];
  private readonly shape: string[] = [];

  param(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  add(tag: string, cte: string): void {
    this.shape.push(tag);
    this.parts.push(cte);
  }

  query(): NamedQuery {
    return {
      name: `sgf_transition_${this.shape.join('_')}`,
      text: `WITH ${this.parts.join(',\n  ')}\n  SELECT count(*)::int AS written FROM ev`,
      values: this.values,
    };
  }
}

/**
 * Applies the transition if the instance is still at `expectedRevision` (or, with `meta`, does not
 * exist yet) and the idempotency key is not in its log yet. Returns false otherwise: nothing is
 * written then. The statement holds only the parts this transition needs (a step that opens no
 * task has no task insert), which keeps the executor's work per command small.
 */
export async function writeTransition(
  sql: Sql,
  t: Transition & { expectedRevision: number },
  runtime?: RuntimeRows,
): Promise<boolean> {
  const status = instanceStatus(t.state);
  const { created, cancelled } = netTaskChanges(t.effects);
  const answered = 'taskId' in t.event && !t.state.tasks[t.event.taskId] ? t.event.taskId : null;
  const b = new StatementBuilder();
  const id = b.param(t.instanceId);
  const at = b.param(t.at);
  const actor = b.param(t.actorId);
  const key = b.param(t.idempotencyKey);
  const revision = b.param(t.state.revision);
  const row = `${b.param(JSON.stringify(t.state))}::jsonb, ${revision}, ${b.param(status)}::"InstanceStatus", ${b.param(status === 'running' ? null : t.at)}::timestamptz`;
  if (t.meta) {
    const meta = b.param(t.meta.versionId);
    b.add(
      'start',
      `guard AS (INSERT INTO process_instance
      (id, state, revision, status, ended_at, version_id, unit_id, parent_id, business_key, title, started_by_id, started_at)
    VALUES (${id}, ${row}, ${meta}, ${b.param(t.meta.unitId)}, ${b.param(t.meta.parentId ?? null)}::uuid,
      ${b.param(t.meta.businessKey ?? null)}::text, ${b.param(t.meta.title)}, ${actor}, ${at})
    ON CONFLICT (id) DO NOTHING RETURNING id)`,
    );
  } else {
    b.add(
      'step',
      `guard AS (UPDATE process_instance SET (state, revision, status, ended_at) = (${row})
    WHERE id = ${id} AND revision = ${b.param(t.expectedRevision)}
      AND NOT EXISTS (SELECT FROM instance_event e WHERE e.instance_id = ${id} AND e.idempotency_key = ${key})
    RETURNING id)`,
    );
  }
  b.add(
    'event',
    `ev AS (INSERT INTO instance_event (instance_id, sequence, type, payload, actor_id, idempotency_key, occurred_at)
    SELECT id, ${revision}, ${b.param(t.event.type)}, ${b.param(JSON.stringify(t.event))}::jsonb, ${actor}, ${key}, ${at}
    FROM guard RETURNING instance_id)`,
  );
  if (answered)
    b.add(
      'answered',
      `answered AS (UPDATE task SET status = 'completed', completed_at = ${at}, completed_by_id = ${actor}
    WHERE EXISTS (SELECT FROM guard) AND instance_id = ${id} AND engine_task_id = ${b.param(answered)} AND ${TASK_STILL_OPEN}
    RETURNING 1)`,
    );
  if (cancelled.length > 0)
    b.add(
      'withdrawn',
      `withdrawn AS (UPDATE task SET status = 'cancelled', completed_at = ${at}
    WHERE EXISTS (SELECT FROM guard) AND instance_id = ${id} AND engine_task_id = ANY(${b.param(cancelled)}::text[])
      AND ${TASK_STILL_OPEN}
    RETURNING 1)`,
    );
  if (created.length > 0)
    b.add(
      'opened',
      `opened AS (INSERT INTO task (id, instance_id, engine_task_id, node_id, kind, name, status, assignee_id,
      candidate_role, candidate_unit_id, candidate_scope, form, spec, due_at, created_at)
    SELECT gen_random_uuid(), guard.id, x.engine_task_id, x.node_id, x.kind, x.name, 'open', x.assignee_id,
           x.candidate_role::"Role", x.candidate_unit_id, x.candidate_scope, x.form, x.spec, x.due_at, ${at}
    FROM guard, jsonb_to_recordset(${b.param(JSON.stringify(created.map(taskRecord)))}::jsonb) AS x(engine_task_id text,
         node_id text, kind text, name text, assignee_id uuid, candidate_role text, candidate_unit_id uuid,
         candidate_scope text, form jsonb, spec jsonb, due_at timestamptz)
    RETURNING 1)`,
    );
  if (runtime) addRuntimeRows(b, runtime, { id, at });
  const { rows } = await sql.query<{ written: number }>(b.query());
  return rows[0]?.written === 1;
}

/** The embedded runtime's own timer and effect rows, written by the same statement. */
function addRuntimeRows(b: StatementBuilder, runtime: RuntimeRows, refs: { id: string; at: string }): void {
  const { id, at } = refs;
  if (runtime.timers.length > 0)
    b.add(
      'timers',
      `timers_set AS (INSERT INTO timer (id, instance_id, engine_timer_id, fire_at, status, created_at)
    SELECT gen_random_uuid(), guard.id, x.id, x.fire_at, 'scheduled', ${at}
    FROM guard, jsonb_to_recordset(${b.param(JSON.stringify(runtime.timers.map((timer) => ({ id: timer.id, fire_at: timer.fireAt }))))}::jsonb)
      AS x(id text, fire_at timestamptz)
    ON CONFLICT (instance_id, engine_timer_id) DO NOTHING RETURNING 1)`,
    );
  if (runtime.firedTimer !== null || runtime.cancelledTimers.length > 0) {
    const fired = b.param(runtime.firedTimer);
    b.add(
      'timersoff',
      `timers_off AS (UPDATE timer
    SET status = (CASE WHEN engine_timer_id = ${fired}::text THEN 'fired' ELSE 'cancelled' END)::"TimerStatus"
    WHERE EXISTS (SELECT FROM guard) AND instance_id = ${id} AND ${TIMER_STILL_SCHEDULED}
      AND engine_timer_id = ANY(array_append(${b.param(runtime.cancelledTimers)}::text[], ${fired}::text))
    RETURNING 1)`,
    );
  }
  if (runtime.effects.length > 0)
    b.add(
      'effects',
      `queued AS (INSERT INTO pending_effect (id, instance_id, type, payload, idempotency_key, status, next_attempt_at,
      created_at, updated_at)
    SELECT gen_random_uuid(), guard.id, x.type, x.payload, x.key, 'pending', ${at}, ${at}, ${at}
    FROM guard, jsonb_to_recordset(${b.param(JSON.stringify(runtime.effects))}::jsonb) AS x(type text, key text, payload jsonb)
    ON CONFLICT (idempotency_key) DO NOTHING RETURNING 1)`,
    );
}
