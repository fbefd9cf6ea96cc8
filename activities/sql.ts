// The narrow database handle activities and the embedded runtime write through: a pg pool or a
// client inside a transaction. Plain SQL keeps the hot path to one round trip per statement.
import type { QueryResult, QueryResultRow } from 'pg';

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
