// The activity functions both runtimes call: built once with their dependencies, then used by the
// Temporal worker (through proxyActivities) and by the embedded scheduler alike.
import { deliverNotification, type NotificationInput } from './notifications';
import { writeTransition, type Transition } from './projection';
import { runAction, type ActionRequest } from './run-action';
import type { Sql } from './sql';

export interface ActivityDeps {
  /** A pg pool: each activity is its own transaction. */
  pool: Sql;
  fetch?: typeof fetch;
  webhookTimeoutMs?: number;
}

/** Serialised form of a transition (dates as ISO strings) for activity arguments. */
export type TransitionInput = Omit<Transition, 'at'> & { at: string };

export function createActivities(deps: ActivityDeps) {
  const actionDeps = {
    sql: deps.pool,
    fetch: deps.fetch ?? fetch,
    webhookTimeoutMs: deps.webhookTimeoutMs ?? 10_000,
  };
  return {
    /**
     * The workflow records its transitions one by one in revision order, so each one expects the
     * revision before it; a retried activity whose first attempt committed writes nothing.
     */
    recordTransition(input: TransitionInput): Promise<boolean> {
      return writeTransition(deps.pool, {
        ...input,
        at: new Date(input.at),
        expectedRevision: input.state.revision - 1,
      });
    },
    runAction(request: ActionRequest): Promise<unknown> {
      return runAction(actionDeps, request);
    },
    deliverNotification(input: NotificationInput): Promise<{ delivered: boolean }> {
      return deliverNotification(deps.pool, input);
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
