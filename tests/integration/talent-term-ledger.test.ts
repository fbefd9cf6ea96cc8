import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createActivities } from '../../activities/create-activities';
import type { Orchestrator } from '../../api/orchestrator/orchestrator';
import { addYears } from '../../workflows/talent';
import { addDays } from '../../workflows/talent/calendar';
import { createTestClock } from '../support/test-clock';
import { startTestServer, type TestServer } from '../support/test-server';
import {
  ledgerOf,
  publishedRound,
  publishedTalent,
  shanghaiDate,
  startTerm,
  statusEventsOf,
  termVersionId,
  until,
  type PublishedTalent,
} from '../support/talent-terms';

// The built-in talent term over real rows on the embedded runtime: terms made as a published round
// makes them, the yearly timers driven by the test clock, the ledger read back from Postgres.
jest.setTimeout(180_000);

/** What a year owes and what was paid for it: `months` of 1,000 yuan each. */
const paidYear = (termYear: number, months: number) => [
  { termYear, kind: 'due', months, amountYuan: months * 1000 },
  { termYear, kind: 'paid', months, amountYuan: months * 1000 },
];
const full = (termYear: number) => paidYear(termYear, 12);

describe('talent terms on the embedded runtime', () => {
  const clock = createTestClock();
  let server: TestServer;
  let pool: Pool;
  let orchestrator: Orchestrator;
  let versionId: string;
  let round: { roundId: string; roundName: string };
  let people: Record<string, string>;
  let n = 100;

  beforeAll(async () => {
    server = await startTestServer({ clock: clock.now });
    orchestrator = server.orchestrator;
    pool = new Pool({ connectionString: server.databaseUrl, max: 3 });
    versionId = await termVersionId(pool);
    round = await publishedRound(pool, '2026 年度海右人才选拔');
    // The demo's three leaders (lingdao, lingdao2, lingdao3) hold the three seats of a revocation.
    const { rows } = await pool.query<{ username: string; id: string }>('SELECT username, id FROM app_user');
    people = Object.fromEntries(rows.map((row) => [row.username, row.id]));
  });
  afterAll(async () => {
    await pool?.end();
    await server?.close();
  });

  const today = () => shanghaiDate(clock.now());

  async function newTerm(): Promise<{ talent: PublishedTalent; instanceId: string }> {
    n += 1;
    const talent = await publishedTalent(pool, round, n, today());
    const instanceId = await startTerm(pool, orchestrator, talent, { versionId });
    await until('the term linked to its process', async () => {
      const { rows } = await pool.query(
        'SELECT 1 FROM talent_term WHERE talent_id = $1 AND instance_id = $2',
        [talent.talentId, instanceId],
      );
      return rows.length > 0 || undefined;
    });
    return { talent, instanceId };
  }

  const openTask = (instanceId: string, nodeId: string) =>
    until(`an open ${nodeId}`, async () => {
      const tasks = await orchestrator.listOpenTasks({ instanceId });
      const found = tasks.filter((task) => task.nodeId === nodeId);
      return found.length > 0 ? found : undefined;
    });

  const ledgerWith = (talentId: string, rows: number) =>
    until(`${rows} ledger rows`, async () => {
      const ledger = await ledgerOf(pool, talentId);
      return ledger.length >= rows ? ledger : undefined;
    });

  async function complete(
    instanceId: string,
    nodeId: string,
    data: Record<string, unknown>,
    user = 'xuanba',
  ) {
    const [task] = await openTask(instanceId, nodeId);
    await orchestrator.send(
      instanceId,
      { type: 'taskCompleted', taskId: task!.engineTaskId, data },
      { userId: people[user]! },
      randomUUID(),
    );
  }

  /** One anniversary: the clock passes it, the year's payment (if any) lands, the office assesses the year. */
  async function passYear(talent: PublishedTalent, instanceId: string, ledgerRows: number) {
    clock.advance('P1Y');
    await ledgerWith(talent.talentId, ledgerRows);
    await complete(instanceId, 'annualAssessment', { annualRating: '称职' });
    // The assessment is recorded by an action a moment later: wait, so later events follow it.
    await until('the assessment recorded', async () => {
      const events = await statusEventsOf(pool, talent.talentId);
      return (
        events.filter((event) => event.kind === 'annual_assessment').length === ledgerRows / 2 || undefined
      );
    });
  }

  async function report(instanceId: string, name: string, payload: Record<string, unknown>) {
    await orchestrator.send(
      instanceId,
      { type: 'external', name, payload },
      { userId: people.xuanba! },
      randomUUID(),
    );
  }

  const termRow = async (talentId: string) =>
    (
      await pool.query<{
        stopped: string | null;
        revoked: string | null;
        rating: string | null;
        title: string;
      }>(
        `SELECT to_char(tt.benefits_stopped_on, 'YYYY-MM-DD') AS stopped, to_char(tt.revoked_on, 'YYYY-MM-DD') AS revoked,
                tt.final_rating AS rating, t.title_status AS title
         FROM talent_term tt JOIN talent t ON t.id = tt.talent_id WHERE tt.talent_id = $1`,
        [talentId],
      )
    ).rows[0]!;

  it('pays 4 × 12,000 yuan over a full term, one sum at each anniversary, and records the final rating', async () => {
    const { talent, instanceId } = await newTerm();
    // Before the first anniversary nothing is due.
    clock.advance('P11M');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await ledgerOf(pool, talent.talentId)).toEqual([]);
    clock.advance('P1M');
    await ledgerWith(talent.talentId, 2);
    await complete(instanceId, 'annualAssessment', { annualRating: '优秀' });
    for (let year = 2; year <= 4; year += 1) await passYear(talent, instanceId, year * 2);
    await complete(instanceId, 'finalEvaluation', { finalRating: '优秀', summary: '四年考核均合格以上' });
    await until('the term completed', async () =>
      (await orchestrator.get(instanceId))?.status === 'completed' ? true : undefined,
    );
    expect(await ledgerOf(pool, talent.talentId)).toEqual([...full(1), ...full(2), ...full(3), ...full(4)]);
    expect(await termRow(talent.talentId)).toEqual({
      stopped: null,
      revoked: null,
      rating: 'excellent',
      title: 'ended',
    });
    expect((await orchestrator.get(instanceId))?.state.variables).toMatchObject({ eligibleToReapply: true });
    expect((await statusEventsOf(pool, talent.talentId)).map((event) => event.kind)).toEqual([
      'annual_assessment',
      'annual_assessment',
      'annual_assessment',
      'annual_assessment',
      'term_ended',
    ]);
  });

  it('pays year 1 in full and 6 months of year 2 to a talent who moves away in month 7 of year 2, and nothing after', async () => {
    const { talent, instanceId } = await newTerm();
    await passYear(talent, instanceId, 2);
    clock.advance('P6M');
    clock.advance('P10D');
    // Reported five days after it took effect: the effective date decides, not the day it is processed.
    const effectiveOn = addDays(today(), -5);
    await report(instanceId, 'movedOutOfCity', { effectiveOn, note: '调往外省工作' });
    await ledgerWith(talent.talentId, 4);
    for (let year = 2; year <= 4; year += 1) {
      clock.advance('P1Y');
      await complete(instanceId, 'annualAssessment', { annualRating: '称职' });
    }
    await openTask(instanceId, 'finalEvaluation');
    expect(await ledgerOf(pool, talent.talentId)).toEqual([...full(1), ...paidYear(2, 6)]);
    expect(await termRow(talent.talentId)).toEqual({
      stopped: effectiveOn,
      revoked: null,
      rating: null,
      title: 'benefits_stopped',
    });
    expect(await statusEventsOf(pool, talent.talentId)).toEqual(
      expect.arrayContaining([
        { kind: 'moved_away', effectiveOn },
        { kind: 'benefits_stopped', effectiveOn },
      ]),
    );
    // The title is kept: a second stop is not handled, the term runs to its final evaluation.
    await expect(report(instanceId, 'leftSocialWork', { effectiveOn: today() })).rejects.toMatchObject({
      code: 'EVENT_NOT_HANDLED',
    });
  });

  async function notesOf(talentId: string): Promise<Record<string, string | null>> {
    const { rows } = await pool.query<{ kind: string; note: string | null }>(
      `SELECT kind::text, detail->>'note' AS note FROM talent_status_event WHERE talent_id = $1 ORDER BY id`,
      [talentId],
    );
    return Object.fromEntries(rows.map((row) => [row.kind, row.note]));
  }

  it('revokes the title after verified misconduct approved by two of three leading-group seats, pro-rating year 2 at the effective date', async () => {
    const { talent, instanceId } = await newTerm();
    await passYear(talent, instanceId, 2);
    clock.advance('P3M');
    clock.advance('P2D');
    const effectiveOn = today();
    await report(instanceId, 'misconductReported', { effectiveOn, note: '违规收取服务对象费用' });
    await complete(instanceId, 'verifyMisconduct', { misconductVerified: true, findings: '经核实属实' });
    const seats = await openTask(instanceId, 'revocationApproval');
    expect(seats).toHaveLength(3);
    const comments = ['情节严重，同意撤销', undefined];
    for (const [index, user] of ['lingdao', 'lingdao2'].entries())
      await orchestrator.send(
        instanceId,
        {
          type: 'approvalVoted',
          taskId: seats[index]!.engineTaskId,
          vote: 'approve',
          ...(comments[index] ? { comment: comments[index] } : {}),
        },
        { userId: people[user]! },
        randomUUID(),
      );
    await until('the term revoked', async () =>
      (await orchestrator.get(instanceId))?.status === 'completed' ? true : undefined,
    );
    expect((await orchestrator.get(instanceId))?.state.outcome).toBe('revoked');
    expect(await ledgerOf(pool, talent.talentId)).toEqual([...full(1), ...paidYear(2, 3)]);
    expect(await termRow(talent.talentId)).toEqual({
      stopped: effectiveOn,
      revoked: effectiveOn,
      rating: null,
      title: 'revoked',
    });
    expect((await statusEventsOf(pool, talent.talentId)).map((event) => event.kind)).toEqual([
      'annual_assessment',
      'misconduct_reported',
      'misconduct_verified',
      'revocation_approved',
      'revoked',
      'benefits_stopped',
    ]);
    // Each record says its own part: the office's findings, the group's comment, the findings revoked on.
    expect(await notesOf(talent.talentId)).toMatchObject({
      misconduct_verified: '经核实属实',
      revocation_approved: '情节严重，同意撤销',
      revoked: '经核实属实',
    });
  });

  it('records the leading group’s decision once per effect: a rejection on dismissal, none after an unverified report', async () => {
    const { talent } = await newTerm();
    const activities = createActivities({ pool });
    const effectiveOn = today();
    const dismiss = (idempotencyKey: string, leadingDecision: unknown, kind = 'misconduct_dismissed') =>
      activities.runAction({
        instanceId: randomUUID(),
        actionId: 'action-7',
        action: 'recordTermEvent',
        params: {
          talentId: talent.talentId,
          kind,
          effectiveOn,
          note: '不予认定',
          leadingDecision,
        },
        idempotencyKey,
        context: { startedBy: people.xuanba! },
      });
    const rejected = {
      outcome: 'reject',
      votes: [
        { userId: people.lingdao!, vote: 'reject', comment: '情节轻微' },
        { userId: people.lingdao2!, vote: 'reject' },
      ],
    };
    // The office found the report untrue: the group never decided, whatever it decided before.
    await dismiss('dismiss-unverified', null);
    await dismiss('dismiss-returned', {
      outcome: 'return',
      votes: [{ userId: people.lingdao!, vote: 'return' }],
    });
    await dismiss('dismiss-rejected', rejected);
    await dismiss('dismiss-rejected', rejected); // a retry after the first attempt committed
    // The group's return for verification again is a decision of its own.
    const returned = {
      outcome: 'return',
      votes: [{ userId: people.lingdao3!, vote: 'return', comment: '请补充核实举报人陈述' }],
    };
    await dismiss('revocation-returned', returned, 'revocation_returned');
    // The dismissal the group decided says why it declined; the office's own dismissals its findings.
    const { rows: notes } = await pool.query<{ note: string }>(
      `SELECT detail->>'note' AS note FROM talent_status_event
        WHERE talent_id = $1 AND kind = 'misconduct_dismissed' ORDER BY id`,
      [talent.talentId],
    );
    expect(notes.map((n) => n.note)).toEqual(['不予认定', '不予认定', '情节轻微']);
    expect(await notesOf(talent.talentId)).toMatchObject({ revocation_returned: '请补充核实举报人陈述' });
    const { rows } = await pool.query(
      `SELECT subject::text, talent_id AS "talentId", round_id AS "roundId", outcome::text, reason,
              decided_by_id AS "decidedBy", votes FROM talent_leading_decision WHERE talent_id = $1 ORDER BY outcome::text`,
      [talent.talentId],
    );
    expect(rows).toEqual([
      {
        subject: 'revocation',
        talentId: talent.talentId,
        roundId: null,
        outcome: 'rejected',
        reason: '情节轻微',
        decidedBy: people.lingdao2,
        votes: rejected.votes,
      },
      {
        subject: 'revocation',
        talentId: talent.talentId,
        roundId: null,
        outcome: 'returned',
        reason: '请补充核实举报人陈述',
        decidedBy: people.lingdao3,
        votes: returned.votes,
      },
    ]);
  });

  it('never pays a year twice: a retried payment writes nothing new, and another payer finds the year paid', async () => {
    const { talent } = await newTerm();
    const activities = createActivities({ pool });
    const asOf = addYears(talent.startsOn, 1);
    const pay = (idempotencyKey: string) =>
      activities.runAction({
        instanceId: randomUUID(),
        actionId: 'action-2',
        action: 'payAllowance',
        params: { talentId: talent.talentId, termYear: 1, asOf },
        idempotencyKey,
        context: { startedBy: people.xuanba! },
      });
    const paid = { paid: [{ termYear: 1, months: 12, amountYuan: 12000 }] };
    expect(await pay('effect-a')).toEqual(paid);
    // The same effect again (a retry after its first attempt committed) reports what it did.
    expect(await pay('effect-a')).toEqual(paid);
    // Two payers at once with other keys: the term row serialises them, the year is paid already.
    expect(await Promise.all([pay('effect-b'), pay('effect-c')])).toEqual([{ paid: [] }, { paid: [] }]);
    // Nothing is paid before its anniversary.
    expect(
      await activities.runAction({
        instanceId: randomUUID(),
        actionId: 'action-5',
        action: 'payAllowance',
        params: { talentId: talent.talentId, termYear: 2, asOf: addDays(addYears(talent.startsOn, 2), -1) },
        idempotencyKey: 'effect-d',
        context: { startedBy: people.xuanba! },
      }),
    ).toEqual({ paid: [] });
    expect(await ledgerOf(pool, talent.talentId)).toEqual(full(1));
    // Version 1's parameters are refused for good (the runtime parks them), never paid.
    await expect(
      activities.runAction({
        instanceId: randomUUID(),
        actionId: 'action-9',
        action: 'payAllowance',
        params: { talentId: talent.talentId, monthlyAmountYuan: 1000, months: 12, year: 2 },
        idempotencyKey: 'effect-e',
        context: { startedBy: people.xuanba! },
      }),
    ).rejects.toMatchObject({ name: 'NonRetryableActionError' });
  });
});
