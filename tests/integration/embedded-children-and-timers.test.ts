// Children and refused timers on the embedded runtime: a cancelled child reports to its parent, a
// cancelled parent cancels its children, a child finishing after its parent closed is ignored with
// a log line, a child runs the definition version published when it starts, and a timer the
// engine refuses is dropped through a logged timerDropped event instead of being retried.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createEmbeddedOrchestrator } from '../../api/orchestrator/embedded-orchestrator';
import { contentHash, ZProcessDefinition } from '../../workflows/engine';
import { badDateDefinition, childDefinition, parentDefinition } from '../fixtures/runtime-rule-definitions';
import { createRuntimeDatabase, manualClock, publishDefinition } from '../support/runtime-fixtures';

jest.setTimeout(60_000);

/** Publishes the graph as the next version of an existing definition key. */
async function publishNextVersion(databaseUrl: string, definition: unknown): Promise<string> {
  const graph = ZProcessDefinition.parse(definition);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const versionId = randomUUID();
    await client.query(
      `INSERT INTO process_definition_version (id, definition_id, version, status, graph, content_hash, published_at)
       SELECT $1, d.id, (SELECT max(version) + 1 FROM process_definition_version WHERE definition_id = d.id),
              'published', $3, $4, now()
       FROM process_definition d WHERE d.key = $2`,
      [versionId, graph.key, JSON.stringify(graph), contentHash(graph)],
    );
    return versionId;
  } finally {
    await client.end();
  }
}

