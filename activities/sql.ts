// The narrow database handle activities and the embedded runtime write through: a pg pool or a
// client inside a transaction. Plain SQL keeps the hot path to one round trip per statement.
import type { Pool, PoolClient, QueryResult, QueryResultRow } from 'pg';

/** A statement the connection prepares once and then only binds: hot-path statements skip parsing and planning. */
export interface NamedQuery {
  name: string;
  text: string;
  values: unknown[];
}

export interface Sql {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
  query<R extends QueryResultRow = QueryResultRow>(query: NamedQuery): Promise<QueryResult<R>>;
}

/** Runs `fn` in one transaction on a client of the pool: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
