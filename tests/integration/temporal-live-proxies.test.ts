import { randomUUID } from 'node:crypto';
import type { Orchestrator } from '../../api/orchestrator/orchestrator';
import { createProxySweeper } from '../../api/proxies/proxy-sweeper';
import { describeLive } from '../support/temporal-live-env';
import {
  type BothRuntimes,
  projectionOf,
  settleTemporal,
  startBothRuntimes,
} from '../support/temporal-runtimes';

// Proxy moves (代理, docs/proxies.md) on a real Temporal server and on the embedded runtime: the
// sweeper sends the same `taskProxied` system event through either port, the proxy decides the
// moved approval, and both runs leave the same events, task rows and notices.
jest.setTimeout(120_000);

describeLive('proxy moves on Temporal and on the embedded runtime', (address) => {
  let rt: BothRuntimes;
  const user = (name: string) => ({ userId: rt.db.users[name]! });

  beforeAll(async () => {
    rt = await startBothRuntimes(address);
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

  /**
   * The officer's assessment goes to the station head while she is away; he completes it. Then the
   * head, having claimed the approval, is away: it goes to the centre's supervisor, who approves.
   */
  async function scenario(orchestrator: Orchestrator): Promise<string> {
    const sweeper = createProxySweeper({ prisma: rt.db.prisma, orchestrator, log: () => undefined });
    const away = async (principal: string, proxy: string, run: () => Promise<void>) => {
      const period = await rt.db.prisma.proxyPeriod.create({
        data: {
          principalId: user(principal).userId,
          proxyId: user(proxy).userId,
          createdById: user(principal).userId,
          reason: '外出',
          startsAt: new Date(Date.now() - 60_000),
          endsAt: new Date(Date.now() + 86_400_000),
        },
      });
      await run();
      // Over before the other runtime's run, so its sweep only sees its own instance.
      await rt.db.prisma.proxyPeriod.update({ where: { id: period.id }, data: { cancelledAt: new Date() } });
    };
    const { instanceId } = await orchestrator.start({
      versionId: rt.db.versionIds['project-lifecycle']!,
      unitId: rt.db.stationId,
      title: 'proxies',
      input: { projectName: '银龄守护' },
      actor: user('shegong'),
      idempotencyKey: randomUUID(),
    });
    await openTask(orchestrator, instanceId, 'assess');
    await away('shegong', 'zhanzhang', async () => {
      expect(await sweeper.sweep()).toEqual({ moved: 1, refused: 0 });
      expect(await sweeper.sweep()).toEqual({ moved: 0, refused: 0 });
    });
    const assess = await openTask(orchestrator, instanceId, 'assess');
    expect(assess.assigneeId).toBe(user('zhanzhang').userId);
    await orchestrator.send(
      instanceId,
      {
        type: 'taskCompleted',
        taskId: assess.engineTaskId,
        data: {
          targetGroup: '独居老人',
          serviceDomain: '为老服务',
          needsSummary: '四十余位独居老人需要探访。',
        },
      },
      user('zhanzhang'),
      randomUUID(),
    );
    const approval = await openTask(orchestrator, instanceId, 'headApproval');
    // A claim lives in the task row (the engine keeps the role): as the claim route sets it.
    await rt.pool.query('UPDATE task SET assignee_id = $2 WHERE id = $1', [
      approval.id,
      user('zhanzhang').userId,
    ]);
    await away('zhanzhang', 'zhongxin', async () => {
      expect(await sweeper.sweep()).toEqual({ moved: 1, refused: 0 });
    });
    const moved = await openTask(orchestrator, instanceId, 'headApproval');
    expect(moved.assigneeId).toBe(user('zhongxin').userId);
    await orchestrator.send(
      instanceId,
      { type: 'approvalVoted', taskId: moved.engineTaskId, vote: 'approve' },
      user('zhongxin'),
      randomUUID(),
    );
    await openTask(orchestrator, instanceId, 'plan');
    // Terminated, so the other runtime's sweep finds none of this run's tasks with the officer.
    await orchestrator.cancel(instanceId, user('zhanzhang'), '测试结束', randomUUID());
    await settleOn(orchestrator, instanceId);
    return instanceId;
  }

  /** The rows, with the period ids (one per run) put aside. */
  const rowsOf = async (instanceId: string) => {
    const rows = await projectionOf(rt.pool, instanceId);
    return {
      ...rows,
      events: rows.events.map((event) => {
        const payload = event.payload as Record<string, unknown>;
        return 'proxyId' in payload ? { ...event, payload: { ...payload, proxyId: '<period>' } } : event;
      }),
    };
  };

  it('leaves the same events, task rows and notices on both runtimes', async () => {
    const onTemporal = await rowsOf(await scenario(rt.temporal));
    const onEmbedded = await rowsOf(await scenario(rt.embedded.orchestrator));
    expect(onTemporal).toEqual(onEmbedded);
    expect(onTemporal.events.map((event) => [event.type, event.actor_id])).toEqual([
      ['started', user('shegong').userId],
      ['taskProxied', null],
      ['taskCompleted', user('zhanzhang').userId],
      ['taskProxied', null],
      ['approvalVoted', user('zhongxin').userId],
      ['cancelled', user('zhanzhang').userId],
    ]);
    expect(
      (onTemporal.notifications as unknown as { template: string; recipient_user_id: string | null }[])
        .filter((n) => n.template.startsWith('task.proxied'))
        .map((n) => [n.template, n.recipient_user_id])
        .sort(),
    ).toEqual(
      [
        ['task.proxiedAway', user('shegong').userId],
        ['task.proxiedToYou', user('zhanzhang').userId],
        ['task.proxiedAway', user('zhanzhang').userId],
        ['task.proxiedToYou', user('zhongxin').userId],
      ].sort(),
    );
  });
});
