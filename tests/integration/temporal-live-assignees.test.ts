import { randomUUID } from 'node:crypto';
import { type Orchestrator, OrchestratorError } from '../../api/orchestrator/orchestrator';
import { pickNextHandler } from '../fixtures/assignee-definitions';
import { publishDefinition } from '../support/runtime-fixtures';
import { describeLive } from '../support/temporal-live-env';
import {
  type BothRuntimes,
  projectionOf,
  settleTemporal,
  startBothRuntimes,
} from '../support/temporal-runtimes';

// A step's handler chosen by the previous step's actor (a `user` field and a `variable` rule,
// docs/projects-and-tasks.md "Who gets a task") on a real Temporal server and on the embedded
// runtime: a completion naming nobody is refused alike, the chosen person gets the task, and a
// `unitHead` step reaches the station's head (the heads travel on the `started` event).
jest.setTimeout(120_000);

describeLive(
  'assignees chosen by people and unit heads on Temporal and on the embedded runtime',
  (address) => {
    let rt: BothRuntimes;
    let versionId: string;

    beforeAll(async () => {
      rt = await startBothRuntimes(address);
      versionId = await publishDefinition(
        rt.db.db.url,
        pickNextHandler({ key: 'pick-next-live', required: false, headStep: true }),
      );
    });
    afterAll(() => rt?.close());

    const settleOn = (orchestrator: Orchestrator, instanceId: string) =>
      orchestrator === rt.temporal ? settleTemporal(rt.client, instanceId) : rt.embedded.scheduler.drain();
    const as = (name: string) => ({ userId: rt.db.users[name]! });

    async function openTask(orchestrator: Orchestrator, instanceId: string, nodeId: string) {
      await settleOn(orchestrator, instanceId);
      const task = (await orchestrator.listOpenTasks({ instanceId })).find((t) => t.nodeId === nodeId);
      if (!task) throw new Error(`no open ${nodeId}`);
      return task;
    }

    /** Completes the draft naming nobody (refused), then naming the centre's supervisor. */
    async function scenario(orchestrator: Orchestrator): Promise<{ instanceId: string; refusal: string }> {
      const { instanceId } = await orchestrator.start({
        versionId,
        unitId: rt.db.stationId,
        title: 'chosen handler',
        input: {},
        actor: as('shegong'),
        idempotencyKey: randomUUID(),
      });
      const draft = await openTask(orchestrator, instanceId, 'draft');
      const complete = (data: Record<string, unknown>) =>
        orchestrator.send(
          instanceId,
          { type: 'taskCompleted', taskId: draft.engineTaskId, data },
          as('shegong'),
          randomUUID(),
        );
      const refusal = await complete({}).then(
        () => 'accepted',
        (error: unknown) =>
          error instanceof OrchestratorError
            ? `${error.code} ${error.details.map((d) => d.field).join()}`
            : String(error),
      );
      await complete({ handler: rt.db.users.zhongxin! });
      const handle = await openTask(orchestrator, instanceId, 'handle');
      await orchestrator.send(
        instanceId,
        { type: 'taskCompleted', taskId: handle.engineTaskId, data: {} },
        as('zhongxin'),
        randomUUID(),
      );
      await openTask(orchestrator, instanceId, 'headCheck');
      return { instanceId, refusal };
    }

    it('refuses a handler left unnamed and gives the step to the one named, alike on both', async () => {
      const onTemporal = await scenario(rt.temporal);
      const onEmbedded = await scenario(rt.embedded.orchestrator);
      expect(onTemporal.refusal).toBe('ASSIGNEE_UNRESOLVED handler');
      expect(onEmbedded.refusal).toBe(onTemporal.refusal);
      const rows = await projectionOf(rt.pool, onTemporal.instanceId);
      expect(rows).toEqual(await projectionOf(rt.pool, onEmbedded.instanceId));
      expect(rows.events.map((event) => event.type)).toEqual(['started', 'taskCompleted', 'taskCompleted']);
      const assignees = Object.fromEntries(
        (rows.tasks as { node_id: string; assignee_id: string | null }[]).map((t) => [
          t.node_id,
          t.assignee_id,
        ]),
      );
      // The chosen person handles the step; the station's head (unitHead) checks it.
      expect(assignees).toEqual({
        draft: rt.db.users.shegong,
        handle: rt.db.users.zhongxin,
        headCheck: rt.db.users.zhanzhang,
      });
    });
  },
);
