// The activity functions both runtimes call: built once with their dependencies, then used by the
// Temporal worker (through proxyActivities) and by the embedded scheduler alike.
import type { Pool } from 'pg';
import { createCalendarRevisions } from './calendar-revisions';
import { writeMigration } from './instance-migration';
import { deliverNotification, type NotificationInput } from './notifications';
import { writeTransition, type Transition } from './projection';
import { latestPublishedVersion, type PublishedVersion } from './published-definitions';
import { runAction, type ActionRequest } from './run-action';
import type { Sql } from './sql';
import type { CalendarStamp } from './working-day-calendar';
import type { MigrationRecord } from '../workflows/temporal/process-activities';

export interface ActivityDeps {
  /** A pg pool: each activity is its own transaction (the talent actions open theirs on it). */
  pool: Pool;
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
  const calendars = createCalendarRevisions(deps.pool);
  return {
    /**
     * The workflow records its transitions one by one in revision order, so each one expects the
     * revision before it. A retried activity whose first attempt committed writes nothing and finds
     * its event logged at its revision: recorded. Any other refusal means the row holds another
     * history than the workflow's: not recorded.
     */
    async recordTransition(input: TransitionInput): Promise<boolean> {
      const transition = { ...input, at: new Date(input.at), expectedRevision: input.state.revision - 1 };
      if (await writeTransition(deps.pool, transition)) return true;
      return isLogged(deps.pool, input.instanceId, input.idempotencyKey, input.state.revision);
    },
    /** As recordTransition: a retry whose first attempt committed finds its event logged. */
    async recordMigration(input: MigrationRecord): Promise<boolean> {
      if (await writeMigration(deps.pool, input)) return true;
      return isLogged(deps.pool, input.instanceId, input.idempotencyKey, input.state.revision);
    },
    /** Throws DefinitionNotPublishedError when the key has no published version. */
    async loadPublishedDefinition(key: string): Promise<PublishedVersion> {
      const published = await latestPublishedVersion(deps.pool, key);
      if (!published) throw new DefinitionNotPublishedError(key);
      return published;
    },
    runAction(request: ActionRequest): Promise<unknown> {
      return runAction(actionDeps, request);
    },
    deliverNotification(input: NotificationInput): Promise<{ delivered: boolean }> {
      return deliverNotification(deps.pool, input);
    },
    currentCalendar(): Promise<CalendarStamp> {
      return calendars.current();
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;

export class DefinitionNotPublishedError extends Error {
  constructor(readonly key: string) {
    super(`no published version of ${key}`);
    this.name = 'DefinitionNotPublishedError';
  }
}

async function isLogged(sql: Sql, instanceId: string, key: string, revision: number): Promise<boolean> {
  const { rows } = await sql.query(
    'SELECT 1 FROM instance_event WHERE instance_id = $1 AND idempotency_key = $2 AND sequence = $3',
    [instanceId, key, revision],
  );
  return rows.length > 0;
}
