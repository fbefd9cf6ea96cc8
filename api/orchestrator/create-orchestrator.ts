// Picks the runtime by configuration: TEMPORAL_ADDRESS set → Temporal, unset → embedded.
// An injected clock (tests) drives only the embedded runtime; Temporal refuses it.
import { Pool } from 'pg';
import { logLostConnections } from '../db/lost-connections';
import type { AppConfig } from '../config';
import type { Clock } from '../runtime/clock';
import { createEmbeddedOrchestrator } from './embedded-orchestrator';
import type { Orchestrator } from './orchestrator';
import { createTemporalOrchestrator, temporalSettingsFromEnv } from './temporal-orchestrator';

export async function createOrchestrator(
  config: Pick<AppConfig, 'temporalAddress'>,
  databaseUrl: string,
  env: NodeJS.ProcessEnv = process.env,
  options: { clock?: Clock } = {},
): Promise<Orchestrator> {
  if (!config.temporalAddress)
    return createEmbeddedOrchestrator({ databaseUrl, runScheduler: true, clock: options.clock }).orchestrator;
  // Temporal's timers run on its server's time; a clock here would silently not apply.
  if (options.clock) throw new Error('an injected clock drives the embedded runtime only, not Temporal');
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
