// pg emits 'error' on a pool when the server drops one of its idle connections (restart,
// failover); without a listener Node treats it as unhandled and the whole process exits. The pool
// replaces the connection on next use, so a log line is all it takes.
import type { Pool } from 'pg';

/** Logs an idle connection the server dropped instead of crashing; 57P01 (the server shutting down, e.g. the embedded PostgreSQL stopping with us) is expected and stays quiet. */
export function logLostConnections(pool: Pool, prefix: string): void {
  pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== '57P01') console.error(`${prefix} idle database connection lost: ${error.message}`);
  });
}
