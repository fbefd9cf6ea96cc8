import { randomUUID } from 'node:crypto';
import { type Orchestrator, OrchestratorError } from '../../api/orchestrator/orchestrator';
import { describeLive } from '../support/temporal-live-env';
import {
  type BothRuntimes,
  projectionOf,
  settleTemporal,
  startBothRuntimes,
  waitFor,
} from '../support/temporal-runtimes';

// Task hand-overs, remarks, 抄送 and 加签 (docs/task-actions.md) on a real Temporal server and on the embedded
// runtime: the same commands leave the same rows, and a refused hand-over is refused alike.
jest.setTimeout(120_000);

describeLive('task hand-overs on Temporal and on the embedded runtime', (address) => {
  let rt: BothRuntimes;
  const people: Record<string, { userId: string; assignments: { role: string; unitId: string }[] }> = {};

  beforeAll(async () => {
    rt = await startBothRuntimes(address);
    for (const name of ['shegong', 'zhanzhang', 'zhongxin']) {
      const userId = rt.db.users[name]!;
      const { rows } = await rt.pool.query<{ role: string; unitId: string }>(
        `SELECT role::text AS role, unit_id::text AS "unitId" FROM role_assignment WHERE user_id = $1`,
        [userId],
      );
      people[name] = { userId, assignments: rows };
    }
  });
  afterAll(() => rt?.close());

  const settleOn = (orchestrator: Orchestrator, instanceId: string) =>
    orchestrator === rt.temporal ? settleTemporal(rt.client, instanceId) : rt.embedded.scheduler.drain();
  const as = (name: string) => ({ userId: people[name]!.userId });

  async function openTask(orchestrator: Orchestrator, instanceId: string, nodeId: string) {
    await settleOn(orchestrator, instanceId);
    const tasks = await orchestrator.listOpenTasks({ instanceId });
    const task = tasks.find((t) => t.nodeId === nodeId);
    if (!task) throw new Error(`no open ${nodeId}`);
    return task.engineTaskId;
  }

  /**
   * Delegate, hand back, remark, transfer, complete; a centre supervisor reassigns, adds the station
   * head as a signer before herself (加签), and approves after him.
   */
  async function scenario(
    orchestrator: Orchestrator,
  ): Promise<{ instanceId: string; refusal: string; held: string }> {
    const send = (instanceId: string, event: Parameters<Orchestrator['send']>[1], by: string) =>
      orchestrator.send(instanceId, event, as(by), randomUUID());
    const { instanceId } = await orchestrator.start({
      versionId: rt.db.versionIds['project-lifecycle']!,
      unitId: rt.db.stationId,
      title: 'hand-overs',
      input: { projectName: '银龄守护' },
      actor: as('shegong'),
      idempotencyKey: randomUUID(),
    });
    let task = await openTask(orchestrator, instanceId, 'assess');
    await send(
      instanceId,
      { type: 'taskDelegated', fromTaskId: task, to: people.zhanzhang!, comment: '请核实' },
      'shegong',
    );
    task = await openTask(orchestrator, instanceId, 'assess');
    await send(instanceId, { type: 'taskResolved', taskId: task, comment: '已核实' }, 'zhanzhang');
    task = await openTask(orchestrator, instanceId, 'assess');
    await send(instanceId, { type: 'taskCommented', taskId: task, comment: '材料齐全' }, 'zhongxin');
    // 抄送 to two people: one notification each (their keys once collided on Temporal).
    await send(
      instanceId,
      { type: 'taskCopied', taskId: task, to: [people.zhanzhang!, people.zhongxin!], note: '请知悉' },
      'shegong',
    );
    await send(instanceId, { type: 'taskTransferred', fromTaskId: task, to: people.zhanzhang! }, 'shegong');
    task = await openTask(orchestrator, instanceId, 'assess');
    const assessment = {
      targetGroup: '独居老人',
      serviceDomain: '为老服务',
      needsSummary: '四十余位独居老人需要探访。',
    };
    await send(instanceId, { type: 'taskCompleted', taskId: task, data: assessment }, 'zhanzhang');
    // 拿回 before the station head acts, then submitted again.
    await openTask(orchestrator, instanceId, 'headApproval');
    await send(instanceId, { type: 'taskTakenBack', taskId: task }, 'zhanzhang');
    // The form's node is entered again: its assignee rule (the starter) gets the new task.
    task = await openTask(orchestrator, instanceId, 'assess');
    await send(instanceId, { type: 'taskCompleted', taskId: task, data: assessment }, 'shegong');
    task = await openTask(orchestrator, instanceId, 'headApproval');
    // An officer may not take a supervisor's approval: refused before anything is written.
    const refusal = await send(
      instanceId,
      { type: 'taskTransferred', fromTaskId: task, to: people.shegong! },
      'zhanzhang',
    ).then(
      () => 'accepted',
      (error: unknown) => (error instanceof OrchestratorError ? error.code : String(error)),
    );
    await send(
      instanceId,
      { type: 'taskReassigned', fromTaskId: task, to: people.zhongxin!, reason: '站长休假' },
      'zhongxin',
    );
    task = await openTask(orchestrator, instanceId, 'headApproval');
    // 前加签: the station head signs first; the centre's seat is refused until he has voted.
    await send(
      instanceId,
      { type: 'signerAdded', taskId: task, to: people.zhanzhang!, position: 'before', comment: '请站长先签' },
      'zhongxin',
    );
    const held = await send(
      instanceId,
      { type: 'approvalVoted', taskId: task, vote: 'approve' },
      'zhongxin',
    ).then(
      () => 'accepted',
      (error: unknown) => (error instanceof OrchestratorError ? error.code : String(error)),
    );
    const signer = (await orchestrator.listOpenTasks({ instanceId })).find(
      (t) => t.nodeId === 'headApproval' && t.engineTaskId !== task,
    )!.engineTaskId;
    await send(instanceId, { type: 'approvalVoted', taskId: signer, vote: 'approve' }, 'zhanzhang');
    await send(instanceId, { type: 'approvalVoted', taskId: task, vote: 'approve' }, 'zhongxin');
    await openTask(orchestrator, instanceId, 'plan');
    return { instanceId, refusal, held };
  }

  /** Notifications are delivered after the event (an activity, a scheduler effect): wait for both copies. */
  const copiesDelivered = (instanceId: string) =>
    waitFor('both copies delivered', async () => {
      const { rows } = await rt.pool.query<{ recipient_user_id: string }>(
        `SELECT recipient_user_id FROM notification WHERE instance_id = $1 AND template = 'task.copied'
         ORDER BY recipient_user_id`,
        [instanceId],
      );
      return rows.length === 2 ? rows.map((row) => row.recipient_user_id) : undefined;
    });

  it('leaves the same events and task rows on both runtimes', async () => {
    const onTemporal = await scenario(rt.temporal);
    const onEmbedded = await scenario(rt.embedded.orchestrator);
    const recipients = [people.zhanzhang!.userId, people.zhongxin!.userId].sort();
    expect(await copiesDelivered(onTemporal.instanceId)).toEqual(recipients);
    await rt.embedded.scheduler.drain();
    expect(await copiesDelivered(onEmbedded.instanceId)).toEqual(recipients);
    expect(onTemporal.refusal).toBe('TARGET_NOT_ELIGIBLE');
    expect(onEmbedded.refusal).toBe('TARGET_NOT_ELIGIBLE');
    expect(onTemporal.held).toBe('WAITING_FOR_SIGNER');
    expect(onEmbedded.held).toBe('WAITING_FOR_SIGNER');
    const rows = await projectionOf(rt.pool, onTemporal.instanceId);
    expect(rows).toEqual(await projectionOf(rt.pool, onEmbedded.instanceId));
    expect(rows.events.map((event) => event.type)).toEqual([
      'started',
      'taskDelegated',
      'taskResolved',
      'taskCommented',
      'taskCopied',
      'taskTransferred',
      'taskCompleted',
      'taskTakenBack',
      'taskCompleted',
      'taskReassigned',
      'signerAdded',
      'approvalVoted',
      'approvalVoted',
    ]);
    // Handed-over tasks are withdrawn, the delegate's hand-back counts as their completion; the
    // approval opened before the take-back is withdrawn.
    expect(
      (rows.tasks as { node_id: string; status: string }[])
        .filter((t) => t.node_id === 'assess')
        .map((t) => t.status),
    ).toEqual(['cancelled', 'completed', 'cancelled', 'completed', 'completed']);
  });
});
