import { randomUUID } from 'node:crypto';
import type { Orchestrator } from '../../api/orchestrator/orchestrator';
import { fastBuiltIn } from '../fixtures/temporal-live-definitions';
import { addYears } from '../../workflows/talent';
import { addDays } from '../../workflows/talent/calendar';
import { publishDefinition } from '../support/runtime-fixtures';
import {
  ledgerOf,
  publishedRound,
  publishedTalent,
  shanghaiDate,
  startTerm,
  statusEventsOf,
} from '../support/talent-terms';
import { driveExample, exampleUsers, loadExample } from '../support/temporal-example-driver';
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

// Timers and deadlines firing for real: the built-ins with their durations scaled from days to
// seconds, on a Temporal server and on the embedded runtime side by side.
jest.setTimeout(120_000);

describeLive('timers and deadlines on Temporal and on the embedded runtime', (address) => {
  let rt: BothRuntimes;
  let units: Record<string, string>;
  const versions: Record<string, string> = {};

  beforeAll(async () => {
    rt = await startBothRuntimes(address);
    const { rows } = await rt.pool.query<{ code: string; id: string }>('SELECT code, id FROM org_unit');
    const byCode = Object.fromEntries(rows.map((row) => [row.code, row.id]));
    units = { 'station-1': byCode['LC-HJL']!, 'county-1': byCode.LC! };
    for (const key of ['project-lifecycle', 'talent-term'])
      versions[key] = await publishDefinition(rt.db.db.url, fastBuiltIn(key));
  });
  afterAll(() => rt?.close());

  const settleOn = (orchestrator: Orchestrator) =>
    orchestrator === rt.temporal
      ? (id: string) => settleTemporal(rt.client, id)
      : () => rt.embedded.scheduler.drain();

  async function driveBoth(key: string, patienceMs: number) {
    const events = loadExample(key);
    const users = await exampleUsers(rt.pool, events, units, rt.db.users.shegong!);
    const drive = (orchestrator: Orchestrator) =>
      driveExample(events, {
        orchestrator,
        versionId: versions[key]!,
        unitId: units['station-1']!,
        users,
        settle: settleOn(orchestrator),
        title: key,
        patienceMs,
      });
    // Side by side: each waits on its own timers.
    const [onTemporal, onEmbedded] = await Promise.all([drive(rt.temporal), drive(rt.embedded.orchestrator)]);
    return { onTemporal, onEmbedded };
  }

  it('task reminder and escalation: both notify the assignee, then the supervisors', async () => {
    const start = (orchestrator: Orchestrator) =>
      orchestrator.start({
        versionId: versions['project-lifecycle']!,
        unitId: units['station-1']!,
        title: 'deadlines',
        input: { projectName: '银龄守护' },
        actor: { userId: rt.db.users.shegong! },
        idempotencyKey: randomUUID(),
      });
    const [a, b] = await Promise.all([start(rt.temporal), start(rt.embedded.orchestrator)]);
    const templates = (instanceId: string, settle: (id: string) => Promise<void>) =>
      waitFor('reminder and escalation', async () => {
        await settle(instanceId);
        const { rows } = await rt.pool.query<{ template: string }>(
          'SELECT template FROM notification WHERE instance_id = $1 ORDER BY created_at',
          [instanceId],
        );
        return rows.length >= 2 ? rows.map((row) => row.template) : undefined;
      });
    const [onTemporal, onEmbedded] = await Promise.all([
      templates(a.instanceId, settleOn(rt.temporal)),
      templates(b.instanceId, settleOn(rt.embedded.orchestrator)),
    ]);
    expect(onTemporal).toEqual(['task.reminder', 'task.escalated']);
    expect(onEmbedded).toEqual(onTemporal);
    expect(await projectionOf(rt.pool, a.instanceId)).toEqual(await projectionOf(rt.pool, b.instanceId));
    // The one recorded history with notification activities (reminder and escalation).
    await recordHistory(rt.client, a.instanceId, 'timers-task-deadlines');
  });

  it('project lifecycle: the monthly monitoring cycle fires and the example runs to its end', async () => {
    const { onTemporal, onEmbedded } = await driveBoth('project-lifecycle', 8_000);
    const a = await projectionOf(rt.pool, onTemporal.instanceId);
    const b = await projectionOf(rt.pool, onEmbedded.instanceId);
    expect(a.events.filter((event) => event.type === 'timerFired').length).toBeGreaterThan(0);
    expect(a.instance[0]?.status).toBe(b.instance[0]?.status);
    // Durations are scaled to seconds of wall time, and each runtime fires its timers on its own
    // clock while the people's commands arrive: on a loaded machine a reminder may fire before a
    // reviewer's answer on one runtime and after it on the other. What the people did, in order, and
    // the tasks it left must agree; where the timers fell between them may not.
    const peoples = (events: { type: string }[]) =>
      events.map((event) => event.type).filter((type) => type !== 'timerFired');
    expect(b.events.filter((event) => event.type === 'timerFired').length).toBeGreaterThan(0);
    expect(peoples(a.events)).toEqual(peoples(b.events));
    expect(a.tasks).toEqual(b.tasks);
    const size = await historyBytes(rt.client, onTemporal.instanceId);
    console.log(
      `history project-lifecycle (timers): ${size.events} events, ${size.bytes} bytes, largest payload ${size.largestPayload} bytes`,
    );
    await recordHistory(rt.client, onTemporal.instanceId, 'timers-project-lifecycle');
  });

  it("talent term: each anniversary's timer pays its year into the ledger and a move away pro-rates the year it falls in, alike on both runtimes", async () => {
    // Started two years and 70 days ago: the first two anniversaries are past, so their timers fire
    // at once; the third waits, and the move away today pro-rates year 3 at 2 whole months.
    const termStart = addDays(addYears(shanghaiDate(new Date()), -2), -70);
    const round = await publishedRound(rt.pool, '动态管理（两种运行时）');
    const run = async (orchestrator: Orchestrator, n: number) => {
      const talent = await publishedTalent(rt.pool, round, n, termStart);
      const instanceId = await startTerm(rt.pool, orchestrator, talent, {
        versionId: versions['talent-term']!,
      });
      const office = { userId: rt.db.users.xuanba! };
      for (let year = 1; year <= 2; year += 1) {
        const settle = settleOn(orchestrator);
        const task = await waitFor(`the assessment of year ${year}`, async () => {
          await settle(instanceId);
          const open = await orchestrator.listOpenTasks({ instanceId });
          return open.find((t) => t.nodeId === 'annualAssessment');
        });
        await orchestrator.send(
          instanceId,
          { type: 'taskCompleted', taskId: task.engineTaskId, data: { annualRating: '称职' } },
          office,
          randomUUID(),
        );
      }
      await waitFor('the third year waiting', async () => {
        await settleOn(orchestrator)(instanceId);
        const view = await orchestrator.get(instanceId);
        return view?.state.variables.termYear === 3 && Object.keys(view.state.pendingActions).length === 0
          ? true
          : undefined;
      });
      await orchestrator.send(
        instanceId,
        {
          type: 'external',
          name: 'movedOutOfCity',
          payload: { effectiveOn: shanghaiDate(new Date()), note: '调往外省工作' },
        },
        office,
        randomUUID(),
      );
      const ledger = await waitFor('the pro-rated year', async () => {
        await settleOn(orchestrator)(instanceId);
        const rows = await ledgerOf(rt.pool, talent.talentId);
        return rows.length >= 6 ? rows : undefined;
      });
      return { instanceId, talent, ledger, events: await statusEventsOf(rt.pool, talent.talentId) };
    };
    const [onTemporal, onEmbedded] = await Promise.all([
      run(rt.temporal, 301),
      run(rt.embedded.orchestrator, 302),
    ]);
    const paid = (termYear: number, months: number) => [
      { termYear, kind: 'due', months, amountYuan: months * 1000 },
      { termYear, kind: 'paid', months, amountYuan: months * 1000 },
    ];
    expect(onTemporal.ledger).toEqual([...paid(1, 12), ...paid(2, 12), ...paid(3, 2)]);
    expect(onEmbedded.ledger).toEqual(onTemporal.ledger);
    expect(onEmbedded.events).toEqual(onTemporal.events);
    // The same process rows, apart from whose term it is and how many reminders fired meanwhile.
    const rows = async (instanceId: string) => {
      const projection = await projectionOf(rt.pool, instanceId);
      return {
        ...projection,
        instance: projection.instance.map((row) => {
          const { variables, status, outcome } = row as {
            variables?: object;
            status: string;
            outcome: unknown;
          };
          return {
            status,
            outcome,
            variables: { ...variables, talentId: '<talent>', personName: '<person>' },
          };
        }),
      };
    };
    const a = await rows(onTemporal.instanceId);
    const b = await rows(onEmbedded.instanceId);
    // Reminders (scaled to seconds) may fire on one runtime and not the other while people act.
    const peoples = (events: { type: string }[]) =>
      events.map((event) => event.type).filter((type) => type !== 'timerFired');
    expect(peoples(a.events)).toEqual(peoples(b.events));
    expect(a.instance).toEqual(b.instance);
    expect(a.tasks).toEqual(b.tasks);
    await recordHistory(rt.client, onTemporal.instanceId, 'timers-talent-term');
  });
});