describe('embedded runtime: children and refused timers', () => {
  let db: Awaited<ReturnType<typeof createRuntimeDatabase>>;
  let runtime: ReturnType<typeof createEmbeddedOrchestrator>;
  const clock = manualClock('2025-03-01T01:00:00.000Z');
  const logged: string[] = [];

  beforeAll(async () => {
    db = await createRuntimeDatabase();
    runtime = createEmbeddedOrchestrator({
      databaseUrl: db.db.url,
      clock: clock.now,
      scheduler: { log: (line) => logged.push(line) },
    });
  });
  afterAll(async () => {
    await runtime.orchestrator.close();
    await db.close();
  });
  beforeEach(() => void logged.splice(0));

  const officer = () => ({ userId: db.users.shegong! });
  const start = (versionId: string, input: Record<string, unknown> = {}) =>
    runtime.orchestrator.start({
      versionId,
      unitId: db.stationId,
      title: 'children',
      input,
      actor: officer(),
      idempotencyKey: randomUUID(),
    });
  async function completeTask(instanceId: string, nodeId: string) {
    const [task] = (await runtime.orchestrator.listOpenTasks({ instanceId })).filter(
      (t) => t.nodeId === nodeId,
    );
    if (!task) throw new Error(`no open task at ${nodeId}`);
    return runtime.orchestrator.send(
      instanceId,
      { type: 'taskCompleted', taskId: task.engineTaskId, data: {} },
      officer(),
      randomUUID(),
    );
  }
  async function childOf(parentId: string) {
    const { rows } = await runtime.pool.query<{ id: string; status: string; version_id: string }>(
      'SELECT id, status, version_id FROM process_instance WHERE parent_id = $1',
      [parentId],
    );
    expect(rows).toHaveLength(1);
    return rows[0]!;
  }
  async function startParent(key: string, wait: boolean) {
    await publishDefinition(db.db.url, childDefinition(`${key}-child`));
    const parentVersion = await publishDefinition(db.db.url, parentDefinition(key, `${key}-child`, wait));
    const parent = await start(parentVersion);
    await completeTask(parent.instanceId, 'prepare');
    await runtime.scheduler.drain();
    return { parentId: parent.instanceId, child: await childOf(parent.instanceId) };
  }

  it('reports a cancelled child to its parent as the outcome `cancelled`, and the parent routes on it', async () => {
    const { parentId, child } = await startParent('cancel-child', true);
    await runtime.orchestrator.cancel(child.id, officer(), '不再需要', randomUUID());
    await runtime.scheduler.drain();
    const parent = await runtime.orchestrator.get(parentId);
    expect(parent).toMatchObject({ status: 'completed', state: { outcome: 'childCancelled' } });
    expect(parent!.state.variables.results).toEqual([
      expect.objectContaining({ childId: 'child-1', outcome: 'cancelled' }),
    ]);
  });

  it('cancels the running children of a cancelled parent; their reports to the closed parent are ignored with a log line', async () => {
    const { parentId, child } = await startParent('cancel-parent', true);
    await runtime.orchestrator.cancel(parentId, officer(), '项目终止', randomUUID());
    await runtime.scheduler.drain();
    expect(await runtime.orchestrator.get(child.id)).toMatchObject({
      status: 'cancelled',
      state: { cancelReason: `parent ${parentId} cancelled: 项目终止` },
    });
    const { rows } = await runtime.pool.query<{ type: string; status: string }>(
      'SELECT type, status FROM pending_effect WHERE instance_id = ANY($1::uuid[]) ORDER BY type',
      [[parentId, child.id]],
    );
    expect(rows).toEqual([
      { type: 'deliverEvent', status: 'done' },
      { type: 'notifyParent', status: 'done' },
      { type: 'startChild', status: 'done' },
    ]);
    expect(logged).toEqual([expect.stringMatching(/^childCompleted for instance .* ignored: NOT_RUNNING/)]);
  });

  it('ignores, with a log line, a child that finishes after its parent closed', async () => {
    const { parentId, child } = await startParent('detached-child', false);
    expect(await runtime.orchestrator.get(parentId)).toMatchObject({ status: 'completed' });
    await completeTask(child.id, 'work');
    await runtime.scheduler.drain();
    expect(await runtime.orchestrator.get(child.id)).toMatchObject({ status: 'completed' });
    const { rows } = await runtime.pool.query<{ status: string }>(
      `SELECT status FROM pending_effect WHERE instance_id = $1 AND type = 'notifyParent'`,
      [child.id],
    );
    expect(rows).toEqual([{ status: 'done' }]);
    expect(logged).toEqual([expect.stringContaining('ignored: NOT_RUNNING')]);
  });

  it('starts a child on the latest version published when the child starts, not when its parent started', async () => {
    await publishDefinition(db.db.url, childDefinition('versioned-child', 'v1'));
    const parentVersion = await publishDefinition(
      db.db.url,
      parentDefinition('versioned-parent', 'versioned-child', true),
    );
    const parent = await start(parentVersion);
    const v2 = await publishNextVersion(db.db.url, childDefinition('versioned-child', 'v2'));
    await completeTask(parent.instanceId, 'prepare');
    await runtime.scheduler.drain();
    expect((await childOf(parent.instanceId)).version_id).toBe(v2);
  });

  it('drops a timer the engine refuses, with a timerDropped event in the log, instead of retrying it', async () => {
    clock.set('2025-03-01T01:00:00.000Z');
    const versionId = await publishDefinition(db.db.url, badDateDefinition('bad-date', 'PT1H'));
    const { instanceId } = await start(versionId, { when: 'not a date' });
    clock.advance(2 * 3_600_000);
    await runtime.scheduler.drain();
    const { rows: events } = await runtime.pool.query<{
      type: string;
      payload: unknown;
      idempotency_key: string;
    }>('SELECT type, payload, idempotency_key FROM instance_event WHERE instance_id = $1 ORDER BY sequence', [
      instanceId,
    ]);
    expect(events.map((e) => e.type)).toEqual(['started', 'timerDropped']);
    expect(events[1]).toMatchObject({
      payload: { timerId: 'timer-1', reason: 'TIMER_DATE_INVALID' },
      idempotency_key: 'timer/timer-1/dropped',
    });
    const { rows } = await runtime.pool.query<{ next_due_at: Date | null; state: { timers: object } }>(
      'SELECT next_due_at, state FROM process_instance WHERE id = $1',
      [instanceId],
    );
    expect(rows[0]).toMatchObject({ next_due_at: null, state: { timers: {} } });
    expect(logged).toEqual([expect.stringContaining('timer timer-1 of instance')]);
    // Later passes of the scheduler find nothing to retry.
    clock.advance(10 * 60_000);
    await runtime.scheduler.drain();
    expect((await runtime.orchestrator.get(instanceId))!.revision).toBe(2);
  });
});
