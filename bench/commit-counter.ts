// Database commits, counted the same way for the baseline and for each runtime: the server's next
// transaction id. PostgreSQL assigns an id to every transaction that writes (a read-only one gets
// none), so the difference between two readings is the number of writing transactions committed
// (or rolled back) in between, exact at once, unlike pg_stat_database, whose counters backends
// publish up to seconds late. The id is cluster-wide: on the bench's own embedded server only the
// bench writes; on a shared DATABASE_URL other writers count too.
import { Client } from 'pg';

export async function nextTransactionId(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    // Reading a snapshot assigns no id, so the reading does not count itself.
    const { rows } = await client.query<{ next: string }>(
      'SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS next',
    );
    return Number(rows[0]!.next);
  } finally {
    await client.end();
  }
}

/**
 * The physical baseline: single-row UPDATE commits from a pg loop, one connection per lane, for
 * `seconds`. Returns commits per second, with the transaction-id count as a cross-check of the
 * counter the runtimes are measured with.
 */
export async function baselineCommits(url: string, lanes: number, seconds: number) {
  const setup = new Client({ connectionString: url });
  await setup.connect();
  await setup.query('CREATE TABLE IF NOT EXISTS bench_counter (id int PRIMARY KEY, n bigint NOT NULL)');
  await setup.query('TRUNCATE bench_counter');
  await setup.query('INSERT INTO bench_counter SELECT g, 0 FROM generate_series(1, $1::int) g', [lanes]);
  await setup.end();
  const before = await nextTransactionId(url);
  const deadline = Date.now() + seconds * 1000;
  const counts = await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      const client = new Client({ connectionString: url });
      await client.connect();
      let n = 0;
      while (Date.now() < deadline) {
        await client.query('UPDATE bench_counter SET n = n + 1 WHERE id = $1', [lane + 1]);
        n += 1;
      }
      await client.end();
      return n;
    }),
  );
  const commits = counts.reduce((a, b) => a + b, 0);
  return { perSecond: commits / seconds, counted: (await nextTransactionId(url)) - before, commits };
}
