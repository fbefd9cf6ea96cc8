// Picks the runtime by configuration: TEMPORAL_ADDRESS set → Temporal, unset → embedded.
import { Pool } from 'pg';
import { logLostConnections } from '../db/lost-connections';
import type { AppConfig } from '../config';
import { createEmbeddedOrchestrator } from './embedded-orchestrator';
import type { Orchestrator } from './orchestrator';
import { createTemporalOrchestrator, temporalSettingsFromEnv } from './temporal-orchestrator';

export async function createOrchestrator(
  config: Pick<AppConfig, 'temporalAddress'>,
  databaseUrl: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Orchestrator> {
  if (!config.temporalAddress)
    return createEmbeddedOrchestrator({ databaseUrl, runScheduler: true }).orchestrator;
  const pool = new Pool({ connectionString: databaseUrl });
  logLostConnections(pool, '[runtime]');
  try {
    const temporal = await createTemporalOrchestrator({
      pool,
      settings: temporalSettingsFromEnv({ ...env, TEMPORAL_ADDRESS: config.temporalAddress }),
    });
    return {
      ...temporal,
      async close() {
        await temporal.close();
        await pool.end();
      },
    };
  } catch (error) {
    await pool.end();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot connect to Temporal at ${config.temporalAddress}: ${reason}`, { cause: error });
  }
}
