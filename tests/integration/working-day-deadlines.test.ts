// The embedded runtime counts a definition's working days (工作日) over the shipped holiday table,
// not Monday to Friday alone: a task due in one working day, opened on the eve of the 2026
// National Day holiday (1–7 October), falls due on 8 October, not on the 1st. An admin's own day
// off moves the deadlines computed after it is saved, never those set before it, and a replay of
// either instance counts over the calendar its transitions recorded.
import { LATEST_CALENDAR_MAX_AGE_MS } from '../../activities/calendar-revisions';
import { createPrismaClient, type Db } from '../../api/db/prisma-client';
import { replayInstance } from '../../api/runtime/replay-instance';
import { createDefinitionStore } from '../../api/runtime/definition-store';
import { createEmbeddedOrchestrator } from '../../api/orchestrator/embedded-orchestrator';
import { startTestServer, type TestServer } from '../support/test-server';
import { publishDefinition } from '../support/runtime-fixtures';
import { demoLogin, signInApi, type ApiCall } from '../support/work-api-steps';

jest.setTimeout(120_000);

/** Wednesday 30 September 2026, 10:00 in Beijing. */
const EVE_OF_NATIONAL_DAY = new Date('2026-09-30T02:00:00.000Z');

const definition = {
  key: 'one-working-day',
  name: '一个工作日内办结',
  nodes: [
    { id: 'start', kind: 'start', name: '开始' },
    {
      id: 'reply',
      kind: 'userTask',
      name: '答复来函',
      assignee: { type: 'starter' },
      due: '1WD',
      form: [{ name: 'answer', label: '答复', type: 'text', required: true }],
    },
    { id: 'end', kind: 'end', name: '结束' },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'reply' },
    { id: 'e2', from: 'reply', to: 'end' },
  ],
};

const waitForCalendarCache = () =>
  new Promise((resolve) => setTimeout(resolve, LATEST_CALENDAR_MAX_AGE_MS + 100));

