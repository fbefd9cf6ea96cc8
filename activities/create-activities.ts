// The activity functions both runtimes call: built once with their dependencies, then used by the
// Temporal worker (through proxyActivities) and by the embedded scheduler alike.
import { deliverNotification, type NotificationInput } from './notifications';
import { writeTransition, type Transition } from './projection';
import { runAction, type ActionRequest } from './run-action';
import type { Sql } from './sql';

export interface ActivityDeps {
  /** A pg pool: each activity is its own transaction. */
  pool: Sql & { connect(): Promise<Sql & { release(): void }> };
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
    async recordTransition(input: TransitionInput): Promise<boolean> {
      const client = await deps.pool.connect();
      try {
        await client.query('BEGIN');
        const written = await writeTransition(client, { ...input, at: new Date(input.at) });
        await client.query('COMMIT');
        return written;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
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
