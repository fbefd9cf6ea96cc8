// The scheduler's polling loop: one loop per scheduler whatever the pokes, a poke during a tick
// asks for one more tick right after it, stop() waits for the running tick, failures are logged.
// Observed through a pool that counts its checked-out connections (an idle scheduler's tick is a
// sequence of transactions, so two ticks in flight show as two connections out at once).
import type { Pool, PoolClient } from 'pg';
import { createEmbeddedOrchestrator } from '../../api/orchestrator/embedded-orchestrator';
import { createTestPrisma } from '../support/test-database';

jest.setTimeout(60_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Counts connections out of the pool (from the request until release) and claim queries (one per tick). */
function countConnections(pool: Pool) {
  const counts = { out: 0, maxOut: 0, requested: 0, ticks: 0 };
  const connect = pool.connect.bind(pool) as () => Promise<PoolClient>;
  const instrumented = new WeakSet<PoolClient>();
  pool.connect = (async () => {
    counts.requested += 1;
    counts.out += 1;
    counts.maxOut = Math.max(counts.maxOut, counts.out);
    const client = await connect().catch((error: unknown) => {
      counts.out -= 1;
      throw error;
    });
    // The pool hands the same clients out again: instrument each once.
    if (!instrumented.has(client)) {
      instrumented.add(client);
      const query = client.query.bind(client) as (text: unknown, values?: unknown) => Promise<unknown>;
      client.query = ((text: unknown, values?: unknown) => {
        if (typeof text === 'string' && text.includes('FROM pending_effect')) counts.ticks += 1;
        return query(text, values);
      }) as PoolClient['query'];
    }
    // pg-pool sets a new release function on every checkout.
    const release = client.release.bind(client);
    client.release = (error?: Error | boolean) => {
      counts.out -= 1;
      release(error);
    };
    return client;
  }) as Pool['connect'];
  return counts;
}

describe('scheduler loop', () => {
  let db: Awaited<ReturnType<typeof createTestPrisma>>;
  beforeAll(async () => {
    db = await createTestPrisma();
  });
  afterAll(async () => {
    await db.close();
  });

  function idleRuntime(pollMs: number) {
    const runtime = createEmbeddedOrchestrator({
      databaseUrl: db.db.url,
      scheduler: { pollMs, log: (line) => lines.push(line) },
    });
    const lines: string[] = [];
    return { ...runtime, counts: countConnections(runtime.pool), lines };
  }

  it('keeps one tick in flight across 400 pokes and bounds the connections it holds', async () => {
    const { scheduler, orchestrator, counts, lines } = idleRuntime(20);
    try {
      scheduler.start();
      for (let i = 0; i < 400; i++) {
        scheduler.poke();
        // Pokes land at every point of a tick: before, during and between its transactions.
        if (i % 3 === 0) await sleep(1);
      }
      await sleep(100);
      expect(counts.ticks).toBeGreaterThan(10);
      expect(counts.maxOut).toBe(1);
      expect(lines).toEqual([]);
    } finally {
      await orchestrator.close();
    }
  });

  it('ticks again right after a tick during which it was poked, not a poll interval later', async () => {
    const { scheduler, orchestrator, counts } = idleRuntime(60_000);
    try {
      scheduler.start();
      // The first tick is running (its first transaction asked for a connection): poke now.
      expect(counts.requested).toBe(1);
      scheduler.poke();
      scheduler.poke();
      for (let i = 0; i < 100 && counts.ticks < 2; i++) await sleep(20);
      expect(counts.ticks).toBe(2);
      // Two pokes during one tick ask for one more tick, not two.
      await sleep(200);
      expect(counts.ticks).toBe(2);
    } finally {
      await orchestrator.close();
    }
  });

  it('stop() waits for the running tick and no tick starts afterwards', async () => {
    const { scheduler, orchestrator, counts } = idleRuntime(1);
    try {
      scheduler.start();
      for (let i = 0; i < 30; i++) {
        scheduler.poke();
        await sleep(1);
      }
      await scheduler.stop();
      expect(counts.out).toBe(0);
      const requested = counts.requested;
      scheduler.poke();
      await sleep(50);
      expect(counts.requested).toBe(requested);
    } finally {
      await orchestrator.close();
    }
  });

  it('logs a failing tick to stderr by default instead of swallowing it', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    // Nothing listens on port 1: every tick fails to connect.
    const { orchestrator } = createEmbeddedOrchestrator({
      databaseUrl: 'postgresql://nobody@127.0.0.1:1/nothing',
      runScheduler: true,
      scheduler: { pollMs: 10 },
    });
    try {
      for (let i = 0; i < 100 && errors.mock.calls.length === 0; i++) await sleep(10);
      expect(String(errors.mock.calls[0]?.[0])).toMatch(/scheduler tick failed: .*ECONNREFUSED/);
    } finally {
      await orchestrator.close();
      errors.mockRestore();
    }
  });
});
