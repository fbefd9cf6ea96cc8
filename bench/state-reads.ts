// Counts the embedded runtime's reads of an instance's state ahead of a command, the statement
// api/runtime/apply-command.ts names `sgf_read_instance`: a command the instance cache serves makes
// none, so reads per command show whether a variant ran warm or cold. Only autocommit commands
// (through the pool) are seen; the scheduler reads inside its own transactions.
import type { Pool } from 'pg';

export function countStateReads(pool: Pool): () => number {
  let reads = 0;
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  pool.query = ((...args: unknown[]) => {
    const [config] = args;
    if (
      typeof config === 'object' &&
      config !== null &&
      'name' in config &&
      config.name === 'sgf_read_instance'
    )
      reads += 1;
    return query(...args);
  }) as Pool['query'];
  return () => reads;
}
