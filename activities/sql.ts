// The narrow database handle activities and the embedded runtime write through: a pg pool or a
// client inside a transaction. Plain SQL keeps the hot path to one round trip per statement.
import type { QueryResult, QueryResultRow } from 'pg';

export interface Sql {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
}
