import { randomUUID } from 'node:crypto';
import { createUnitHeadSync } from '../../api/admin/unit-head-sync';
import type { Orchestrator } from '../../api/orchestrator/orchestrator';
import { twoHeadChecks } from '../fixtures/assignee-definitions';
import { publishDefinition } from '../support/runtime-fixtures';
import { describeLive } from '../support/temporal-live-env';
import {
  type BothRuntimes,
  projectionOf,
  settleTemporal,
  startBothRuntimes,
} from '../support/temporal-runtimes';

// A unit's head changed while a project runs (docs/task-actions.md "Who gets a task"), on a real
// Temporal server and on the embedded runtime: the sync sends the same `unitHeadChanged` system
// event through either port once, the head step already open stays with the old head, the next
// one goes to the new head, and both runs leave the same events and task rows.
jest.setTimeout(120_000);

describeLive('unit heads changed while projects run, on Temporal and on the embedded runtime', (address) => {
  let rt: BothRuntimes;
  let versionId: string;
  const as = (name: string) => ({ userId: rt.db.users[name]! });

  beforeAll(async () => {
    rt = await startBothRuntimes(address);
    versionId = await publishDefinition(rt.db.db.url, twoHeadChecks('two-head-checks-live'));
  });
  afterAll(() => rt?.close());

  const settleOn = (orchestrator: Orchestrator, instanceId: string) =>
    orchestrator === rt.temporal ? settleTemporal(rt.client, instanceId) : rt.embedded.scheduler.drain();

  async function openTask(orchestrator: Orchestrator, instanceId: string, nodeId: string) {
    await settleOn(orchestrator, instanceId);
    const task = (await orchestrator.listOpenTasks({ instanceId })).find((t) => t.nodeId === nodeId);
    if (!task) throw new Error(`no open ${nodeId}`);
    return task;
  }

  const setStationHead = (name: string) =>
    rt.pool.query('UPDATE org_unit SET head_id = $2 WHERE id = $1', [rt.db.stationId, rt.db.users[name]]);

  /** The station head checks once; then the officer is made head and gets the second check. */
  async function scenario(orchestrator: Orchestrator): Promise<{ instanceId: string; applied: number[] }> {
    const sync = createUnitHeadSync({ prisma: rt.db.prisma, orchestrator, log: () => undefined });
    const { instanceId } = await orchestrator.start({
      versionId,
      unitId: rt.db.stationId,
      title: 'head changed',
      input: {},
      actor: as('shegong'),
      idempotencyKey: randomUUID(),
    });
    const complete = async (nodeId: string, by: string) => {
      const task = await openTask(orchestrator, instanceId, nodeId);
      expect(task.assigneeId).toBe(rt.db.users[by]);
      await orchestrator.send(
        instanceId,
        { type: 'taskCompleted', taskId: task.engineTaskId, data: {} },
        as(by),
        randomUUID(),
      );
    };
    await complete('draft', 'shegong');
    await openTask(orchestrator, instanceId, 'firstCheck');
    const applied = [await sync.sync()];
    await setStationHead('shegong');
    applied.push(await sync.sync());
    await settleOn(orchestrator, instanceId);
    applied.push(await sync.sync());
    // The open check stays with the old head; the next one goes to the new head.
    await complete('firstCheck', 'zhanzhang');
    await complete('secondCheck', 'shegong');
    await settleOn(orchestrator, instanceId);
    await setStationHead('zhanzhang');
    return { instanceId, applied };
  }

  it('applies the change once and gives only later head steps to the new head, alike on both', async () => {
    const onTemporal = await scenario(rt.temporal);
    const onEmbedded = await scenario(rt.embedded.orchestrator);
    // Nothing to send before the change, one event for it, nothing on the next pass.
    expect(onTemporal.applied).toEqual([0, 1, 0]);
    expect(onEmbedded.applied).toEqual([0, 1, 0]);
    const rows = await projectionOf(rt.pool, onTemporal.instanceId);
    expect(rows).toEqual(await projectionOf(rt.pool, onEmbedded.instanceId));
    expect(rows.events.map((event) => [event.type, event.actor_id])).toEqual([
      ['started', rt.db.users.shegong],
      ['taskCompleted', rt.db.users.shegong],
      ['unitHeadChanged', null],
      ['taskCompleted', rt.db.users.zhanzhang],
      ['taskCompleted', rt.db.users.shegong],
    ]);
    expect(rows.events[2]!.payload).toMatchObject({
      unitId: rt.db.stationId,
      headId: rt.db.users.shegong,
    });
  });
});
