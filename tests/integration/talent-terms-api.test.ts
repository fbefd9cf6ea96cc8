import { Pool } from 'pg';
import type { TTalentDetail } from '../../api/talent/term-pool.types';
import { addDays } from '../../workflows/talent/calendar';
import { createTestClock } from '../support/test-clock';
import {
  ledgerOf,
  publishedRound,
  publishedTalent,
  shanghaiDate,
  startTerm,
  termVersionId,
  until,
  type PublishedTalent,
} from '../support/talent-terms';
import { startTestServer, type TestServer } from '../support/test-server';
import { addPerson, demoLogin, signInApi, type ApiCall } from '../support/work-api-steps';

// The talent pool (人才库) and the terms over HTTP: the office lists and reads its talents with the
// ledger, reports a move away or a misconduct with the day it took effect; the leading group's
// revocation approval arrives in its inbox.
jest.setTimeout(180_000);

interface Year {
  termYear: number;
  status: string;
  monthsDue: number;
  amountDueYuan: number;
  amountPaidYuan: number;
}

describe('talent pool and terms API', () => {
  const clock = createTestClock();
  let server: TestServer;
  let pool: Pool;
  let office: ApiCall;
  let versionId: string;
  let round: { roundId: string; roundName: string };
  let n = 500;

  beforeAll(async () => {
    server = await startTestServer({ clock: clock.now });
    pool = new Pool({ connectionString: server.databaseUrl, max: 3 });
    office = await signInApi(server, demoLogin(server, 'xuanba'));
    versionId = await termVersionId(pool);
    round = await publishedRound(pool, '2026 年度海右人才');
  });
  afterAll(async () => {
    await pool?.end();
    await server?.close();
  });

  const today = () => shanghaiDate(clock.now());

  /** A talent whose term process runs and has linked itself to the term. */
  async function runningTerm(field?: 'social_assistance'): Promise<PublishedTalent> {
    n += 1;
    const talent = await publishedTalent(pool, round, n, today(), field ? { field } : {});
    await startTerm(pool, server.orchestrator, talent, { versionId });
    await until('the term linked', async () => {
      const { rows } = await pool.query(
        'SELECT 1 FROM talent_term WHERE talent_id = $1 AND instance_id IS NOT NULL',
        [talent.talentId],
      );
      return rows.length > 0 || undefined;
    });
    return talent;
  }

  const detail = async (call: ApiCall, id: string) => {
    const res = await call('GET', `/api/talent/pool/${id}`);
    expect(res.status).toBe(200);
    return res.json as TTalentDetail;
  };

  async function openTaskOf(call: ApiCall, nodeId: string, view: 'mine' | 'candidates' = 'candidates') {
    return until(`an open ${nodeId}`, async () => {
      const res = await call('GET', `/api/tasks?view=${view}&limit=200`);
      return (res.json!.items as { id: string; nodeId: string }[]).find((task) => task.nodeId === nodeId);
    });
  }

  it('keeps talent terms out of the projects area: the centre’s supervisor neither lists, reads nor ends one', async () => {
    const talent = await runningTerm();
    const { rows } = await pool.query<{ instanceId: string; unitCode: string }>(
      `SELECT t.instance_id AS "instanceId", u.code AS "unitCode" FROM talent_term t
         JOIN process_instance i ON i.id = t.instance_id JOIN org_unit u ON u.id = i.unit_id
        WHERE t.talent_id = $1`,
      [talent.talentId],
    );
    const { instanceId, unitCode } = rows[0]!;
    // The term runs at the county (LC), the root of the centre supervisor's subtree.
    expect(unitCode).toBe('LC');
    const supervisor = await signInApi(server, demoLogin(server, 'zhongxin'));
    const listed = await supervisor('GET', '/api/projects?limit=200');
    expect(listed.status).toBe(200);
    expect((listed.json!.items as { id: string }[]).map((p) => p.id)).not.toContain(instanceId);
    expect((await supervisor('GET', `/api/projects/${instanceId}`)).status).toBe(404);
    const cancel = await supervisor('POST', `/api/projects/${instanceId}/cancel`, { reason: '越权终止' });
    expect(cancel.status).toBe(404);
    expect((await server.orchestrator.get(instanceId))?.status).toBe('running');
  });

  it('lists the pool with masked identity numbers and filters by title status, field and round', async () => {
    const general = await runningTerm();
    const assistance = await runningTerm('social_assistance');
    const page = await office('GET', '/api/talent/pool?limit=200');
    expect(page.status).toBe(200);
    const items = page.json!.items as {
      id: string;
      identityNumber: string;
      titleStatus: string;
      term: unknown;
    }[];
    const mine = items.find((item) => item.id === general.talentId)!;
    expect(mine).toMatchObject({
      name: general.personName,
      titleStatus: 'active',
      round: { id: round.roundId, title: round.roundName },
      term: { startsOn: general.startsOn, benefitsStoppedOn: null, revokedOn: null, finalRating: null },
    });
    expect(mine.identityNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    const ids = async (query: string) =>
      ((await office('GET', `/api/talent/pool?${query}`)).json!.items as { id: string }[]).map(
        (item) => item.id,
      );
    expect(await ids('field=social_assistance')).toEqual([assistance.talentId]);
    expect(await ids('titleStatus=revoked')).toEqual([]);
    expect(await ids(`roundId=${round.roundId}&limit=1`)).toHaveLength(1);
    expect((await office('GET', '/api/talent/pool?titleStatus=retired')).status).toBe(400);
    // Other roles have no pool; another talent id is not found.
    const officer = await signInApi(server, demoLogin(server, 'shegong'));
    expect((await officer('GET', '/api/talent/pool')).status).toBe(403);
    expect((await office('GET', '/api/talent/pool/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('shows the ledger per year with totals, and stops benefits from a reported move with the year pro-rated', async () => {
    const talent = await runningTerm();
    clock.advance('P1Y');
    await until('year 1 paid', async () =>
      (await ledgerOf(pool, talent.talentId)).length === 2 ? true : undefined,
    );
    const paid = await detail(office, talent.talentId);
    expect(
      paid.ledger!.years.map((y: Year) => [y.termYear, y.status, y.amountDueYuan, y.amountPaidYuan]),
    ).toEqual([
      [1, 'paid', 12000, 12000],
      [2, 'upcoming', 12000, 0],
      [3, 'upcoming', 12000, 0],
      [4, 'upcoming', 12000, 0],
    ]);
    expect(paid.ledger!.totals).toEqual({ dueYuan: 48000, paidYuan: 12000, outstandingYuan: 36000 });
    expect(
      paid.ledger!.entries.map((e: { kind: string; amountYuan: number }) => [e.kind, e.amountYuan]),
    ).toEqual([
      ['due', 12000],
      ['paid', 12000],
    ]);
    expect(paid.can).toEqual({ stopBenefits: true, reportMisconduct: true });

    const report = (body: unknown, key: string) =>
      office('POST', `/api/talent/pool/${talent.talentId}/reports`, body, { 'idempotency-key': key });
    // The effective date: within the term, not in the future, not inside a year already paid.
    const refusals = [
      { effectiveOn: addDays(today(), 1), zh: '不能晚于今天' },
      { effectiveOn: addDays(today(), -10), zh: '第 1 年津贴已发放' },
    ];
    for (const { effectiveOn, zh } of refusals) {
      const refused = await report({ kind: 'movedOutOfCity', effectiveOn }, `refused-${effectiveOn}`);
      expect(refused.status).toBe(422);
      expect(refused.json!.errors[0]).toMatchObject({
        field: 'effectiveOn',
        reasonZh: expect.stringContaining(zh),
      });
    }
    clock.advance('P6M');
    clock.advance('P10D');
    const effectiveOn = addDays(today(), -5);
    const moved = await report({ kind: 'movedOutOfCity', effectiveOn, note: '调往外省' }, 'moved-1');
    expect(moved.status).toBe(200);
    expect(moved.json!.can).toEqual({ stopBenefits: false, reportMisconduct: true });
    // The same key again answers the first result and sends nothing twice.
    const replay = await report({ kind: 'movedOutOfCity', effectiveOn, note: '调往外省' }, 'moved-1');
    expect(replay.status).toBe(200);
    expect(replay.json).toEqual(moved.json);
    await until('the pro-rated year', async () =>
      (await ledgerOf(pool, talent.talentId)).length === 4 ? true : undefined,
    );
    const stopped = await detail(office, talent.talentId);
    expect(stopped).toMatchObject({
      titleStatus: 'benefits_stopped',
      term: { benefitsStoppedOn: effectiveOn },
    });
    expect(stopped.ledger!.years.map((y: Year) => [y.status, y.monthsDue, y.amountPaidYuan])).toEqual([
      ['paid', 12, 12000],
      ['paid', 6, 6000],
      ['cancelled', 0, 0],
      ['cancelled', 0, 0],
    ]);
    expect(stopped.ledger!.totals).toEqual({ dueYuan: 18000, paidYuan: 18000, outstandingYuan: 0 });
    expect(stopped.statusEvents.map((e: { kind: string }) => e.kind)).toEqual([
      'moved_away',
      'benefits_stopped',
    ]);
    // Benefits already stopped: another stop is a conflict, in both languages.
    const again = await report({ kind: 'leftSocialWork', effectiveOn: today() }, 'left-1');
    expect(again.status).toBe(409);
    expect(again.json!.detailZh).toBe('该人才已停止享受待遇');
    const audits = await pool.query(
      `SELECT detail FROM audit_log WHERE action = 'talent.reported' AND resource_id = $1`,
      [talent.talentId],
    );
    expect(audits.rows).toHaveLength(1);
  });

  it('opens a misconduct case the office verifies; the leading group reads the talent and approves the revocation from its inbox', async () => {
    const talent = await runningTerm();
    const noNote = await office('POST', `/api/talent/pool/${talent.talentId}/reports`, {
      kind: 'misconduct',
      effectiveOn: today(),
    });
    expect(noNote.status).toBe(422);
    expect(noNote.json!.errors[0]).toMatchObject({ field: 'note' });
    const reported = await office('POST', `/api/talent/pool/${talent.talentId}/reports`, {
      kind: 'misconduct',
      effectiveOn: today(),
      note: '违规收取服务对象费用',
    });
    expect(reported.status).toBe(200);
    expect(reported.json!.can.reportMisconduct).toBe(false);
    const verify = await openTaskOf(office, 'verifyMisconduct');
    // The talent's page lists what the term waits for, linked to the task.
    const waiting = await office('GET', `/api/talent/pool/${talent.talentId}`);
    expect(waiting.json!.openTasks).toEqual([
      expect.objectContaining({
        id: verify.id,
        name: '选拔管理工作办公室核实',
        assignee: null,
        candidateRole: 'selection_office',
      }),
    ]);
    expect(
      (
        await office('POST', `/api/tasks/${verify.id}/complete`, {
          data: { misconductVerified: true, findings: '经核实属实' },
        })
      ).status,
    ).toBe(200);
    // The group's three seats are one step on the talent's page.
    const approval = await until('the group’s approval on the talent’s page', async () => {
      const steps = (await detail(office, talent.talentId)).openTasks.filter(
        (task) => task.name === '人才工作领导小组批准撤销',
      );
      return steps.length > 0 ? steps : undefined;
    });
    expect(approval).toEqual([
      expect.objectContaining({ seats: 3, assignee: null, candidateRole: 'leading_group' }),
    ]);
    const voters = [
      await signInApi(server, demoLogin(server, 'lingdao')),
      await signInApi(
        server,
        await addPerson(server, {
          username: 'lingdao-b',
          displayName: '领导小组成员乙',
          role: 'leading_group',
          unitCode: 'LC',
        }),
      ),
    ];
    // The leader's task names the talent and links to the talent's page, which the leader reads
    // (the report and the office's findings among the status events) but cannot report from.
    const seat = (await openTaskOf(voters[0]!, 'revocationApproval')) as unknown as {
      projectTitle: string;
      projectPath: string;
    };
    expect(seat.projectTitle).toContain(talent.personName);
    expect(seat.projectPath).toBe(`/talent/pool/${talent.talentId}`);
    const read = await detail(voters[0]!, talent.talentId);
    expect(read.name).toBe(talent.personName);
    expect(read.identityNumber).toContain('*');
    expect(read.statusEvents.map((event) => [event.kind, event.note])).toEqual([
      ['misconduct_reported', '违规收取服务对象费用'],
      ['misconduct_verified', '经核实属实'],
    ]);
    expect(read.can).toEqual({ stopBenefits: false, reportMisconduct: false });
    const byLeader = await voters[0]!('POST', `/api/talent/pool/${talent.talentId}/reports`, {
      kind: 'movedOutOfCity',
      effectiveOn: today(),
    });
    expect(byLeader.status).toBe(403);
    for (const [index, voter] of voters.entries()) {
      const seat = await openTaskOf(voter, 'revocationApproval');
      const voted = await voter('POST', `/api/tasks/${seat.id}/vote`, {
        vote: 'approve',
        comment: index === 0 ? '同意撤销' : '情况属实，同意',
      });
      expect(voted.status).toBe(200);
    }
    const revoked = await until('the title revoked', async () => {
      const body = await detail(office, talent.talentId);
      return body.term?.processStatus === 'completed' ? body : undefined;
    });
    expect(revoked).toMatchObject({
      titleStatus: 'revoked',
      term: { revokedOn: today(), benefitsStoppedOn: today() },
    });
    expect(revoked.can).toEqual({ stopBenefits: false, reportMisconduct: false });
    // The leading group's decision, written once by revokeTitle, on the page the leader reads.
    expect((await detail(voters[1]!, talent.talentId)).leadingDecisions).toEqual([
      {
        outcome: 'approved',
        decidedAt: expect.any(String),
        reason: '同意撤销；情况属实，同意',
        votes: [
          { displayName: expect.any(String), vote: 'approve', comment: '同意撤销' },
          { displayName: '领导小组成员乙', vote: 'approve', comment: '情况属实，同意' },
        ],
      },
    ]);
    const over = await office('POST', `/api/talent/pool/${talent.talentId}/reports`, {
      kind: 'misconduct',
      effectiveOn: today(),
      note: '再次举报',
    });
    expect(over.status).toBe(409);
    expect(over.json!.detailZh).toBe('该人才的管理期已结束，不能再报告');
  });
});
