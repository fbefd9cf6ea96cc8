// A Temporal worker in a process of its own, for the live test that kills it with SIGKILL:
// env TEMPORAL_ADDRESS, TASK_QUEUE, DATABASE_URL, and SGF_TEST_TEMPORAL_BUNDLE (prebuilt workflows).
// Prints READY once it polls.
import { Pool } from 'pg';
import { temporalSettingsFromEnv } from '../../api/orchestrator/temporal-orchestrator';
import { startTestWorker } from './temporal-runtimes';

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  const settings = { ...temporalSettingsFromEnv(), taskQueue: process.env.TASK_QUEUE ?? '' };
  await startTestWorker(settings, pool);
  console.log('READY');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
