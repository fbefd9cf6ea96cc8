// A task the projection shows is one the workflow accepts commands for. The projection row is
// written by the recordTransition activity, and the workflow takes up the new state only when it
// sees that activity complete; a command arriving in between was refused by the update validator
// (TASK_NOT_FOUND) although the task was visible, e.g. a task opened by a timer or by another
// person's command. Here the activity waits after writing, which widens that window to seconds.
import { randomUUID } from 'node:crypto';
import type { Orchestrator } from '../../api/orchestrator/orchestrator';
import { describeLive } from '../support/temporal-live-env';
import { type BothRuntimes, startBothRuntimes, startTestWorker, waitFor } from '../support/temporal-runtimes';

jest.setTimeout(120_000);

describeLive('a task visible in the projection while its transition is being taken up', (address) => {
  let rt: BothRuntimes;
  let temporal: Orchestrator;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let slowAfterRecording = false;

  beforeAll(async () => {
    rt = await startBothRuntimes(address, { worker: false });
    temporal = rt.temporal;
    worker = await startTestWorker(rt.settings, rt.pool, (real) => ({
      ...real,
      async recordTransition(input) {
        const recorded = await real.recordTransition(input);
        if (slowAfterRecording) await new Promise((resolve) => setTimeout(resolve, 3_000));
        return recorded;
      },
    }));
  });
  afterAll(async () => {
    await worker?.stop();
    await rt?.close();
  });

  it('takes a command for it, deciding once the transition before it is taken up', async () => {
    const officer = { userId: rt.db.users.shegong! };
    const head = { userId: rt.db.users.zhanzhang! };
    const { instanceId } = await temporal.start({
      versionId: rt.db.versionIds['project-lifecycle']!,
      unitId: rt.db.stationId,
      title: '投影与工作流之间',
      input: { projectName: '银龄守护' },
      actor: officer,
      idempotencyKey: randomUUID(),
    });
    const assess = (await temporal.listOpenTasks({ instanceId })).find((task) => task.nodeId === 'assess')!;

    slowAfterRecording = true;
    const completing = temporal.send(
      instanceId,
      {
        type: 'taskCompleted',
        taskId: assess.engineTaskId,
        data: { targetGroup: '社区长者', serviceDomain: '为老服务', needsSummary: '独居长者缺少日常探访' },
      },
      officer,
      randomUUID(),
    );
    // The station head sees the approval as soon as its row is written, and votes at once.
    const approval = await waitFor('the approval task in the projection', async () =>
      (await temporal.listOpenTasks({ instanceId })).find((task) => task.nodeId === 'headApproval'),
    );
    const voting = temporal.send(
      instanceId,
      { type: 'approvalVoted', taskId: approval.engineTaskId, vote: 'approve' },
      head,
      randomUUID(),
    );
    const [completed, voted] = await Promise.all([completing, voting]);
    slowAfterRecording = false;
    expect(voted.revision).toBe(completed.revision + 1);
    expect((await temporal.listOpenTasks({ instanceId })).map((task) => task.nodeId)).toEqual(['plan']);
  });
});
