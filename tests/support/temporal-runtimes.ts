// Both runtimes over one test database, for the live suites: a Temporal worker in this process (or
// none, when a suite runs its own worker process), the Temporal adapter, and the embedded runtime
// whose scheduler the suite drives. Plus the reads that compare what the two left behind.
import { randomUUID } from 'node:crypto';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { Pool } from 'pg';
import { createTemporalActivities } from '../../activities/temporal-activities';
import { createEmbeddedOrchestrator } from '../../api/orchestrator/embedded-orchestrator';
import type { Orchestrator } from '../../api/orchestrator/orchestrator';
import {
  createTemporalOrchestrator,
  temporalConnectionOptions,
  temporalSettingsFromEnv,
  type TemporalSettings,
} from '../../api/orchestrator/temporal-orchestrator';
import { settledUpdate } from '../../workflows/temporal/process-messages';
import type { ProcessActivities } from '../../workflows/temporal/process-activities';
import { createRuntimeDatabase } from './runtime-fixtures';
import { temporalTestEnv } from './temporal-live-env';

export const workflowsPath = require.resolve('../../workflows/temporal/process.workflow');

/** The run's prebuilt bundle (global setup), else the source to bundle here. */
export function workflowSource(): { workflowBundle: { codePath: string } } | { workflowsPath: string } {
  const codePath = process.env[temporalTestEnv.bundle];
  return codePath ? { workflowBundle: { codePath } } : { workflowsPath };
}

/** Warnings only: the SDK's info lines would bury the test output. */
export function quietTemporalRuntime(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Installed already by an earlier suite in this jest worker.
  }
}

/** `activities` may wrap the real activities, e.g. to widen a window a race hides in. */
export async function startTestWorker(
  settings: TemporalSettings,
  pool: Pool,
  activities: (real: ProcessActivities) => ProcessActivities = (real) => real,
) {
  quietTemporalRuntime();
  const connection = await NativeConnection.connect(temporalConnectionOptions(settings));
  const worker = await Worker.create({
    connection,
    namespace: settings.namespace,
    taskQueue: settings.taskQueue,
    ...workflowSource(),
    activities: activities(createTemporalActivities({ pool })),
  });
  const running = worker.run();
  return {
    worker,
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
    },
  };
}

export interface BothRuntimes {
  db: Awaited<ReturnType<typeof createRuntimeDatabase>>;
  pool: Pool;
  settings: TemporalSettings;
  client: TemporalClient;
  temporal: Orchestrator;
  embedded: ReturnType<typeof createEmbeddedOrchestrator>;
  close(): Promise<void>;
}

