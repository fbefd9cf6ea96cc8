// The embedded runtime's own bookkeeping for one transition: timer rows the scheduler fires and
// pending effects it runs. (On Temporal these are Temporal timers and activities instead.)
import type { Effect, EngineEvent, InstanceState } from '../../workflows/engine';
import type { Sql } from '../../activities/sql';

export interface InstanceLinks {
  parentId: string | null;
  /** For a child instance: the parent's child id (kept as the child's business key). */
  businessKey: string | null;
  unitId: string;
}

export function effectKey(instanceId: string, effect: Effect): string | undefined {
  switch (effect.type) {
    case 'runAction':
      return `${instanceId}/action/${effect.actionId}`;
    case 'notify':
      return `${instanceId}/notify/${effect.taskId}/${effect.template}`;
    case 'startChild':
      return `${instanceId}/child/${effect.childId}`;
    case 'completed':
      return `${instanceId}/completed`;
    default:
      return undefined;
  }
}

async function queueEffect(
  sql: Sql,
  instanceId: string,
  type: string,
  key: string,
  payload: unknown,
  at: Date,
) {
  await sql.query(
    `INSERT INTO pending_effect (id, instance_id, type, payload, idempotency_key, status, next_attempt_at, created_at, updated_at)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, 'pending', $5, $5, $5) ON CONFLICT (idempotency_key) DO NOTHING`,
    [instanceId, type, JSON.stringify(payload), key, at],
  );
}

export async function writeRuntimeRows(
  sql: Sql,
  t: {
    instanceId: string;
    event: EngineEvent;
    effects: Effect[];
    state: InstanceState;
    at: Date;
    links: InstanceLinks;
  },
): Promise<void> {
  if (t.event.type === 'timerFired') {
    await sql.query(`UPDATE timer SET status = 'fired' WHERE instance_id = $1 AND engine_timer_id = $2`, [
      t.instanceId,
      t.event.timerId,
    ]);
  }
  for (const effect of t.effects) {
    const key = effectKey(t.instanceId, effect);
    switch (effect.type) {
      case 'scheduleTimer':
        await sql.query(
          `INSERT INTO timer (id, instance_id, engine_timer_id, fire_at, status, created_at)
           VALUES (gen_random_uuid(), $1, $2, $3, 'scheduled', $4) ON CONFLICT (instance_id, engine_timer_id) DO NOTHING`,
          [t.instanceId, effect.timerId, effect.fireAt, t.at],
        );
        break;
      case 'cancelTimer':
        await sql.query(
          `UPDATE timer SET status = 'cancelled' WHERE instance_id = $1 AND engine_timer_id = $2 AND status = 'scheduled'`,
          [t.instanceId, effect.timerId],
        );
        break;
      case 'runAction':
        await queueEffect(
          sql,
          t.instanceId,
          'runAction',
          key!,
          {
            actionId: effect.actionId,
            action: effect.action,
            params: effect.params,
            context: { startedBy: t.state.startedBy, unitId: t.state.unitId },
          },
          t.at,
        );
        break;
      case 'notify':
        await queueEffect(sql, t.instanceId, 'notify', key!, effect, t.at);
        break;
      case 'startChild':
        await queueEffect(
          sql,
          t.instanceId,
          'startChild',
          key!,
          {
            ...effect,
            unitId: t.links.unitId,
            startedBy: t.state.startedBy,
          },
          t.at,
        );
        break;
      case 'completed':
        // Only a child reports back: its parent waits for childCompleted.
        if (t.links.parentId && t.links.businessKey) {
          await queueEffect(
            sql,
            t.instanceId,
            'notifyParent',
            key!,
            {
              parentId: t.links.parentId,
              childId: t.links.businessKey,
              outcome: effect.outcome,
              variables: t.state.variables,
            },
            t.at,
          );
        }
        break;
      case 'createTask':
      case 'cancelTask':
        break; // projection rows, written by writeTransition
      default: {
        const unhandled: never = effect;
        throw new Error(`unhandled effect ${JSON.stringify(unhandled)}`);
      }
    }
  }
}
