// The embedded runtime's own bookkeeping for one transition: when the instance next needs the
// scheduler (its earliest open timer) and the pending effects the scheduler runs. Written together
// with the projection (writeTransitions).
import type { RuntimeRows } from '../../activities/projection';
import {
  type EngineEvent,
  type Effect,
  type InstanceState,
  notificationKey,
  type OpenTimer,
} from '../../workflows/engine';
import { instanceIdForStart } from '../orchestrator/orchestrator';

export interface InstanceLinks {
  parentId: string | null;
  /** For a child instance: the parent's child id (kept as the child's business key). */
  businessKey: string | null;
  unitId: string;
}

/** The open timer that fires first: the one the scheduler wakes the instance for. */
export function earliestTimer(state: InstanceState): OpenTimer | undefined {
  let earliest: OpenTimer | undefined;
  for (const timer of Object.values(state.timers)) {
    if (!earliest || Date.parse(timer.fireAt) < Date.parse(earliest.fireAt)) earliest = timer;
  }
  return earliest;
}

export function runtimeRowsFor(t: {
  instanceId: string;
  effects: Effect[];
  state: InstanceState;
  links: InstanceLinks;
}): RuntimeRows {
  // The engine keeps every open timer in the state; the scheduler only needs the earliest one.
  const rows: RuntimeRows = { nextDueAt: earliestTimer(t.state)?.fireAt ?? null, effects: [] };
  const id = t.instanceId;
  for (const effect of t.effects) {
    switch (effect.type) {
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
          key: notificationKey(id, effect),
          payload: effect,
        });
        break;
      case 'startChild':
        rows.effects.push({
          type: 'startChild',
          key: childStartKey(id, effect.childId),
          payload: { ...effect, unitId: t.links.unitId, startedBy: t.state.startedBy },
        });
        break;
      case 'completed':
        reportToParent(rows, t, effect.outcome);
        break;
      case 'cancelChild': {
        const event: EngineEvent = {
          type: 'cancelled',
          actor: effect.actor,
          reason: `parent ${id} cancelled${effect.reason === undefined ? '' : `: ${effect.reason}`}`,
        };
        rows.effects.push({
          type: 'deliverEvent',
          key: `${id}/cancel/${effect.childId}`,
          payload: { instanceId: childInstanceId(id, effect.childId), event, key: `parent/${id}/cancelled` },
        });
        break;
      }
      case 'createTask':
      case 'cancelTask':
        break; // projection rows
      case 'scheduleTimer':
      case 'cancelTimer':
        break; // covered by nextDueAt
      default: {
        const unhandled: never = effect;
        throw new Error(`unhandled effect ${JSON.stringify(unhandled)}`);
      }
    }
  }
  // A cancelled child reports too, so that its parent does not wait for it forever.
  if (t.state.status === 'cancelled') reportToParent(rows, t, CANCELLED_OUTCOME);
  return rows;
}

/**
 * The outcome a cancelled child reports to its parent in childCompleted; the parent's definition
 * can route on it (e.g. a gateway over the subprocess's result variable).
 */
export const CANCELLED_OUTCOME = 'cancelled';

/** Only a child reports back: its parent waits for childCompleted. */
function reportToParent(
  rows: RuntimeRows,
  t: { instanceId: string; state: InstanceState; links: InstanceLinks },
  outcome: string | undefined,
): void {
  if (!t.links.parentId || !t.links.businessKey) return;
  rows.effects.push({
    type: 'notifyParent',
    key: `${t.instanceId}/completed`,
    payload: {
      parentId: t.links.parentId,
      childId: t.links.businessKey,
      outcome,
      variables: t.state.variables,
    },
  });
}

/** The idempotency key of a child's start: the scheduler derives the child's instance id from it. */
function childStartKey(parentId: string, childId: string): string {
  return `${parentId}/child/${childId}`;
}

export function childInstanceId(parentId: string, childId: string): string {
  return instanceIdForStart({ idempotencyKey: childStartKey(parentId, childId) });
}
