// Writes what accepted engine steps mean for the read side: the event log row, the instance row
// and the task rows (plus, for the embedded runtime, its timer and effect rows). Both runtimes call
// this, so the API never depends on which one ran.
// The writing itself is the database function sgf_write_transitions (see its migration): one call
// writes a batch of transitions, each guarded by its instance's revision, so each one either applies
// completely or, when another command advanced (or created) the instance first, writes nothing.
import type { Effect, EngineEvent, InstanceState } from '../workflows/engine';
import type { InstanceMeta } from '../workflows/temporal/process-activities';
import type { Sql } from './sql';

// The instance's fixed facts are part of the workflow's activity contract; stated there once.
export type { InstanceMeta } from '../workflows/temporal/process-activities';

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

/** What only the embedded runtime keeps (on Temporal these are Temporal timers and activities). */
export interface RuntimeRows {
  /** The earliest fireAt of the instance's open timers: when the scheduler must look at it next. */
  nextDueAt: string | null;
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

/** A transition to write, with the revision it was decided on and, for the embedded runtime, its own rows. */
export interface TransitionWrite {
  transition: Transition & { expectedRevision: number };
  runtime?: RuntimeRows | undefined;
}

/** One element of the function's `batch` argument. */
function batchRecord({ transition: t, runtime }: TransitionWrite) {
  const status = instanceStatus(t.state);
  const { created, cancelled } = netTaskChanges(t.effects);
  const answered = 'taskId' in t.event && !t.state.tasks[t.event.taskId] ? t.event.taskId : null;
  return {
    instance_id: t.instanceId,
    expected_revision: t.expectedRevision,
    start: t.meta && {
      version_id: t.meta.versionId,
      unit_id: t.meta.unitId,
      parent_id: t.meta.parentId ?? null,
      business_key: t.meta.businessKey ?? null,
      title: t.meta.title,
    },
    state: t.state,
    revision: t.state.revision,
    status,
    ended_at: status === 'running' ? null : t.at.toISOString(),
    event_type: t.event.type,
    event: t.event,
    actor_id: t.actorId,
    idempotency_key: t.idempotencyKey,
    at: t.at.toISOString(),
    answered,
    withdrawn: cancelled,
    opened: created.map(taskRecord),
    next_due_at: runtime?.nextDueAt ?? null,
    effects: runtime?.effects,
  };
}

/**
 * Writes the transitions, in order, in one call and one transaction. Returns, per transition,
 * whether it was written: false means its instance had moved on or its key was logged already, and
 * nothing of it was written.
 */
export async function writeTransitions(sql: Sql, writes: TransitionWrite[]): Promise<boolean[]> {
  const { rows } = await sql.query<{ written: boolean[] }>({
    name: 'sgf_write_transitions',
    text: 'SELECT sgf_write_transitions($1::jsonb) AS written',
    values: [JSON.stringify(writes.map(batchRecord))],
  });
  return rows[0]!.written;
}

/** Writes one transition; false when it was not written (see writeTransitions). */
export async function writeTransition(
  sql: Sql,
  transition: Transition & { expectedRevision: number },
  runtime?: RuntimeRows,
): Promise<boolean> {
  const [written] = await writeTransitions(sql, [{ transition, runtime }]);
  return written === true;
}
