import { randomUUID } from 'node:crypto';
import type { CommandEvent, Orchestrator } from '../../api/orchestrator/orchestrator';
import { migrationV1, migrationV2 } from '../fixtures/migration-definitions';
import { settledUpdate } from '../../workflows/temporal/process-messages';
import { publishDefinition } from '../support/runtime-fixtures';
import { recordHistory } from '../support/temporal-history-recorder';
import { startTemporalDevServer, type TemporalDevServer } from '../support/temporal-dev-server';
import { driveExample, exampleUsers, loadExample } from '../support/temporal-example-driver';
import { describeLive, temporalTestEnv } from '../support/temporal-live-env';
import {
  type BothRuntimes,
  projectionOf,
  settleTemporal,
  startBothRuntimes,
} from '../support/temporal-runtimes';

// Long histories: continue-as-new forced by a low threshold while tasks are open and handlers are
// in flight (a server of its own, since the threshold is server-wide). A selection round's
// payloads against Temporal's limits are measured in temporal-live-talent-round.test.ts: its
// process carries the round id, not the applications, so they no longer grow with the round.
jest.setTimeout(180_000);

const CONTINUE_AFTER_EVENTS = 40;

async function unitsOf(rt: BothRuntimes) {
  const { rows } = await rt.pool.query<{ code: string; id: string }>('SELECT code, id FROM org_unit');
  const byCode = Object.fromEntries(rows.map((row) => [row.code, row.id]));
  return { 'station-1': byCode['LC-HJL']!, 'county-1': byCode.LC! };
}

/** Runs of one workflow id, oldest first (the dev server's visibility store lists them). */
async function runsOf(rt: BothRuntimes, workflowId: string): Promise<number> {
  let runs = 0;
  for await (const _ of rt.client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) runs += 1;
  return runs;
}

describeLive('long histories on Temporal', () => {
  describe('continue-as-new with a low threshold', () => {
    const cli = process.env[temporalTestEnv.cli];
    let server: TemporalDevServer | undefined;
    let rt: BothRuntimes;

    beforeAll(async () => {
      if (!cli) return;
      server = await startTemporalDevServer({
        cli,
        dynamicConfig: { 'limit.historyCount.suggestContinueAsNew': CONTINUE_AFTER_EVENTS },
      });
      rt = await startBothRuntimes(server.address);
    });
    afterAll(async () => {
      await rt?.close();
      await server?.stop();
    });

    (cli ? it : it.skip)(
      `venture philanthropy continues as new every ~${CONTINUE_AFTER_EVENTS} events and loses nothing`,
      async () => {
        const units = await unitsOf(rt);
        const events = loadExample('venture-philanthropy');
        const users = await exampleUsers(rt.pool, events, units, rt.db.users.shegong!);
        const drive = async (orchestrator: Orchestrator, settle: (id: string) => Promise<void>) => {
          const sent: Array<{ event: CommandEvent; actor: { userId: string } | null; key: string }> = [];
          const result = await driveExample(events, {
            orchestrator,
            versionId: rt.db.versionIds['venture-philanthropy']!,
            unitId: units['station-1'],
            users,
            settle,
            onSent: async (instanceId, command, result) => {
              sent.push(command);
              // Every command so far again, all at once: update handlers in flight while the run
              // is told to continue as new; each comes back a duplicate (keys carried over). Only
              // while the instance runs: see the closed-instance note in docs/temporal.md.
              if (result.status !== 'running') return;
              const again = await Promise.all(
                sent.map((c) => orchestrator.send(instanceId, c.event, c.actor, c.key)),
              );
              expect(again.map((r) => r.duplicate)).toEqual(sent.map(() => true));
            },
          });
          return { ...result, sent };
        };
        const onTemporal = await drive(rt.temporal, (id) => settleTemporal(rt.client, id));
        const onEmbedded = await drive(rt.embedded.orchestrator, () => rt.embedded.scheduler.drain());
        const runs = await runsOf(rt, onTemporal.instanceId);
        console.log(`continue-as-new: ${runs} runs for ${onTemporal.sent.length + 1} commands`);
        expect(runs).toBeGreaterThan(2);
        expect(await projectionOf(rt.pool, onTemporal.instanceId)).toEqual(
          await projectionOf(rt.pool, onEmbedded.instanceId),
        );
        await recordHistory(rt.client, onTemporal.instanceId, 'continued-venture-philanthropy');
      },
    );

    (cli ? it : it.skip)('a migrated instance continues as new on the version it moved to', async () => {
      const v1 = await publishDefinition(rt.db.db.url, migrationV1('continued-migration'));
      const v2 = await publishDefinition(rt.db.db.url, migrationV2('continued-migration'));
      const officer = { userId: rt.db.users.shegong! };
      const admin = { userId: rt.db.users.admin! };
      const { instanceId } = await rt.temporal.start({
        versionId: v1,
        unitId: rt.db.stationId,
        title: '迁移后续跑',
        input: {},
        actor: officer,
        idempotencyKey: randomUUID(),
      });
      expect(await rt.temporal.migrate(instanceId, v2, { fill: 'prepare' }, admin)).toMatchObject({
        migrated: true,
      });
      // Each settled update adds events to the history, until the server suggests continuing as new.
      for (let sent = 0; (await runsOf(rt, instanceId)) < 2; sent++) {
        expect(sent).toBeLessThan(CONTINUE_AFTER_EVENTS);
        await rt.client.workflow.getHandle(instanceId).executeUpdate(settledUpdate);
      }
      // The new run decides on version 2: its tasks exist only there.
      for (const nodeId of ['prepare', 'report']) {
        const [task] = await rt.temporal.listOpenTasks({ instanceId });
        expect(task?.nodeId).toBe(nodeId);
        await rt.temporal.send(
          instanceId,
          { type: 'taskCompleted', taskId: task!.engineTaskId, data: {} },
          officer,
          randomUUID(),
        );
      }
      expect((await rt.temporal.get(instanceId))?.status).toBe('completed');
    });
  });
});
