import { randomUUID } from 'node:crypto';
import { createEmbeddedOrchestrator } from '../../api/orchestrator/embedded-orchestrator';
import { replayInstance } from '../../api/runtime/replay-instance';
import { createDefinitionStore } from '../../api/runtime/definition-store';
import { lifecycleTaskData } from '../fixtures/project-lifecycle-data';
import { createRuntimeDatabase, manualClock } from '../support/runtime-fixtures';

jest.setTimeout(60_000);

// Concurrent commands share database calls (group commit). These tests observe that through the
// transaction ids of the rows written, and check that sharing never costs a command its own answer.
describe('group commit in the embedded runtime', () => {
  let db: Awaited<ReturnType<typeof createRuntimeDatabase>>;
  let runtime: ReturnType<typeof createEmbeddedOrchestrator>;
  const clock = manualClock('2025-03-01T01:00:00.000Z');

  beforeAll(async () => {
    db = await createRuntimeDatabase();
    runtime = createEmbeddedOrchestrator({ databaseUrl: db.db.url, clock: clock.now });
  });
  afterAll(async () => {
    await runtime.orchestrator.close();
    await db.close();
  });

  const officer = () => ({ userId: db.users.shegong! });
  const start = (parentId?: string) =>
    runtime.orchestrator.start({
      versionId: db.versionIds['project-lifecycle']!,
      unitId: db.stationId,
      ...(parentId ? { parentId } : {}),
      title: '银龄守护',
      input: { projectName: '银龄守护' },
      actor: officer(),
      idempotencyKey: randomUUID(),
    });

  /** Transactions that wrote these instances' events: fewer than events means calls were shared. */
  async function writingTransactions(instanceIds: string[]) {
    const { rows } = await runtime.pool.query<{ events: number; transactions: number }>(
      `SELECT count(*)::int AS events, count(DISTINCT xmin::text)::int AS transactions
       FROM instance_event WHERE instance_id = ANY($1::uuid[])`,
      [instanceIds],
    );
    return rows[0]!;
  }

  it('writes commands that arrive together in shared calls, each acknowledged with its own result', async () => {
    await start(); // the definition is loaded once; from here on commands reach the writer together
    const results = await Promise.all(Array.from({ length: 24 }, () => start()));
    const ids = results.map((r) => r.instanceId);
    expect(new Set(ids).size).toBe(24);
    expect(results.every((r) => r.revision === 1 && !r.duplicate)).toBe(true);
    const { events, transactions } = await writingTransactions(ids);
    expect(events).toBe(24);
    expect(transactions).toBeLessThan(events);

    // Each instance's stored state is still exactly the fold of its own events.
    const actor = officer();
    await Promise.all(
      results.map(({ instanceId, state }) =>
        runtime.orchestrator.send(
          instanceId,
          {
            type: 'taskCompleted',
            taskId: Object.values(state.tasks)[0]!.id,
            data: lifecycleTaskData.assess,
          },
          actor,
          randomUUID(),
        ),
      ),
    );
    const definitions = createDefinitionStore(runtime.pool);
    for (const id of ids) {
      const stored = (await runtime.orchestrator.get(id))!;
      expect(stored.revision).toBe(2);
      expect(await replayInstance(runtime.pool, definitions, id)).toEqual(stored.state);
    }
    expect((await writingTransactions(ids)).events).toBe(48);
  });

  it('gives a command that fails inside a shared call its own error and writes the others', async () => {
    await start();
    const missingParent = randomUUID(); // violates process_instance's foreign key to its parent
    const settled = await Promise.allSettled([start(), start(), start(missingParent), start(), start()]);
    const failed = settled.filter((s) => s.status === 'rejected');
    expect(failed).toHaveLength(1);
    expect((failed[0] as PromiseRejectedResult).reason).toMatchObject({ code: '23503' });
    const written = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value.instanceId] : []));
    expect(written).toHaveLength(4);
    const { rows } = await runtime.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM process_instance WHERE id = ANY($1::uuid[])',
      [written],
    );
    expect(rows[0]!.n).toBe(4);
    const { rows: none } = await runtime.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM process_instance WHERE parent_id = $1',
      [missingParent],
    );
    expect(none[0]!.n).toBe(0);
  });
});
