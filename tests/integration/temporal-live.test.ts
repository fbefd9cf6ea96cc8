import { randomUUID } from 'node:crypto';
import type { Orchestrator } from '../../api/orchestrator/orchestrator';
import { driveExample, exampleUsers, loadExample } from '../support/temporal-example-driver';
import { describeLive } from '../support/temporal-live-env';
import { recordHistory } from '../support/temporal-history-recorder';
import {
  type BothRuntimes,
  historyBytes,
  projectionOf,
  settleTemporal,
  startBothRuntimes,
} from '../support/temporal-runtimes';

// The four built-in definitions driven through their documented examples on a real Temporal server
// and on the embedded runtime must leave the same projection rows.
jest.setTimeout(120_000);

/**
 * Each example as far as it goes without its system events: the rest waits on timers of days or
 * years (see temporal-live-timers.test.ts for those, scaled to seconds) or on talent actions. The
 * selection round's screening finds no row for the example's round id and waits with an incident
 * on both runtimes; temporal-live-talent-round.test.ts runs a whole round over real rows.
 */
const builtIns: Array<
  [key: 'project-lifecycle' | 'venture-philanthropy' | 'talent-selection-round' | 'talent-term', sent: number]
> = [
  ['project-lifecycle', 5],
  ['venture-philanthropy', 11],
  ['talent-selection-round', 2],
  ['talent-term', 1],
];

describeLive('built-in definitions on Temporal and on the embedded runtime', (address) => {
  let rt: BothRuntimes;
  let users: Map<string, string>;
  let units: Record<string, string>;

  beforeAll(async () => {
    rt = await startBothRuntimes(address);
    const { rows } = await rt.pool.query<{ code: string; id: string }>('SELECT code, id FROM org_unit');
    const byCode = Object.fromEntries(rows.map((row) => [row.code, row.id]));
    units = { 'station-1': byCode['LC-HJL']!, 'county-1': byCode.LC! };
    users = new Map();
    for (const [key] of builtIns)
      for (const [example, id] of await exampleUsers(rt.pool, loadExample(key), units, rt.db.users.shegong!))
        users.set(example, id);
  });
  afterAll(() => rt?.close());

  const settlers = () => ({
    temporal: (id: string) => settleTemporal(rt.client, id),
    embedded: () => rt.embedded.scheduler.drain(),
  });

  async function drive(key: string, orchestrator: Orchestrator, settle: (id: string) => Promise<void>) {
    return driveExample(loadExample(key), {
      orchestrator,
      versionId: rt.db.versionIds[key]!,
      unitId: units['station-1']!,
      users,
      settle,
      title: key,
    });
  }

  it.each(builtIns)(
    '%s: the example (%i events sent) leaves the same rows on both runtimes',
    async (key, sent) => {
      const settle = settlers();
      const onTemporal = await drive(key, rt.temporal, settle.temporal);
      const onEmbedded = await drive(key, rt.embedded.orchestrator, settle.embedded);
      expect([onTemporal.sent, onEmbedded.sent]).toEqual([sent, sent]);
      const a = await projectionOf(rt.pool, onTemporal.instanceId);
      const b = await projectionOf(rt.pool, onEmbedded.instanceId);
      expect(a).toEqual(b);
      const size = await historyBytes(rt.client, onTemporal.instanceId);
      console.log(
        `history ${key}: ${onTemporal.sent} example events sent, ${size.events} history events, ${size.bytes} bytes, largest payload ${size.largestPayload} bytes`,
      );
      await recordHistory(rt.client, onTemporal.instanceId, `built-in-${key}`);
    },
  );

  it('project lifecycle: a returned and then rejected application leaves the same rows on both runtimes', async () => {
    const settle = settlers();
    const officer = { userId: rt.db.users.shegong! };
    const head = { userId: users.get('headApproval-voter-0')! };
    const assessment = loadExample('project-lifecycle').find((event) => event.type === 'taskCompleted');
    if (assessment?.type !== 'taskCompleted') throw new Error('the example completes the assessment');

    async function returnThenReject(orchestrator: Orchestrator, settleOne: (id: string) => Promise<void>) {
      const { instanceId } = await orchestrator.start({
        versionId: rt.db.versionIds['project-lifecycle']!,
        unitId: units['station-1']!,
        title: 'returned',
        input: { projectName: '银龄守护' },
        actor: officer,
        idempotencyKey: randomUUID(),
      });
      const votes = ['return', 'reject'] as const;
      for (const vote of votes) {
        await settleOne(instanceId);
        const [assess] = await orchestrator.listOpenTasks({ instanceId });
        await orchestrator.send(
          instanceId,
          { type: 'taskCompleted', taskId: assess!.engineTaskId, data: assessment!.data ?? {} },
          officer,
          randomUUID(),
        );
        await settleOne(instanceId);
        const [approval] = await orchestrator.listOpenTasks({ instanceId });
        expect(approval?.kind).toBe('approval');
        await orchestrator.send(
          instanceId,
          { type: 'approvalVoted', taskId: approval!.engineTaskId, vote },
          head,
          randomUUID(),
        );
      }
      await settleOne(instanceId);
      return instanceId;
    }
    const a = await projectionOf(rt.pool, await returnThenReject(rt.temporal, settle.temporal));
    const b = await projectionOf(rt.pool, await returnThenReject(rt.embedded.orchestrator, settle.embedded));
    expect(a.events.map((event) => event.type)).toEqual([
      'started',
      'taskCompleted',
      'approvalVoted',
      'taskCompleted',
      'approvalVoted',
    ]);
    expect(a).toEqual(b);
  });
});
