import { randomUUID } from 'node:crypto';
import { type Orchestrator, OrchestratorError } from '../../api/orchestrator/orchestrator';
import { liveChild, liveParent } from '../fixtures/temporal-live-definitions';
import { publishDefinition } from '../support/runtime-fixtures';
import { recordHistory } from '../support/temporal-history-recorder';
import { describeLive } from '../support/temporal-live-env';
import {
  type BothRuntimes,
  historyBytes,
  projectionOf,
  settleTemporal,
  startBothRuntimes,
  waitFor,
} from '../support/temporal-runtimes';

// Commands on a real Temporal server: refused synchronously by the update validator with the
// engine's code, duplicates answered without appending; and subprocess children as child workflows.
jest.setTimeout(120_000);

describeLive('commands and child workflows on Temporal and on the embedded runtime', (address) => {
  let rt: BothRuntimes;
  let officer: { userId: string };
  const versions: Record<string, string> = {};

  beforeAll(async () => {
    rt = await startBothRuntimes(address);
    officer = { userId: rt.db.users.shegong! };
    versions.lifecycle = rt.db.versionIds['project-lifecycle']!;
    versions.child = await publishDefinition(rt.db.db.url, liveChild);
    versions.parent = await publishDefinition(rt.db.db.url, liveParent);
  });
  afterAll(() => rt?.close());

  const settleOn = (orchestrator: Orchestrator) =>
    orchestrator === rt.temporal
      ? (id: string) => settleTemporal(rt.client, id)
      : () => rt.embedded.scheduler.drain();
  const both = () => [rt.temporal, rt.embedded.orchestrator];

  async function startLifecycle(orchestrator: Orchestrator) {
    const { instanceId } = await orchestrator.start({
      versionId: versions.lifecycle!,
      unitId: rt.db.stationId,
      title: 'commands',
      input: { projectName: '银龄守护' },
      actor: officer,
      idempotencyKey: randomUUID(),
    });
    await settleOn(orchestrator)(instanceId);
    const [task] = await orchestrator.listOpenTasks({ instanceId });
    return { instanceId, taskId: task!.engineTaskId };
  }

  const eventCount = async (instanceId: string) =>
    Number(
      (await rt.pool.query('SELECT count(*) AS n FROM instance_event WHERE instance_id = $1', [instanceId]))
        .rows[0].n,
    );

  it('an invalid form is refused synchronously with the engine code, and nothing is appended', async () => {
    const codes: string[] = [];
    for (const orchestrator of both()) {
      const { instanceId, taskId } = await startLifecycle(orchestrator);
      const refused = await orchestrator
        .send(instanceId, { type: 'taskCompleted', taskId, data: { targetGroup: 42 } }, officer, randomUUID())
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(refused).toBeInstanceOf(OrchestratorError);
      const error = refused as OrchestratorError;
      expect(error.rejected).toBe(true);
      expect(error.messages.zh).not.toBe('');
      expect(error.details.length).toBeGreaterThan(0);
      codes.push(error.code);
      expect(await eventCount(instanceId)).toBe(1);
      if (orchestrator === rt.temporal) {
        // The validator refused it: the update never entered the workflow's history.
        const history = await rt.client.workflow.getHandle(instanceId).fetchHistory();
        const updates = (history.events ?? []).filter(
          (event) => event.workflowExecutionUpdateAcceptedEventAttributes,
        );
        expect(
          updates.map(
            (event) => event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name,
          ),
        ).not.toContain('command');
      }
    }
    expect(codes).toEqual(['FORM_INVALID', 'FORM_INVALID']);
  });

  it('a repeated idempotency key is reported as a duplicate and appends nothing', async () => {
    for (const orchestrator of both()) {
      const { instanceId, taskId } = await startLifecycle(orchestrator);
      const key = randomUUID();
      const data = {
        targetGroup: '辖区独居老人',
        serviceDomain: '为老服务',
        needsSummary: '独居老人缺乏日常探访与应急支持',
      };
      const first = await orchestrator.send(
        instanceId,
        { type: 'taskCompleted', taskId, data },
        officer,
        key,
      );
      const again = await orchestrator.send(
        instanceId,
        { type: 'taskCompleted', taskId, data },
        officer,
        key,
      );
      expect(first.duplicate).toBe(false);
      expect(again).toMatchObject({ duplicate: true, revision: first.revision });
      expect(await eventCount(instanceId)).toBe(2);
    }
  });

  it('subprocess children run as child workflows and the parent waits for all of them', async () => {
    const people = [{ name: '张敏' }, { name: '李强' }];
    const run = async (orchestrator: Orchestrator) => {
      const settle = settleOn(orchestrator);
      const { instanceId } = await orchestrator.start({
        versionId: versions.parent!,
        unitId: rt.db.stationId,
        title: 'parent',
        input: { people },
        actor: officer,
        idempotencyKey: randomUUID(),
      });
      const children = await waitFor('children with open tasks', async () => {
        await settle(instanceId);
        const { rows } = await rt.pool.query<{ id: string; engine_task_id: string }>(
          `SELECT i.id, t.engine_task_id FROM process_instance i JOIN task t ON t.instance_id = i.id AND t.status = 'open'
           WHERE i.parent_id = $1 ORDER BY i.business_key`,
          [instanceId],
        );
        return rows.length === people.length ? rows : undefined;
      });
      expect(await orchestrator.listOpenTasks({ instanceId })).toEqual([]);
      // One child at a time, so both runtimes log the completions in the same order.
      for (const [i, child] of children.entries()) {
        await orchestrator.send(
          child.id,
          { type: 'taskCompleted', taskId: child.engine_task_id, data: { note: '已报到' } },
          officer,
          randomUUID(),
        );
        await waitFor(`the parent to hear of child ${i + 1}`, async () => {
          await settle(child.id).catch(() => undefined);
          await settle(instanceId);
          const { rows } = await rt.pool.query(
            `SELECT 1 FROM instance_event WHERE instance_id = $1 AND type = 'childCompleted'`,
            [instanceId],
          );
          return rows.length === i + 1 ? true : undefined;
        });
      }
      const [close] = await orchestrator.listOpenTasks({ instanceId });
      await orchestrator.send(
        instanceId,
        { type: 'taskCompleted', taskId: close!.engineTaskId, data: { note: '结项' } },
        officer,
        randomUUID(),
      );
      await settle(instanceId);
      return { instanceId, children: children.map((child) => child.id) };
    };
    const onTemporal = await run(rt.temporal);
    const onEmbedded = await run(rt.embedded.orchestrator);
    const a = await projectionOf(rt.pool, onTemporal.instanceId);
    expect(a.instance[0]).toMatchObject({ status: 'completed', outcome: 'closed' });
    expect(a).toEqual(await projectionOf(rt.pool, onEmbedded.instanceId));
    for (const [i, child] of onTemporal.children.entries())
      expect(await projectionOf(rt.pool, child)).toEqual(
        await projectionOf(rt.pool, onEmbedded.children[i]!),
      );
    const size = await historyBytes(rt.client, onTemporal.instanceId);
    console.log(`history subprocess parent: ${size.events} events, ${size.bytes} bytes`);
    await recordHistory(rt.client, onTemporal.instanceId, 'subprocess-parent');
    await recordHistory(rt.client, onTemporal.children[0]!, 'subprocess-child');
  });
});