describe('working-day deadlines on the embedded runtime', () => {
  let server: TestServer;
  let db: Db;
  let admin: ApiCall;
  let versionId: string;
  let started = 0;
  // The clock stands at the eve of the holiday for the whole test.
  beforeAll(async () => {
    server = await startTestServer({ clock: () => new Date(EVE_OF_NATIONAL_DAY) });
    db = createPrismaClient(server.databaseUrl, 2);
    versionId = await publishDefinition(server.databaseUrl, definition);
    admin = await signInApi(server, demoLogin(server, 'admin'));
  });
  afterAll(async () => {
    await db?.$disconnect();
    await server?.close();
  });

  /** Starts an instance as the officer; answers its id and its task's due date. */
  async function startReply(): Promise<{ instanceId: string; dueAt: string | undefined }> {
    const user = await db.user.findUniqueOrThrow({ where: { username: 'shegong' } });
    const unit = await db.orgUnit.findUniqueOrThrow({ where: { code: 'LC-HJL' } });
    const { instanceId } = await server.orchestrator.start({
      versionId,
      unitId: unit.id,
      title: '国庆前的来函',
      input: {},
      actor: { userId: user.id },
      idempotencyKey: `working-day-eve-${++started}`,
    });
    return { instanceId, dueAt: await dueAtOf(instanceId) };
  }

  async function dueAtOf(instanceId: string): Promise<string | undefined> {
    const task = await db.task.findFirstOrThrow({ where: { instanceId, nodeId: 'reply' } });
    return task.dueAt?.toISOString();
  }

  it('skips the public holiday when it counts a working day', async () => {
    // Monday to Friday alone would say Thursday 1 October.
    expect((await startReply()).dueAt).toBe('2026-10-08T02:00:00.000Z');
  });

  it('counts an admin’s day off in deadlines computed after it is saved, and moves none set before', async () => {
    const before = await startReply();
    const added = await admin('POST', '/api/admin/calendar', {
      date: '2026-10-08',
      kind: 'holiday',
      name: '本县补休',
    });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ date: '2026-10-08', kind: 'holiday', overridesShipped: null });
    await waitForCalendarCache();

    const after = await startReply();
    expect(after.dueAt).toBe('2026-10-09T02:00:00.000Z');
    expect(await dueAtOf(before.instanceId)).toBe('2026-10-08T02:00:00.000Z');

    // Each start recorded the calendar it counted with: none for the first, the addition's for the second.
    const revisions = await db.instanceEvent.findMany({
      where: { instanceId: { in: [before.instanceId, after.instanceId] } },
      select: { instanceId: true, payload: true },
    });
    const revisionOf = (id: string) =>
      (revisions.find((row) => row.instanceId === id)?.payload as { calendarRevision?: number })
        .calendarRevision;
    expect(revisionOf(before.instanceId)).toBeUndefined();
    expect(revisionOf(after.instanceId)).toBe((await db.calendarRevision.findFirstOrThrow()).revision);

    // Replays, by the server and by a runtime that never saw the calendar change, rebuild both states.
    const runtime = createEmbeddedOrchestrator({ databaseUrl: server.databaseUrl, poolSize: 2 });
    try {
      for (const { instanceId } of [before, after]) {
        const stored = await db.processInstance.findUniqueOrThrow({ where: { id: instanceId } });
        const replayed = await replayInstance(runtime.pool, createDefinitionStore(runtime.pool), instanceId);
        expect(replayed).toEqual(stored.state);
      }
    } finally {
      await runtime.orchestrator.close();
    }
  });

  it('says when an admin’s day overrides the shipped table, and refuses duplicates and days that change nothing', async () => {
    // 7 October 2026 is a public holiday in the shipped table: worked here, as an override.
    const override = await admin('POST', '/api/admin/calendar', {
      date: '2026-10-07',
      kind: 'workday',
      name: '本县调休上班',
    });
    expect(override.status).toBe(201);
    expect(override.json).toMatchObject({
      kind: 'workday',
      overridesShipped: 'holiday',
      createdBy: '系统管理员',
    });

    const duplicate = await admin('POST', '/api/admin/calendar', {
      date: '2026-10-07',
      kind: 'holiday',
      name: '重复',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json?.errors).toEqual([expect.objectContaining({ field: 'date' })]);

    // 1 October is a holiday already; Monday 12 October a working day already.
    for (const [date, kind] of [
      ['2026-10-01', 'holiday'],
      ['2026-10-12', 'workday'],
    ]) {
      const unchanged = await admin('POST', '/api/admin/calendar', { date, kind, name: '无效' });
      expect(unchanged.status).toBe(400);
      expect(unchanged.json?.errors).toEqual([expect.objectContaining({ field: 'kind' })]);
      // The message people read says why, in Chinese too (found by the fresh-eyes review).
      expect(unchanged.json?.detailZh).toMatch(/本来就是(工作日|休息日)，无需添加/);
    }
    for (const date of ['2026-13-01', '2026-02-29', '0000-01-01']) {
      const malformed = await admin('POST', '/api/admin/calendar', { date, kind: 'holiday', name: '无效' });
      expect(malformed.status).toBe(400);
      expect(malformed.json?.errors).toEqual([expect.objectContaining({ field: 'date' })]);
    }
    const yearZero = await admin('POST', '/api/admin/calendar', {
      date: '0000-01-01',
      kind: 'holiday',
      name: '无效',
    });
    expect(yearZero.json?.errors).toEqual([
      expect.objectContaining({ field: 'date', reasonZh: '年份须在 2000–2100 之间' }),
    ]);

    const year = await admin('GET', '/api/admin/calendar?year=2026');
    expect(year.status).toBe(200);
    expect(year.json?.shipped).toContainEqual({
      date: '2026-10-01',
      kind: 'holiday',
      name: { zh: '国庆节', en: 'National Day' },
    });
    expect((year.json?.additions as { date: string }[]).map((day) => day.date)).toEqual([
      '2026-10-07',
      '2026-10-08',
    ]);

    const audit = await db.auditLog.findMany({ where: { resourceType: 'calendar_day' } });
    expect(audit.map((row) => row.action)).toEqual(['calendar.day_added', 'calendar.day_added']);
  });

  it('counts the shipped table again for deadlines computed after an admin’s day is removed', async () => {
    const year = await admin('GET', '/api/admin/calendar?year=2026');
    for (const day of year.json?.additions as { id: string }[])
      expect((await admin('DELETE', `/api/admin/calendar/${day.id}`)).status).toBe(200);
    expect(await db.calendarDay.count()).toBe(0);
    await waitForCalendarCache();
    expect((await startReply()).dueAt).toBe('2026-10-08T02:00:00.000Z');
  });
});
