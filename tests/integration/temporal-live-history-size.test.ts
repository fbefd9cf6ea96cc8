import { randomUUID } from 'node:crypto';
import type { CommandEvent, Orchestrator } from '../../api/orchestrator/orchestrator';
import { recordHistory } from '../support/temporal-history-recorder';
import { startTemporalDevServer, type TemporalDevServer } from '../support/temporal-dev-server';
import { driveExample, exampleUsers, loadExample } from '../support/temporal-example-driver';
import { describeLive, temporalTestEnv } from '../support/temporal-live-env';
import {
  type BothRuntimes,
  historyBytes,
  projectionOf,
  settleTemporal,
  startBothRuntimes,
} from '../support/temporal-runtimes';

// Long histories: continue-as-new forced by a low threshold while tasks are open and handlers are
// in flight (a server of its own, since the threshold is server-wide), and a selection round with
// 2,000 applications measured against Temporal's limits (2 MB per payload, 50 MB per history).
jest.setTimeout(180_000);

const CONTINUE_AFTER_EVENTS = 40;
/** 2,000 takes minutes on two cores (each transition carries the whole list): CI runs fewer and projects. */
const APPLICATIONS = Number(process.env.SGF_LIVE_APPLICATIONS ?? 300);
/** Temporal refuses more than 10 updates in flight per workflow (RESOURCE_EXHAUSTED). */
const IN_FLIGHT = 8;
const MB = 1024 * 1024;

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

describeLive('long histories on Temporal', (address) => {
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
  });

  describe(`a selection round with ${APPLICATIONS} applications`, () => {
    let rt: BothRuntimes;
    beforeAll(async () => {
      rt = await startBothRuntimes(address);
    });
    afterAll(() => rt?.close());

    it('stays inside 2 MB per payload and 50 MB per history run', async () => {
      const units = await unitsOf(rt);
      const { instanceId } = await rt.temporal.start({
        versionId: rt.db.versionIds['talent-selection-round']!,
        unitId: units['station-1'],
        title: `${APPLICATIONS} applications`,
        input: { roundName: '2025 年“海右”人才选拔' },
        actor: { userId: rt.db.users.shegong! },
        idempotencyKey: randomUUID(),
      });
      const startedAt = Date.now();
      const batch = IN_FLIGHT;
      for (let i = 0; i < APPLICATIONS; i += batch)
        await Promise.all(
          Array.from({ length: Math.min(batch, APPLICATIONS - i) }, (_, j) =>
            rt.temporal.send(
              instanceId,
              {
                type: 'external',
                name: 'applicationSubmitted',
                payload: { id: `c${i + j}`, name: `申报人${i + j}`, field: '养老服务', yearsInSocialWork: 6 },
              },
              null,
              `application-${i + j}`,
            ),
          ),
        );
      await settleTemporal(rt.client, instanceId);
      const seconds = (Date.now() - startedAt) / 1000;
      const state = await rt.pool.query<{ bytes: number; n: number }>(
        `SELECT octet_length(state::text) AS bytes, jsonb_array_length(state->'variables'->'applications') AS n
         FROM process_instance WHERE id = $1`,
        [instanceId],
      );
      const size = await historyBytes(rt.client, instanceId);
      const runs = await runsOf(rt, instanceId);
      const { bytes: stateBytes, n } = state.rows[0]!;
      // Every transition carries the whole list: payloads grow by one application's bytes each.
      const perApplication = stateBytes / n;
      const projected = size.largestPayload + (2_000 - n) * perApplication;
      console.log(
        `${n} applications: ${seconds.toFixed(1)} s; instance state ${(stateBytes / 1024).toFixed(0)} kB (${perApplication.toFixed(0)} B per application in the variables); ` +
          `${runs} runs, last run ${size.events} history events, ${(size.bytes / MB).toFixed(2)} MB, largest payload ${(size.largestPayload / 1024).toFixed(0)} kB; ` +
          `largest payload projected for 2,000: ${(projected / 1024).toFixed(0)} kB`,
      );
      expect(n).toBe(APPLICATIONS);
      expect(projected).toBeLessThan(2 * MB);
      expect(size.bytes).toBeLessThan(50 * MB);
    });
  });
});
