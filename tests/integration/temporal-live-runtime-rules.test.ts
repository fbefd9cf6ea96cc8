// The runtime rules of issue 8 on a live Temporal server, beside the embedded runtime where they
// compare: idempotency keys scoped to the caller, the actor stamped by the port and checked
// against the task's candidates, cancelled children and parents, children after their parent
// closed, refused timers, the child's definition version, and commands acknowledged only once
// their transition is recorded.
import { randomUUID } from 'node:crypto';
import type { Orchestrator } from '../../api/orchestrator/orchestrator';
import { stateQuery } from '../../workflows/temporal/process-messages';
import { badDateDefinition, childDefinition, parentDefinition } from '../fixtures/runtime-rule-definitions';
import { publishDefinition } from '../support/runtime-fixtures';
import { describeLive } from '../support/temporal-live-env';
import { type BothRuntimes, settleTemporal, startBothRuntimes, waitFor } from '../support/temporal-runtimes';

jest.setTimeout(120_000);

describeLive('runtime rules on Temporal', (address) => {
  let rt: BothRuntimes;
  let temporal: Orchestrator;
  const officer = () => ({ userId: rt.db.users.shegong! });

  beforeAll(async () => {
    rt = await startBothRuntimes(address);
    temporal = rt.temporal;
  });
  afterAll(() => rt?.close());

  const start = (
    versionId: string,
    actor = officer(),
    key = randomUUID(),
    input: Record<string, unknown> = {},
  ) =>
    temporal.start({ versionId, unitId: rt.db.stationId, title: 'rules', input, actor, idempotencyKey: key });
  const startLifecycle = (actor = officer(), key = randomUUID()) =>
    start(rt.db.versionIds['project-lifecycle']!, actor, key, { projectName: '银龄守护' });

  async function openTask(instanceId: string, nodeId: string) {
    const task = (await temporal.listOpenTasks({ instanceId })).find((t) => t.nodeId === nodeId);
    if (!task) throw new Error(`no open task at ${nodeId}`);
    return task;
  }
  const complete = async (instanceId: string, nodeId: string, data: Record<string, unknown> = {}) =>
    temporal.send(
      instanceId,
      { type: 'taskCompleted', taskId: (await openTask(instanceId, nodeId)).engineTaskId, data },
      officer(),
      randomUUID(),
    );
  const assess = { targetGroup: '社区长者', serviceDomain: '为老服务', needsSummary: '独居长者缺少日常探访' };

  async function childOf(parentId: string) {
    return waitFor('the child instance', async () => {
      const { rows } = await rt.pool.query<{ id: string; version_id: string }>(
        'SELECT id, version_id FROM process_instance WHERE parent_id = $1',
        [parentId],
      );
      return rows[0];
    });
  }
  const statusOf = (instanceId: string) =>
    waitFor('the workflow to close', async () => {
      const { status } = await rt.client.workflow.getHandle(instanceId).describe();
      return status.name === 'RUNNING' ? undefined : status.name;
    });

  it('answers a repeated key on a closed instance as a duplicate, as the embedded runtime does; a new command is refused', async () => {
    for (const runtime of [temporal, rt.embedded.orchestrator]) {
      const { instanceId } = await startLifecycle();
      const key = randomUUID();
      const cancelled = await runtime.cancel(instanceId, officer(), '重复提交', key);
      expect(cancelled).toMatchObject({ status: 'cancelled', duplicate: false });
      if (runtime === temporal) await statusOf(instanceId);
      const again = await runtime.cancel(instanceId, officer(), '重复提交', key);
      expect(again).toMatchObject({ instanceId, status: 'cancelled', duplicate: true });
      await expect(runtime.cancel(instanceId, officer(), '再次取消', randomUUID())).rejects.toMatchObject({
        code: 'NOT_RUNNING',
      });
    }
  });

  it('scopes a start key to its caller: another caller gets an instance of its own, the same caller its first one', async () => {
    const key = randomUUID();
    const mine = await startLifecycle(officer(), key);
    const theirs = await startLifecycle({ userId: rt.db.users.zhanzhang! }, key);
    expect(theirs.instanceId).not.toBe(mine.instanceId);
    expect(theirs.duplicate).toBe(false);
    expect(await startLifecycle(officer(), key)).toMatchObject({
      instanceId: mine.instanceId,
      duplicate: true,
    });
  });

  it('scopes a send key to its caller and refuses an actor outside the task candidates, whatever the event says', async () => {
    const { instanceId } = await startLifecycle();
    const key = randomUUID();
    const done = await temporal.send(
      instanceId,
      { type: 'taskCompleted', taskId: (await openTask(instanceId, 'assess')).engineTaskId, data: assess },
      officer(),
      key,
    );
    const head = await openTask(instanceId, 'headApproval');
    const forged = {
      type: 'approvalVoted',
      taskId: head.engineTaskId,
      vote: 'approve',
      actor: {
        userId: rt.db.users.zhanzhang!,
        assignments: [{ role: 'supervisor', unitId: rt.db.stationId }],
      },
    } as unknown as Parameters<Orchestrator['send']>[1];
    await expect(temporal.send(instanceId, forged, officer(), randomUUID())).rejects.toMatchObject({
      code: 'NOT_A_CANDIDATE',
      messages: { zh: expect.stringContaining('不是该待办的办理人'), en: expect.stringContaining('neither') },
    });
    // The same key as the officer's completion, by another caller: applied, not answered as a duplicate.
    const voted = await temporal.send(
      instanceId,
      { type: 'approvalVoted', taskId: head.engineTaskId, vote: 'approve' },
      { userId: rt.db.users.zhanzhang! },
      key,
    );
    expect(voted).toMatchObject({ duplicate: false, revision: done.revision + 1 });
  });

  it('carries field errors and both languages out of a refused update', async () => {
    const { instanceId } = await startLifecycle();
    await expect(
      temporal.send(
        instanceId,
        { type: 'taskCompleted', taskId: (await openTask(instanceId, 'assess')).engineTaskId, data: {} },
        officer(),
        randomUUID(),
      ),
    ).rejects.toMatchObject({
      code: 'FORM_INVALID',
      messages: { zh: '表单数据不符合要求', en: 'the form data is invalid' },
      details: expect.arrayContaining([{ field: 'needsSummary', reason: expect.any(String) }]),
    });
  });

  it('acknowledges a command only once its transition is recorded, and does not move on without it', async () => {
    const { instanceId } = await startLifecycle();
    const taskId = (await openTask(instanceId, 'assess')).engineTaskId;
    // The projection moves on behind the workflow's back: its next transition cannot be recorded.
    await rt.pool.query('UPDATE process_instance SET revision = revision + 1 WHERE id = $1', [instanceId]);
    const key = randomUUID();
    const send = () =>
      temporal.send(instanceId, { type: 'taskCompleted', taskId, data: assess }, officer(), key);
    await expect(send()).rejects.toMatchObject({
      code: 'TRANSITION_NOT_RECORDED',
      messages: { zh: expect.any(String), en: expect.any(String) },
    });
    const handle = rt.client.workflow.getHandle(instanceId);
    expect((await handle.query(stateQuery)).revision).toBe(1);
    await rt.pool.query('UPDATE process_instance SET revision = revision - 1 WHERE id = $1', [instanceId]);
    // The key was not spent on the failed attempt: the retry applies the command.
    await expect(send()).resolves.toMatchObject({ duplicate: false, revision: 2 });
    expect((await handle.query(stateQuery)).revision).toBe(2);
  });

  it('reports a cancelled child to its parent, which routes on the outcome `cancelled`', async () => {
    await publishDefinition(rt.db.db.url, childDefinition('t-cancel-child-c'));
    const version = await publishDefinition(
      rt.db.db.url,
      parentDefinition('t-cancel-child', 't-cancel-child-c', true),
    );
    const parent = await start(version);
    await complete(parent.instanceId, 'prepare');
    const child = await childOf(parent.instanceId);
    await settleTemporal(rt.client, child.id);
    await temporal.cancel(child.id, officer(), '不再需要', randomUUID());
    expect(await statusOf(parent.instanceId)).toBe('COMPLETED');
    expect(await temporal.get(parent.instanceId)).toMatchObject({
      status: 'completed',
      state: { outcome: 'childCancelled' },
    });
  });

  it('cancels the running children of a cancelled parent, whose reports to the closed parent are ignored', async () => {
    await publishDefinition(rt.db.db.url, childDefinition('t-cancel-parent-c'));
    const version = await publishDefinition(
      rt.db.db.url,
      parentDefinition('t-cancel-parent', 't-cancel-parent-c', true),
    );
    const parent = await start(version);
    await complete(parent.instanceId, 'prepare');
    const child = await childOf(parent.instanceId);
    await settleTemporal(rt.client, child.id);
    await temporal.cancel(parent.instanceId, officer(), '项目终止', randomUUID());
    expect(await statusOf(child.id)).toBe('COMPLETED');
    expect(await temporal.get(child.id)).toMatchObject({
      status: 'cancelled',
      state: { cancelReason: `parent ${parent.instanceId} cancelled: 项目终止` },
    });
  });

  it('lets a child finish after its parent closed without failing', async () => {
    await publishDefinition(rt.db.db.url, childDefinition('t-detached-c'));
    const version = await publishDefinition(
      rt.db.db.url,
      parentDefinition('t-detached', 't-detached-c', false),
    );
    const parent = await start(version);
    await complete(parent.instanceId, 'prepare');
    expect(await statusOf(parent.instanceId)).toBe('COMPLETED');
    const child = await childOf(parent.instanceId);
    await settleTemporal(rt.client, child.id);
    await complete(child.id, 'work');
    expect(await statusOf(child.id)).toBe('COMPLETED');
  });

  it('starts a child on the version published when the child starts', async () => {
    const first = await publishDefinition(rt.db.db.url, childDefinition('t-versioned-c', 'v1'));
    const version = await publishDefinition(
      rt.db.db.url,
      parentDefinition('t-versioned', 't-versioned-c', true),
    );
    const parent = await start(version);
    const { rows } = await rt.pool.query<{ id: string }>(
      `INSERT INTO process_definition_version (id, definition_id, version, status, graph, content_hash, published_at)
       SELECT gen_random_uuid(), definition_id, 2, 'published', jsonb_set(graph, '{nodes,2,outcome}', '"v2"'), 'v2', now()
       FROM process_definition_version WHERE id = $1 RETURNING id`,
      [first],
    );
    await complete(parent.instanceId, 'prepare');
    expect((await childOf(parent.instanceId)).version_id).toBe(rows[0]!.id);
  });

  it('drops a timer the engine refuses with a timerDropped event, as the embedded runtime does', async () => {
    const version = await publishDefinition(rt.db.db.url, badDateDefinition('t-bad-date', 'PT1S'));
    const { instanceId } = await start(version, officer(), randomUUID(), { when: 'not a date' });
    const events = await waitFor('the timer to be dropped', async () => {
      const { rows } = await rt.pool.query<{ type: string; payload: unknown; idempotency_key: string }>(
        'SELECT type, payload, idempotency_key FROM instance_event WHERE instance_id = $1 ORDER BY sequence',
        [instanceId],
      );
      return rows.length >= 2 ? rows : undefined;
    });
    expect(events.map((e) => e.type)).toEqual(['started', 'timerDropped']);
    expect(events[1]).toMatchObject({
      payload: { timerId: 'timer-1', reason: 'TIMER_DATE_INVALID' },
      idempotency_key: 'timer/timer-1/dropped',
    });
    expect((await temporal.get(instanceId))!.state.timers).toEqual({});
  });
});
