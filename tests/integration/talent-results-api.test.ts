// The office's results over the real product (HTTP, embedded PostgreSQL): screening results with the
// explanation as stored and the manual override (only in screening, reason required, cleared,
// one of two concurrent overrides wins), the ranking with every candidate's explanation (also for
// the leading group, read-only, and only over its subtree's ranked rounds), and the public-notice
// objections (only in notice; upheld marks the application removed). Earlier states are arranged
// by tests/support/talent-results-fixtures.ts with the pure rules' real outputs.
import type { Db } from '../../api/db/prisma-client';
import { DEFAULT_RUBRIC, weightedScore } from '../../workflows/talent';
import { arrangeRound, type ArrangedRound } from '../support/talent-results-fixtures';
import type { TestServer } from '../support/test-server';
import {
  type Call,
  signInDemoPeople,
  startAdminApi,
  stopAdminApi,
  unitIdByCode,
} from './support/api-callers';

jest.setTimeout(180_000);

const MASKED = /^3701\*{10}[\dX]{4}$/;
type Row = Record<string, unknown> & { applicationId: string; name: string };

describe('talent results API', () => {
  let server: TestServer;
  let prisma: Db;
  let admin: Call;
  let office: Call;
  let officeId: string;
  const as: Record<string, Call> = {};
  let county: string;
  let otherCounty: string;
  let screening: ArrangedRound;
  let ranked: ArrangedRound;

  beforeAll(async () => {
    const api = await startAdminApi();
    ({ server, prisma, admin } = api);
    const people = await signInDemoPeople(api, ['xuanba', 'zhuanjia', 'lingdao', 'shegong']);
    Object.assign(as, people.as);
    office = as.xuanba!;
    officeId = people.userId.xuanba!;
    county = await unitIdByCode(prisma, 'LC');
    otherCounty = (
      await prisma.orgUnit.create({
        data: { code: 'TR-OTHER', name: '另一个县指导中心', kind: 'county_center' },
      })
    ).id;
    screening = await arrangeRound(prisma, {
      unitId: county,
      createdById: officeId,
      title: '资格审查中的批次',
      status: 'screening',
      people: [
        { n: 21 },
        { n: 22, entry: { socialWorkSince: '2024-03-01', socialWorkYears: 2.8 } },
        { n: 23, entry: { unitType: 'enterprise' } },
        { n: 24 },
      ],
    });
    // Quota 6: two seats reserved for elderly services. 5 and 6 tie on score (6 holds a certificate);
    // 5 and 7 tie on score and credentials, and 5 applied first: 7 loses the last general seat.
    ranked = await arrangeRound(prisma, {
      unitId: county,
      createdById: officeId,
      title: '公示中的批次',
      status: 'notice',
      config: { allocation: { quota: 6 } },
      ranked: true,
      people: [
        { n: 31, score: 90 },
        { n: 32, score: 70, entry: { unitType: 'elderly_care_institution' } },
        { n: 33, score: 60, entry: { elderlyServices: true } },
        { n: 34, score: 85 },
        { n: 35, score: 80, entry: { certificates: [] } },
        { n: 36, score: 80 },
        { n: 37, score: 80, entry: { certificates: [] } },
        { n: 38, score: 70 },
        { n: 39, entry: { socialWorkSince: '2024-03-01', socialWorkYears: 2.8 } },
        { n: 40, score: null },
      ],
    });
  });
  afterAll(() => stopAdminApi({ server, prisma, admin }));

  const appOf = (round: ArrangedRound, n: number) => round.applications.find((a) => a.n === n)!;
  const items = (res: { json?: Record<string, unknown> }) => (res.json?.items ?? []) as Row[];

  describe('screening results', () => {
    it('lists every screened application with its explanation exactly as stored, identity numbers masked', async () => {
      const res = await office('GET', `/api/talent/rounds/${screening.roundId}/screening-results`);
      expect(res.status).toBe(200);
      const rows = items(res);
      expect(rows.map((r) => r.name)).toEqual(['申报人21', '申报人22', '申报人23', '申报人24']);
      for (const row of rows) {
        const stored = await prisma.talentApplication.findUniqueOrThrow({ where: { id: row.applicationId } });
        expect(row.explanation).toEqual(stored.screeningExplanation);
        expect(row.identityNumber).toMatch(MASKED);
      }
      const years = rows[1]!;
      expect(years).toMatchObject({
        screeningResult: 'ineligible',
        effectiveResult: 'ineligible',
        override: null,
      });
      const failed = (years.explanation as { checks: { rule: string; passed: boolean; values: unknown }[] })
        .checks;
      expect(failed.find((c) => c.rule === 'yearsInSocialWork')).toMatchObject({
        passed: false,
        values: { serviceMonths: 33, requiredMonths: 60, referenceDate: '2026-12-31' },
      });
      expect(JSON.stringify(res.json)).not.toContain(appOf(screening, 22).identityNumber);
      const unit = (rows[2]!.explanation as { checks: { rule: string; passed: boolean }[] }).checks;
      expect(unit.find((c) => c.rule === 'unitType')).toMatchObject({ passed: false });
    });

    it('filters by the effective result and pages without gaps', async () => {
      const base = `/api/talent/rounds/${screening.roundId}/screening-results`;
      const names = async (query: string) =>
        items(await office('GET', `${base}?${query}`)).map((r) => r.name);
      expect(await names('result=eligible')).toEqual(['申报人21', '申报人24']);
      expect(await names('result=ineligible')).toEqual(['申报人22', '申报人23']);
      expect(await names('result=overridden')).toEqual([]);
      const first = await office('GET', `${base}?limit=3`);
      const second = await office('GET', `${base}?limit=3&cursor=${first.json!.nextCursor as string}`);
      expect([...items(first), ...items(second)].map((r) => r.name)).toEqual([
        '申报人21',
        '申报人22',
        '申报人23',
        '申报人24',
      ]);
      expect(second.json!.nextCursor).toBeNull();
    });

    it('overrides with a required reason, audited with before and after, and clears the override', async () => {
      const id = appOf(screening, 22).applicationId;
      const path = `/api/talent/applications/${id}/screening-override`;
      const blank = await office('POST', path, { result: 'eligible', reason: '   ' });
      expect(blank.status).toBe(400);
      expect((blank.json!.errors as { field: string }[]).map((e) => e.field)).toEqual(['reason']);
      const same = await office('POST', path, { result: 'ineligible', reason: '核实无误' });
      expect(same.status).toBe(400);
      expect(same.json!.errors).toEqual([
        expect.objectContaining({ field: 'result', reasonZh: '与资格审查结果相同，无需调整' }),
      ]);

      const reason = '申报人 2019 年前在农村社区从事社会工作的证明已补交，年限满五年';
      const done = await office('POST', path, { result: 'eligible', reason });
      expect(done.status).toBe(200);
      expect(done.json).toMatchObject({
        screeningResult: 'ineligible',
        effectiveResult: 'eligible',
        status: 'eligible',
        override: {
          result: 'eligible',
          reason,
          by: { id: officeId, displayName: '刘洋（选拔管理工作办公室）' },
        },
      });
      // The rules' explanation stays as it was: the override sits beside it.
      expect(done.json!.explanation).toEqual(appOf(screening, 22).screening);
      const audit = await prisma.auditLog.findFirstOrThrow({
        where: { action: 'talent_application.screening_overridden', resourceId: id },
      });
      expect(audit.actorId).toBe(officeId);
      expect(audit.detail).toMatchObject({
        before: { status: 'ineligible', screeningResult: 'ineligible', override: null },
        after: { status: 'eligible', override: { result: 'eligible', reason } },
      });
      const overridden = await office(
        'GET',
        `/api/talent/rounds/${screening.roundId}/screening-results?result=overridden`,
      );
      expect(items(overridden).map((r) => r.name)).toEqual(['申报人22']);

      const again = await office('POST', path, { result: 'eligible', reason: '再次调整' });
      expect(again.status).toBe(409);
      expect(again.json).toMatchObject({
        code: 'CONFLICT',
        detailZh: '该申报的资格审查结果已被人工调整，请先撤销原调整',
      });

      const cleared = await office('DELETE', path);
      expect(cleared.status).toBe(200);
      expect(cleared.json).toMatchObject({
        override: null,
        effectiveResult: 'ineligible',
        status: 'ineligible',
      });
      const row = await prisma.talentApplication.findUniqueOrThrow({ where: { id } });
      expect([row.overrideResult, row.overrideReason, row.overrideById, row.overrideAt]).toEqual([
        null,
        null,
        null,
        null,
      ]);
      expect(
        await prisma.auditLog.count({
          where: { action: 'talent_application.screening_override_cleared', resourceId: id },
        }),
      ).toBe(1);
      expect((await office('DELETE', path)).status).toBe(409);
    });

    it('stores one of two concurrent overrides; the other is refused and changes nothing', async () => {
      const id = appOf(screening, 23).applicationId;
      const path = `/api/talent/applications/${id}/screening-override`;
      const answers = await Promise.all([
        office('POST', path, { result: 'eligible', reason: '第一位经办人：单位性质已核实为社会组织' }),
        office('POST', path, { result: 'eligible', reason: '第二位经办人：同时提交' }),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      const winner = answers.find((a) => a.status === 200)!;
      const row = await prisma.talentApplication.findUniqueOrThrow({ where: { id } });
      expect(row.overrideReason).toBe((winner.json!.override as { reason: string }).reason);
      expect(
        await prisma.auditLog.count({
          where: { action: 'talent_application.screening_overridden', resourceId: id },
        }),
      ).toBe(1);
      expect((await office('DELETE', path)).status).toBe(200);
    });

    it('refuses overrides once the round has left screening (409 naming the status, zh and en)', async () => {
      const id = appOf(screening, 24).applicationId;
      await prisma.talentRound.update({ where: { id: screening.roundId }, data: { status: 'review' } });
      try {
        const res = await office('POST', `/api/talent/applications/${id}/screening-override`, {
          result: 'ineligible',
          reason: '复核发现材料不实',
        });
        expect(res.status).toBe(409);
        expect(res.json).toMatchObject({
          code: 'TALENT_ROUND_STATE',
          roundStatus: 'review',
          detail: 'The round is review; screening results change only while it is screening.',
          detailZh: '选拔批次当前为“专家评审”，仅在“资格审查”阶段可以调整资格审查结果',
        });
        expect(
          (await prisma.talentApplication.findUniqueOrThrow({ where: { id } })).overrideResult,
        ).toBeNull();
        // A ranked round's application cannot be overridden either.
        const late = await office(
          'POST',
          `/api/talent/applications/${appOf(ranked, 31).applicationId}/screening-override`,
          {
            result: 'ineligible',
            reason: '复核',
          },
        );
        expect(late.status).toBe(409);
      } finally {
        await prisma.talentRound.update({ where: { id: screening.roundId }, data: { status: 'screening' } });
      }
    });
  });

  describe('ranking results', () => {
    it('lists the ranking in merit order with each explanation as stored, the cut lines and the deciding tie-breaks', async () => {
      const res = await office('GET', `/api/talent/rounds/${ranked.roundId}/ranking-results`);
      expect(res.status).toBe(200);
      const rows = items(res);
      expect(rows.map((r) => [r.name, r.rank, r.seatType])).toEqual([
        ['申报人31', 1, 'general'],
        ['申报人34', 2, 'general'],
        ['申报人36', 3, 'general'],
        ['申报人35', 4, 'general'],
        ['申报人37', 5, 'not_selected'],
        ['申报人32', 6, 'reserved'],
        ['申报人38', 7, 'not_selected'],
        ['申报人33', 8, 'reserved'],
        ['申报人40', null, 'not_selected'],
      ]);
      for (const row of rows) {
        const stored = await prisma.talentRankingResult.findUniqueOrThrow({
          where: { applicationId: row.applicationId },
        });
        expect(row.explanation).toEqual(stored.explanation);
        expect(row.identityNumber).toMatch(MASKED);
      }
      expect(res.json!.round).toMatchObject({
        quota: 6,
        reservedSeats: 2,
        reservedFilled: 2,
        generalFilled: 4,
        removed: 0,
        applicationCount: 10,
        cutLines: { reserved: 60, general: 80 },
      });
      const byName = (name: string) => rows.find((r) => r.name === name)!;
      expect(byName('申报人36').explanation).toMatchObject({ decidedBelow: 'priorityCredentials' });
      expect(byName('申报人37')).toMatchObject({
        explanation: {
          seat: 'notSelected',
          cutLines: { reserved: 60, general: 80 },
          seatDecision: { against: appOf(ranked, 35).candidateId, rule: 'submittedAt', won: false },
        },
        // The rival the explanation names by id, by name.
        namesById: { [appOf(ranked, 35).candidateId]: '申报人35' },
      });
      expect(byName('申报人40').explanation).toMatchObject({
        rank: null,
        message: { zh: '无最终得分（评审专家人数不足），不参加排名' },
      });
    });

    it('shows the raw mean of the submitted sheets beside the final score', async () => {
      const application = appOf(ranked, 31).applicationId;
      const second = await prisma.user.create({
        data: { username: 'tr-reviewer', displayName: '第二位专家', passwordHash: 'unusable' },
      });
      const sheets = [
        {
          reviewerId: (await prisma.user.findUniqueOrThrow({ where: { username: 'zhuanjia' } })).id,
          points: 0.9,
        },
        { reviewerId: second.id, points: 0.7 },
      ];
      for (const sheet of sheets)
        await prisma.talentReviewerAssignment.create({
          data: {
            applicationId: application,
            reviewerId: sheet.reviewerId,
            automatic: true,
            assignedById: officeId,
            submittedAt: new Date(),
            scores: {
              create: DEFAULT_RUBRIC.map((c) => ({ criterionKey: c.key, raw: c.maxScore * sheet.points })),
            },
          },
        });
      const raw = (points: number) =>
        weightedScore(
          DEFAULT_RUBRIC,
          Object.fromEntries(DEFAULT_RUBRIC.map((c) => [c.key, c.maxScore * points])),
        );
      const res = await office('GET', `/api/talent/rounds/${ranked.roundId}/ranking-results?limit=1`);
      expect(items(res)[0]).toMatchObject({
        name: '申报人31',
        finalScore: 90,
        reviewerCount: 2,
        rawMean: Math.round(((raw(0.9) + raw(0.7)) / 2) * 100) / 100,
      });
      const next = await office(
        'GET',
        `/api/talent/rounds/${ranked.roundId}/ranking-results?limit=8&cursor=${res.json!.nextCursor as string}`,
      );
      expect(items(next).map((r) => r.name)).toEqual([
        '申报人34',
        '申报人36',
        '申报人35',
        '申报人37',
        '申报人32',
        '申报人38',
        '申报人33',
        '申报人40',
      ]);
      expect(items(next)[0]).toMatchObject({ rawMean: null, reviewerCount: 0 });
      expect(next.json!.nextCursor).toBeNull();
    });

    it('lets the leading group read the ranked rounds of its subtree, and nothing else of the results but overrides and objections', async () => {
      const leading = as.lingdao!;
      const read = await leading('GET', `/api/talent/rounds/${ranked.roundId}/ranking-results`);
      expect(read.status).toBe(200);
      expect(items(read)).toHaveLength(9);
      expect(items(read).every((r) => MASKED.test(r.identityNumber as string))).toBe(true);
      // Not yet ranked: not before the leading group.
      expect((await leading('GET', `/api/talent/rounds/${screening.roundId}/ranking-results`)).status).toBe(
        404,
      );
      const elsewhere = await arrangeRound(prisma, {
        unitId: otherCounty,
        createdById: officeId,
        title: '另一个县的批次',
        status: 'approval',
        ranked: true,
        people: [{ n: 51, score: 88 }],
      });
      expect((await leading('GET', `/api/talent/rounds/${elsewhere.roundId}/ranking-results`)).status).toBe(
        404,
      );
      expect((await office('GET', `/api/talent/rounds/${elsewhere.roundId}/ranking-results`)).status).toBe(
        404,
      );

      const list = await leading('GET', '/api/talent/leading-group/rounds');
      expect(list.status).toBe(200);
      expect((list.json!.items as { id: string }[]).map((r) => r.id)).toEqual([ranked.roundId]);
      expect(list.json!.items).toEqual([
        expect.objectContaining({ title: '公示中的批次', status: 'notice', quota: 6, reservedSeats: 2 }),
      ]);

      // Read-only: every command and the office's other lists refuse the leading group.
      const application = appOf(ranked, 31).applicationId;
      for (const [method, path, body] of [
        ['GET', `/api/talent/rounds/${screening.roundId}/screening-results`],
        [
          'POST',
          `/api/talent/applications/${application}/screening-override`,
          { result: 'ineligible', reason: '越权' },
        ],
        ['DELETE', `/api/talent/applications/${application}/screening-override`],
        [
          'POST',
          `/api/talent/rounds/${ranked.roundId}/objections`,
          {
            applicationId: application,
            raisedBy: '群众',
            content: '越权',
            receivedAt: new Date().toISOString(),
          },
        ],
        ['GET', '/api/talent/rounds'],
      ] as const)
        expect([method, path, (await leading(method, path, body)).status]).toEqual([method, path, 403]);
    });

    it('refuses committee members, officers and admins', async () => {
      for (const caller of [as.zhuanjia!, as.shegong!, admin]) {
        expect((await caller('GET', `/api/talent/rounds/${ranked.roundId}/ranking-results`)).status).toBe(
          403,
        );
        expect((await caller('GET', '/api/talent/leading-group/rounds')).status).toBe(403);
        expect(
          (await caller('GET', `/api/talent/rounds/${screening.roundId}/screening-results`)).status,
        ).toBe(403);
      }
      expect((await office('GET', '/api/talent/leading-group/rounds')).status).toBe(403);
    });
  });

  describe('objections during the public notice', () => {
    // An hour ago: objections are received during the notice, never in the future.
    const receivedAt = new Date(Date.now() - 3_600_000).toISOString();

    it('records objections only against a selected candidate, only during the notice', async () => {
      const path = `/api/talent/rounds/${ranked.roundId}/objections`;
      const notSelected = await office('POST', path, {
        applicationId: appOf(ranked, 37).applicationId,
        raisedBy: '群众来信',
        content: '反映情况',
        receivedAt,
      });
      expect(notSelected.status).toBe(400);
      expect(notSelected.json!.errors).toEqual([
        expect.objectContaining({ field: 'applicationId', reasonZh: '该申报人不在公示的入选名单中' }),
      ]);
      const future = await office('POST', path, {
        applicationId: appOf(ranked, 31).applicationId,
        raisedBy: '群众来信',
        content: '反映情况',
        receivedAt: '2999-01-01T00:00:00.000Z',
      });
      expect(future.status).toBe(400);
      expect((future.json!.errors as { field: string }[])[0]!.field).toBe('receivedAt');
      const screeningRound = await office('POST', `/api/talent/rounds/${screening.roundId}/objections`, {
        applicationId: appOf(screening, 21).applicationId,
        raisedBy: '群众来信',
        content: '反映情况',
        receivedAt,
      });
      expect(screeningRound.status).toBe(409);
      expect(screeningRound.json).toMatchObject({
        code: 'TALENT_ROUND_STATE',
        detailZh: '选拔批次当前为“资格审查”，仅在“公示中”阶段可以登记异议',
      });
      expect(await prisma.talentObjection.count()).toBe(0);
    });

    it('dismisses one objection and upholds another, which marks the application removed; each decided once, audited', async () => {
      const path = `/api/talent/rounds/${ranked.roundId}/objections`;
      const target = appOf(ranked, 34);
      const heldBefore = (await office('GET', `/api/talent/rounds/${ranked.roundId}/ranking-results`)).json!
        .round as { generalFilled: number; cutLines: unknown };
      const key = { 'idempotency-key': 'objection-1' };
      const body = {
        applicationId: target.applicationId,
        raisedBy: '某社区居民（实名）',
        content: '反映其申报材料中的服务时长与实际不符',
        receivedAt,
      };
      const first = await office('POST', path, body, key);
      expect(first.status).toBe(201);
      const replay = await office('POST', path, body, key);
      expect(replay.status).toBe(201);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.json!.id).toBe(first.json!.id);
      expect(await prisma.talentObjection.count()).toBe(1);
      expect(first.json).toMatchObject({
        candidateName: '申报人34',
        applicationStatus: 'selected',
        decision: 'pending',
        recordedBy: { id: officeId },
      });
      expect(first.json!.identityNumber).toMatch(MASKED);

      const dismissed = await office('POST', `/api/talent/objections/${first.json!.id as string}/decision`, {
        decision: 'dismissed',
        reason: '经核实，服务时长有单位证明，异议不成立',
      });
      expect(dismissed.status).toBe(200);
      expect(dismissed.json).toMatchObject({ decision: 'dismissed', applicationStatus: 'selected' });
      const twice = await office('POST', `/api/talent/objections/${first.json!.id as string}/decision`, {
        decision: 'upheld',
        reason: '改判',
      });
      expect(twice.status).toBe(409);
      expect(twice.json).toMatchObject({ code: 'CONFLICT', decision: 'dismissed' });

      // Received after the first, so the list (in the order received) shows it second.
      const second = await office('POST', path, {
        ...body,
        content: '反映其曾受到行政处分，隐瞒未报',
        receivedAt: new Date(Date.now() - 1_800_000).toISOString(),
      });
      const upheld = await office('POST', `/api/talent/objections/${second.json!.id as string}/decision`, {
        decision: 'upheld',
        reason: '经核实确有处分记录，异议成立',
      });
      expect(upheld.status).toBe(200);
      expect(upheld.json).toMatchObject({
        decision: 'upheld',
        applicationStatus: 'removed',
        decidedBy: { id: officeId },
      });
      expect(
        (await prisma.talentApplication.findUniqueOrThrow({ where: { id: target.applicationId } })).status,
      ).toBe('removed');
      const audit = await prisma.auditLog.findFirstOrThrow({
        where: { action: 'talent_objection.decided', resourceId: second.json!.id as string },
      });
      expect(audit.detail).toMatchObject({
        before: { decision: 'pending', applicationStatus: 'selected' },
        after: { decision: 'upheld', applicationStatus: 'removed' },
      });
      expect(await prisma.auditLog.count({ where: { action: 'talent_objection.recorded' } })).toBe(2);

      const list = await office('GET', path);
      expect(items(list).map((o) => [o.decision, o.applicationStatus])).toEqual([
        ['dismissed', 'removed'],
        ['upheld', 'removed'],
      ]);
      expect(items(await office('GET', `${path}?decision=upheld`))).toHaveLength(1);
      // The ranking shows the removal until the notice ends and the list is redone.
      const ranking = await office('GET', `/api/talent/rounds/${ranked.roundId}/ranking-results`);
      // Its seat is no longer counted as filled (入选人数), while the cut lines stay the ranking's.
      expect(ranking.json!.round).toMatchObject({
        removed: 1,
        generalFilled: heldBefore.generalFilled - 1,
        cutLines: heldBefore.cutLines,
      });
      expect(items(ranking).find((r) => r.name === '申报人34')).toMatchObject({
        status: 'removed',
        seatType: 'general',
      });
      // A removed candidate is no longer on the list to object to.
      expect((await office('POST', path, body)).status).toBe(400);
    });

    it('decides nothing once the notice has ended', async () => {
      const recorded = await office('POST', `/api/talent/rounds/${ranked.roundId}/objections`, {
        applicationId: appOf(ranked, 31).applicationId,
        raisedBy: '匿名',
        content: '反映情况',
        receivedAt,
      });
      expect(recorded.status).toBe(201);
      await prisma.talentRound.update({ where: { id: ranked.roundId }, data: { status: 'approval' } });
      const late = await office('POST', `/api/talent/objections/${recorded.json!.id as string}/decision`, {
        decision: 'upheld',
        reason: '成立',
      });
      expect(late.status).toBe(409);
      expect(late.json).toMatchObject({ code: 'TALENT_ROUND_STATE', roundStatus: 'approval' });
      expect(
        (await prisma.talentObjection.findUniqueOrThrow({ where: { id: recorded.json!.id as string } }))
          .decision,
      ).toBe('pending');
      expect(
        (await prisma.talentApplication.findUniqueOrThrow({ where: { id: appOf(ranked, 31).applicationId } }))
          .status,
      ).toBe('selected');
    });

    it('shows the leading group the office’s overrides and the objections with their decisions, masked and read-only', async () => {
      const leading = as.lingdao!;
      // An override made during screening (arranged: the round is past screening now).
      await prisma.talentApplication.update({
        where: { id: appOf(ranked, 32).applicationId },
        data: {
          overrideResult: 'eligible',
          overrideReason: '补交了社会工作年限证明',
          overrideById: officeId,
          overrideAt: new Date('2026-12-02T02:00:00Z'),
        },
      });
      const overrides = await leading('GET', `/api/talent/rounds/${ranked.roundId}/screening-overrides`);
      expect(overrides.status).toBe(200);
      expect(items(overrides)).toEqual([
        expect.objectContaining({
          name: '申报人32',
          identityNumber: expect.stringMatching(MASKED),
          override: {
            result: 'eligible',
            reason: '补交了社会工作年限证明',
            by: { id: officeId, displayName: expect.any(String) },
            at: '2026-12-02T02:00:00.000Z',
          },
        }),
      ]);
      // The office reads the same list.
      expect(items(await office('GET', `/api/talent/rounds/${ranked.roundId}/screening-overrides`))).toEqual(
        items(overrides),
      );
      const objections = await leading('GET', `/api/talent/rounds/${ranked.roundId}/objections`);
      expect(objections.status).toBe(200);
      expect(items(objections).map((o) => [o.candidateName, o.decision, o.decisionReason])).toEqual(
        items(await office('GET', `/api/talent/rounds/${ranked.roundId}/objections`)).map((o) => [
          o.candidateName,
          o.decision,
          o.decisionReason,
        ]),
      );
      expect(items(objections).map((o) => o.decision)).toEqual(
        expect.arrayContaining(['upheld', 'dismissed', 'pending']),
      );
      expect(items(objections).every((o) => MASKED.test(o.identityNumber as string))).toBe(true);
      // Not before the leading group yet: a round in screening answers 404 to both lists.
      for (const list of ['screening-overrides', 'objections'])
        expect((await leading('GET', `/api/talent/rounds/${screening.roundId}/${list}`)).status).toBe(404);
    });
  });
});
