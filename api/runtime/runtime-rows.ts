// The embedded runtime's own bookkeeping for one transition: timer rows the scheduler fires and
// pending effects it runs. Written by the same statement as the projection (writeTransition).
import type { RuntimeRows } from '../../activities/projection';
import type { Effect, EngineEvent, InstanceState } from '../../workflows/engine';

export interface InstanceLinks {
  parentId: string | null;
  /** For a child instance: the parent's child id (kept as the child's business key). */
  businessKey: string | null;
  unitId: string;
}

export function runtimeRowsFor(t: {
  instanceId: string;
  event: EngineEvent;
  effects: Effect[];
  state: InstanceState;
  links: InstanceLinks;
}): RuntimeRows {
  const rows: RuntimeRows = {
    timers: [],
    cancelledTimers: [],
    firedTimer: t.event.type === 'timerFired' ? t.event.timerId : null,
    effects: [],
  };
  const id = t.instanceId;
  for (const effect of t.effects) {
    switch (effect.type) {
      case 'scheduleTimer':
        rows.timers.push({ id: effect.timerId, fireAt: effect.fireAt });
        break;
      case 'cancelTimer':
        rows.cancelledTimers.push(effect.timerId);
        break;
      case 'runAction':
        rows.effects.push({
          type: 'runAction',
          key: `${id}/action/${effect.actionId}`,
          payload: {
            actionId: effect.actionId,
            action: effect.action,
            params: effect.params,
            context: { startedBy: t.state.startedBy, unitId: t.state.unitId },
          },
        });
        break;
      case 'notify':
        rows.effects.push({
          type: 'notify',
          key: `${id}/notify/${effect.taskId}/${effect.template}`,
          payload: effect,
        });
        break;
      case 'startChild':
        rows.effects.push({
          type: 'startChild',
          key: `${id}/child/${effect.childId}`,
          payload: { ...effect, unitId: t.links.unitId, startedBy: t.state.startedBy },
        });
        break;
      case 'completed':
        // Only a child reports back: its parent waits for childCompleted.
        if (t.links.parentId && t.links.businessKey) {
          rows.effects.push({
            type: 'notifyParent',
            key: `${id}/completed`,
            payload: {
              parentId: t.links.parentId,
              childId: t.links.businessKey,
              outcome: effect.outcome,
              variables: t.state.variables,
            },
          });
        }
        break;
      case 'createTask':
      case 'cancelTask':
        break; // projection rows
      default: {
        const unhandled: never = effect;
        throw new Error(`unhandled effect ${JSON.stringify(unhandled)}`);
      }
    }
  }
  // A timer scheduled and cancelled within one step never reaches the table.
  const cancelled = new Set(rows.cancelledTimers);
  rows.timers = rows.timers.filter((timer) => !cancelled.has(timer.id));
  return rows;
}
