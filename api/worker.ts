// `npm run worker`: the Temporal worker. Hosts processWorkflow and the shared activities (writing
// to the Postgres in DATABASE_URL) on TEMPORAL_TASK_QUEUE; stops cleanly on SIGINT/SIGTERM.
import { NativeConnection, Worker } from '@temporalio/worker';
import { Pool } from 'pg';
import { createTemporalActivities } from '../activities/temporal-activities';
import { temporalConnectionOptions, temporalSettingsFromEnv } from './orchestrator/temporal-orchestrator';

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set: the worker writes the projection rows there');
  const settings = temporalSettingsFromEnv();
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  const connection = await NativeConnection.connect(temporalConnectionOptions(settings));
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
  console.error(error);
  process.exit(1);
});
