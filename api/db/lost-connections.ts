// pg emits 'error' when the server drops a connection (restart, failover, an administrator):
// on the pool for an idle one, on the client itself for one the pool has lent out (pg-pool removes
// its own listener on acquire). Without a listener Node treats either as unhandled and the whole
// process exits. A dropped idle connection is replaced on next use; a lent one fails its next
// statement and the pool discards it when it comes back. So a log line is all it takes.
import type { Pool } from 'pg';

type PgError = Error & { code?: string };

/** Logs a connection the server dropped instead of crashing; 57P01 (the server shutting down, e.g. the embedded PostgreSQL stopping with us) is expected and stays quiet. */
export function logLostConnections(pool: Pool, prefix: string): void {
  const log = (error: PgError) => {
    if (error.code !== '57P01') console.error(`${prefix} database connection lost: ${error.message}`);
  };
  // Every client logs its own loss, idle or lent out; the pool's event repeats an idle one's.
  pool.on('connect', (client) => client.on('error', log));
  pool.on('error', () => undefined);
}
