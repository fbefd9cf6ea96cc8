// Stops the servers the global setup started (an external PostgreSQL or Temporal is left alone)
// and removes the run's workflow bundle.
import { rmSync } from 'node:fs';
import { temporalTestEnv } from './temporal-live-env';

type Handles = {
  __sgfTestPostgres?: { stop(): Promise<void> };
  __sgfTestTemporal?: { stop(): Promise<void> };
};

export default async function globalTeardown(): Promise<void> {
  const { __sgfTestPostgres: postgres, __sgfTestTemporal: temporal } = globalThis as Handles;
  const bundle = process.env[temporalTestEnv.bundle];
  if (bundle) rmSync(bundle, { force: true });
  await Promise.all([postgres?.stop(), temporal?.stop()]);
}
