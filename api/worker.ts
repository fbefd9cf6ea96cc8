// `npm run worker`: the Temporal worker. Hosts processWorkflow and the shared activities (writing
// to the Postgres in DATABASE_URL) on TEMPORAL_TASK_QUEUE; stops cleanly on SIGINT/SIGTERM.
import { NativeConnection, Worker } from '@temporalio/worker';
import { Pool } from 'pg';
import { logLostConnections } from './db/lost-connections';
import { createTemporalActivities } from '../activities/temporal-activities';
import { temporalConnectionOptions, temporalSettingsFromEnv } from './orchestrator/temporal-orchestrator';

/** A setting or connection the worker cannot run without: reported as one line, no stack trace. */
class WorkerSetupError extends Error {}

function settingsFromEnv() {
  const missing = ['DATABASE_URL', 'TEMPORAL_ADDRESS'].filter((name) => !process.env[name]);
  if (missing.length > 0)
    throw new WorkerSetupError(
      `${missing.join(' and ')} not set: the worker runs processes from the Temporal server at TEMPORAL_ADDRESS (host:7233) and writes their rows to the PostgreSQL at DATABASE_URL`,
    );
  try {
    return { databaseUrl: process.env.DATABASE_URL!, temporal: temporalSettingsFromEnv() };
  } catch (error) {
    throw new WorkerSetupError(error instanceof Error ? error.message : String(error));
  }
}

async function main(): Promise<void> {
  const { databaseUrl, temporal: settings } = settingsFromEnv();
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  logLostConnections(pool, '[worker]');
  const connection = await NativeConnection.connect(temporalConnectionOptions(settings)).catch(
    (error: unknown) => {
      void pool.end();
      throw new WorkerSetupError(
        `cannot connect to Temporal at ${settings.address}: ${error instanceof Error ? error.message : String(error)}`,
      );
    },
  );
  try {
    const worker = await Worker.create({
      connection,
      namespace: settings.namespace,
      taskQueue: settings.taskQueue,
      workflowsPath: require.resolve('../workflows/temporal/process.workflow'),
      activities: createTemporalActivities({ pool }),
    });
    // Worker.shutdown lets running activities finish, then run() resolves.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => worker.shutdown());
    console.log(
      `worker polling ${settings.taskQueue} on ${settings.address} (namespace ${settings.namespace})`,
    );
    await worker.run();
  } finally {
    await connection.close();
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof WorkerSetupError ? `worker: ${error.message}` : error);
  process.exit(1);
});
