import { randomUUID } from 'node:crypto';
import { Worker } from '@temporalio/worker';
import { LATEST_CALENDAR_MAX_AGE_MS } from '../../activities/calendar-revisions';
import { addCalendarDay, deleteCalendarDay } from '../../api/admin/calendar.service';
import type { Caller } from '../../api/auth/caller';
import type { Orchestrator } from '../../api/orchestrator/orchestrator';
import { createDefinitionStore } from '../../api/runtime/definition-store';
import { replayInstance } from '../../api/runtime/replay-instance';
import { shippedCalendar } from '../../activities/working-day-calendar';
import { addWorkingDays } from '../../workflows/engine';
import { publishDefinition } from '../support/runtime-fixtures';
import { describeLive } from '../support/temporal-live-env';
import {
  type BothRuntimes,
  projectionOf,
  quietTemporalRuntime,
  settleTemporal,
  startBothRuntimes,
  waitFor,
  workflowSource,
} from '../support/temporal-runtimes';

// An admin's day off on a real Temporal server and on the embedded runtime: deadlines computed
// after it is saved skip it — on a command (the API stamps the calendar onto it) and on a timer
// (the workflow reads the calendar through an activity) — deadlines set before it stay, both
// runtimes leave the same rows, and the history replays after the calendar changed again.
jest.setTimeout(120_000);

const definition = {
  key: 'reply-then-follow-up',
  name: '答复后回访',
  nodes: [
    { id: 'start', kind: 'start', name: '开始' },
    { id: 'reply', kind: 'userTask', name: '答复来函', assignee: { type: 'starter' }, due: '1WD' },
    { id: 'wait', kind: 'timer', name: '稍候', timer: { type: 'duration', duration: 'PT1S' } },
    { id: 'followUp', kind: 'userTask', name: '回访', assignee: { type: 'starter' }, due: '1WD' },
    { id: 'end', kind: 'end', name: '结束' },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'reply' },
    { id: 'e2', from: 'reply', to: 'wait' },
    { id: 'e3', from: 'wait', to: 'followUp' },
    { id: 'e4', from: 'followUp', to: 'end' },
  ],
};

const dateInBeijing = (instant: string) =>
  new Date(new Date(instant).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

describeLive('an admin’s day off on Temporal and on the embedded runtime', (address) => {
  let rt: BothRuntimes;
  let versionId: string;
  let admin: Caller;

  beforeAll(async () => {
    rt = await startBothRuntimes(address);
    versionId = await publishDefinition(rt.db.db.url, definition);
    admin = {
      kind: 'session',
      userId: rt.db.users.admin!,
      username: 'admin',
      displayName: 'admin',
      userKind: 'person',
      mustChangePassword: false,
      assignments: [],
      sessionId: null,
      tokenId: null,
    };
  });
  afterAll(() => rt?.close());

  const officer = () => ({ userId: rt.db.users.shegong! });
  const settleOn = (orchestrator: Orchestrator, instanceId: string) =>
    orchestrator === rt.temporal ? settleTemporal(rt.client, instanceId) : rt.embedded.scheduler.drain();

  /** The open task at a node and its due date, once it is there (the embedded scheduler is driven here). */
  const openTask = (orchestrator: Orchestrator, instanceId: string, nodeId: string) =>
    waitFor(`${nodeId} of ${instanceId}`, async () => {
      await settleOn(orchestrator, instanceId);
      const { rows } = await rt.pool.query<{ engine_task_id: string; due_at: Date }>(
        `SELECT engine_task_id, due_at FROM task WHERE instance_id = $1 AND node_id = $2 AND status = 'open'`,
        [instanceId, nodeId],
      );
      return rows[0] && { taskId: rows[0].engine_task_id, due: dateInBeijing(rows[0].due_at.toISOString()) };
    });

  const start = async (orchestrator: Orchestrator) => {
    const { instanceId } = await orchestrator.start({
      versionId,
      unitId: rt.db.stationId,
      title: '来函',
      input: {},
      actor: officer(),
      idempotencyKey: randomUUID(),
    });
    return { instanceId, reply: await openTask(orchestrator, instanceId, 'reply') };
  };

  it('moves deadlines computed after the addition, by command and by timer, alike on both runtimes', async () => {
    const runtimes = [rt.temporal, rt.embedded.orchestrator] as const;
    const earlier = await Promise.all(runtimes.map(start));
    // The next working day by the shipped table becomes a day off.
    const dayOff = dateInBeijing(addWorkingDays(new Date().toISOString(), 1, shippedCalendar));
    for (const { reply } of earlier) expect(reply.due).toBe(dayOff);

    const added = await rt.db.prisma.$transaction((tx) =>
      addCalendarDay(tx, admin, { date: dayOff, kind: 'holiday', name: '本县补休' }),
    );
    await new Promise((resolve) => setTimeout(resolve, LATEST_CALENDAR_MAX_AGE_MS + 100));

    const later = await Promise.all(runtimes.map(start));
    // The reply finished: the timer fires and opens the follow-up, a system event on both runtimes.
    const followUps = await Promise.all(
      runtimes.map(async (orchestrator, index) => {
        const { instanceId, reply } = earlier[index]!;
        await orchestrator.send(
          instanceId,
          { type: 'taskCompleted', taskId: reply.taskId, data: {} },
          officer(),
          randomUUID(),
        );
        return openTask(orchestrator, instanceId, 'followUp');
      }),
    );
    for (const { reply } of later) {
      expect(reply.due).not.toBe(dayOff);
      expect(reply.due > dayOff).toBe(true);
    }
    expect(later[0]!.reply.due).toBe(later[1]!.reply.due);
    expect(followUps[0]!.due).toBe(followUps[1]!.due);
    expect(followUps[0]!.due).not.toBe(dayOff);
    // Deadlines set before the addition stay where they were.
    for (const { instanceId } of earlier) {
      const { rows } = await rt.pool.query<{ due_at: Date }>(
        `SELECT due_at FROM task WHERE instance_id = $1 AND node_id = 'reply'`,
        [instanceId],
      );
      expect(dateInBeijing(rows[0]!.due_at.toISOString())).toBe(dayOff);
    }

    // Same rows, the calendar revision in each event included.
    for (const [onTemporal, onEmbedded] of [earlier, later])
      expect(await projectionOf(rt.pool, onTemporal!.instanceId)).toEqual(
        await projectionOf(rt.pool, onEmbedded!.instanceId),
      );
    const { revision } = added.audit.after as { revision: number };
    const { events } = await projectionOf(rt.pool, earlier[0]!.instanceId);
    expect(
      events.map((event) => [event.type, (event.payload as { calendarRevision?: number }).calendarRevision]),
    ).toEqual([
      ['started', undefined],
      ['taskCompleted', revision],
      ['timerFired', revision],
    ]);

    // The admin removes the day again: nothing recorded changes meaning.
    await rt.db.prisma.$transaction((tx) => deleteCalendarDay(tx, added.item.id));
    const definitions = createDefinitionStore(rt.pool);
    for (const { instanceId } of [...earlier, ...later]) {
      const { rows } = await rt.pool.query<{ state: unknown }>(
        'SELECT state FROM process_instance WHERE id = $1',
        [instanceId],
      );
      expect(await replayInstance(rt.pool, definitions, instanceId)).toEqual(rows[0]!.state);
    }
    quietTemporalRuntime();
    for (const { instanceId } of [earlier[0]!, later[0]!]) {
      const history = await rt.client.workflow.getHandle(instanceId).fetchHistory();
      await Worker.runReplayHistory(workflowSource(), history, instanceId);
    }
  });
});