/** A fresh database, a task queue of its own, and both runtimes on them; `worker: false` leaves the worker to the suite. */
export async function startBothRuntimes(
  address: string,
  options: { worker?: boolean; fetch?: typeof fetch } = {},
): Promise<BothRuntimes> {
  quietTemporalRuntime();
  const settings = {
    ...temporalSettingsFromEnv({ TEMPORAL_ADDRESS: address }),
    taskQueue: `shegong-flow-test-${randomUUID()}`,
  };
  const db = await createRuntimeDatabase();
  const pool = new Pool({ connectionString: db.db.url, max: 6 });
  // pool.end() resolves before its idle connections have closed; the database dropped right after
  // terminates them (57P01), which without a listener is an unhandled error failing the suite.
  pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== '57P01') throw error;
  });
  const worker = options.worker === false ? undefined : await startTestWorker(settings, pool);
  const connection = await Connection.connect(temporalConnectionOptions(settings));
  const client = new TemporalClient({ connection, namespace: settings.namespace });
  const temporal = await createTemporalOrchestrator({ pool, settings, client });
  const embedded = createEmbeddedOrchestrator({
    databaseUrl: db.db.url,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return {
    db,
    pool,
    settings,
    client,
    temporal,
    embedded,
    async close() {
      await temporal.close();
      await embedded.orchestrator.close();
      await worker?.stop();
      await connection.close();
      await pool.end();
      await db.close();
    },
  };
}

/**
 * Waits until a Temporal instance has nothing in flight: every accepted transition recorded, no
 * activity pending (child workflows run on their own; settle them by their ids).
 */
export async function settleTemporal(client: TemporalClient, instanceId: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (let quiet = 0; quiet < 2;) {
    if (Date.now() > deadline) throw new Error(`Temporal instance ${instanceId} did not settle`);
    const handle = client.workflow.getHandle(instanceId);
    const description = await handle.describe();
    const raw = description.raw;
    const busy = description.status.name === 'RUNNING' && (raw.pendingActivities?.length ?? 0) > 0;
    if (description.status.name === 'RUNNING' && !busy) {
      try {
        await handle.executeUpdate(settledUpdate);
      } catch {
        // Closed (or continued) between describe and update: look again.
      }
    }
    quiet = busy ? 0 : quiet + 1;
    await new Promise((resolve) => setTimeout(resolve, busy ? 100 : 50));
  }
}

/** Polls `check` until it returns a value, or throws what it last saw. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The projection rows of an instance, without what differs between two runs by design (row ids,
 * instance ids, times): instance summary, event log, tasks, effect outcomes (the action events the
 * engine heard), notifications.
 */
export async function projectionOf(pool: Pool, instanceId: string) {
  const instance = await pool.query<{ status: string; revision: number; outcome: unknown }>(
    `SELECT status, revision, title, business_key, state->'variables' AS variables, state->'outcome' AS outcome,
            (ended_at IS NOT NULL) AS ended
     FROM process_instance WHERE id = $1`,
    [instanceId],
  );
  const events = await pool.query<{
    sequence: number;
    type: string;
    actor_id: string | null;
    payload: Record<string, unknown>;
  }>(
    `SELECT sequence, type, actor_id, payload - 'actor' - 'input' AS payload FROM instance_event
     WHERE instance_id = $1 ORDER BY sequence`,
    [instanceId],
  );
  const tasks = await pool.query(
    `SELECT engine_task_id, node_id, kind, name, status, assignee_id, candidate_role, candidate_unit_id,
            candidate_scope, completed_by_id, (due_at IS NOT NULL) AS has_due
     FROM task WHERE instance_id = $1 ORDER BY engine_task_id`,
    [instanceId],
  );
  const notifications = await pool.query<{ template: string; payload: unknown }>(
    `SELECT recipient_user_id, recipient_role, recipient_unit_id, template, payload,
            regexp_replace(idempotency_key, '^[0-9a-f-]{36}', '') AS key
     FROM notification WHERE instance_id = $1 ORDER BY key`,
    [instanceId],
  );
  return {
    instance: instance.rows.map((row) => withoutInstants(row) as typeof row),
    events: events.rows.map((row) => ({
      ...row,
      payload: withoutIds(row.payload),
    })),
    tasks: tasks.rows,
    notifications: notifications.rows.map((row) => ({
      ...row,
      payload: withoutInstants(row.payload),
    })),
  };
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Instants (due dates, fire times) follow the wall clock of each run: compared as present, not by value. */
function withoutInstants(value: unknown): unknown {
  if (typeof value === 'string') return ISO_INSTANT.test(value) ? '<instant>' : value;
  if (Array.isArray(value)) return value.map(withoutInstants);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withoutInstants(inner)]));
  return value;
}

/** Child instance ids are random per run; everything else in a payload is compared as it is. */
function withoutIds(payload: Record<string, unknown>): unknown {
  const { instanceId: _instanceId, childInstanceId: _childInstanceId, ...rest } = payload;
  return withoutInstants(rest);
}

/** Serialized size of an instance's Temporal history (all runs of its workflow id), in bytes. */
export async function historyBytes(client: TemporalClient, workflowId: string) {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const { temporal } = await import('@temporalio/proto');
  const bytes = temporal.api.history.v1.History.encode(history).finish().length;
  let largestPayload = 0;
  for (const event of history.events ?? []) {
    const attributes = Object.values(event).find(
      (value) => value && typeof value === 'object' && 'input' in value,
    ) as { input?: { payloads?: Array<{ data?: Uint8Array | null }> } } | undefined;
    for (const payload of attributes?.input?.payloads ?? [])
      largestPayload = Math.max(largestPayload, payload.data?.length ?? 0);
  }
  return { events: history.events?.length ?? 0, bytes, largestPayload };
}
