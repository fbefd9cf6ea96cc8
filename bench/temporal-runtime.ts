// The Temporal runtime for BENCH_RUNTIME=temporal: a dev server (TEMPORAL_ADDRESS, else
// `temporal server start-dev` started here on free ports, in memory), a worker in this process
// hosting the process workflow and the shared activities, and the Temporal adapter of the port,
// all set up as the live test suites do.
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import {
  createTemporalOrchestrator,
  temporalSettingsFromEnv,
} from '../api/orchestrator/temporal-orchestrator';
import { findTemporalCli, INSTALL_HINT, startTemporalDevServer } from '../tests/support/temporal-dev-server';
import { startTestWorker } from '../tests/support/temporal-runtimes';

export async function startTemporalRuntime(databaseUrl: string, poolSize: number) {
  let server: Awaited<ReturnType<typeof startTemporalDevServer>> | undefined;
  let address = process.env.TEMPORAL_ADDRESS;
  if (!address) {
    const cli = findTemporalCli();
    if (!cli) throw new Error(`BENCH_RUNTIME=temporal needs a Temporal server: ${INSTALL_HINT}`);
    server = await startTemporalDevServer({ cli });
    address = server.address;
  }
  const settings = {
    ...temporalSettingsFromEnv({ TEMPORAL_ADDRESS: address }),
    taskQueue: `shegong-flow-bench-${randomUUID()}`,
  };
  // The worker's activities (projection writes, effects) and the adapter's reads share one pool.
  const pool = new Pool({ connectionString: databaseUrl, max: poolSize });
  const worker = await startTestWorker(settings, pool);
  const orchestrator = await createTemporalOrchestrator({ pool, settings });
  return {
    orchestrator,
    address,
    async close() {
      await orchestrator.close();
      await worker.stop();
      await pool.end();
      await server?.stop();
    },
  };
}
