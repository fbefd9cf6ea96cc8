// Committee review over the real product (HTTP, embedded PostgreSQL): the selection office (xuanba)
// assigns reviewers automatically (balanced, deterministic, never a conflicted one, refused whole
// on a shortage) and by hand; committee members (zhuanjia and the demo committee) see their
// assignments masked in the blind phase, save drafts, submit (which locks), declare conflicts, and
// see the others' scores only once all have submitted. Rounds reach `review` through
// tests/support/talent-review-round.ts (screening and the status written as rows: engineer A
// builds that transition in parallel).
import type { Db } from '../../api/db/prisma-client';
import type { TAssignmentOverview, TMyAssignment, TReviewMaterial } from '../../api/talent/review-types';
import { DEFAULT_RUBRIC, weightedScore } from '../../workflows/talent';
import type { TestServer } from '../support/test-server';
import { identityNumberFor } from '../support/talent-entries';
import { roundInReview, type ReviewApplicant } from '../support/talent-review-round';
import {
  type Call,
  signInDemoPeople,
  startAdminApi,
  stopAdminApi,
  unitIdByCode,
} from './support/api-callers';

jest.setTimeout(240_000);

const COMMITTEE = ['zhuanjia', 'zhuanjia2', 'zhuanjia3', 'zhuanjia4', 'zhuanjia5', 'zhuanjia6', 'zhuanjia7'];
const FULL_SHEET = { performance: 90, competence: 80, innovation: 70, ethics: 100 };

describe('talent committee review API', () => {
  let server: TestServer;
  let prisma: Db;
  let admin: Call;
  const as: Record<string, Call> = {};
  const userId: Record<string, string> = {};
  let county: string;
  let station: string;
  let office: Call;
  let people = 5000;

  beforeAll(async () => {
    const api = await startAdminApi();
    ({ server, prisma, admin } = api);
    const signed = await signInDemoPeople(api, [...COMMITTEE, 'xuanba', 'shegong', 'lingdao']);
    Object.assign(as, signed.as);
    Object.assign(userId, signed.userId);
    office = as.xuanba!;
    county = await unitIdByCode(prisma, 'LC');
    station = await unitIdByCode(prisma, 'LC-HJL');
  });
  afterAll(() => stopAdminApi({ server, prisma, admin }));

  const applicants = (count: number, extra: Partial<ReviewApplicant> = {}): ReviewApplicant[] =>
    Array.from({ length: count }, () => ({ n: ++people, ...extra }));
  const review = (config: Record<string, unknown>) => ({ review: config });
  const overviewOf = async (roundId: string) => {
    const res = await office('GET', `/api/talent/rounds/${roundId}/review-assignments`);
    expect(res.status).toBe(200);
    return res.json as unknown as TAssignmentOverview;
  };
  const pairsOf = (o: TAssignmentOverview) =>
    o.applications.flatMap((a) => a.reviewers.map((r) => `${a.applicationId}:${r.reviewerId}`)).sort();
  const fieldsOf = (res: { json?: Record<string, unknown> | undefined }) =>
    ((res.json?.errors ?? []) as { field: string }[]).map((e) => e.field).sort();

  it('gives every effectively eligible application its reviewers, balanced and the same on every run, audited', async () => {
    const { roundId, applicationIds } = await roundInReview(
      office,
      prisma,
      { unitId: county, title: '均衡分配批次' },
      [
        ...applicants(6),
        { n: ++people, screening: 'ineligible' },
        { n: ++people, screening: 'ineligible', override: 'eligible' },
        { n: ++people, screening: 'eligible', override: 'ineligible' },
      ],
    );
    const first = await office('POST', `/api/talent/rounds/${roundId}/review-assignments/auto`, undefined, {
      'idempotency-key': `auto-${roundId}`,
    });
    expect(first.status).toBe(200);
    const overview = first.json as unknown as TAssignmentOverview;
    // Six eligible and the one the office overrode to eligible; not the ineligible or the overridden-out.
    expect(overview.applications.map((a) => a.applicationId).sort()).toEqual(
      [...applicationIds.slice(0, 6), applicationIds[7]!].sort(),
    );
    for (const application of overview.applications) {
      expect(application.reviewers).toHaveLength(5);
      expect(application.missing).toBe(0);
      expect(application.reviewers.every((r) => r.automatic && !r.submitted)).toBe(true);
    }
    // 7 applications × 5 reviewers over the 7 committee members of the county: 5 each.
    const loads = overview.reviewers.map((r) => r.assigned);
    expect(overview.reviewers.map((r) => r.reviewerId).sort()).toEqual(
      COMMITTEE.map((u) => userId[u]).sort(),
    );
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(loads.reduce((a, b) => a + b, 0)).toBe(35);

    // The same key replays the answer; a new run gives the same pairs.
    const replay = await office('POST', `/api/talent/rounds/${roundId}/review-assignments/auto`, undefined, {
      'idempotency-key': `auto-${roundId}`,
    });
    expect(replay.json).toEqual(first.json);
    const again = await office('POST', `/api/talent/rounds/${roundId}/review-assignments/auto`);
    expect(again.status).toBe(200);
    expect(pairsOf(again.json as unknown as TAssignmentOverview)).toEqual(pairsOf(overview));
    expect(await prisma.talentReviewerAssignment.count({ where: { application: { roundId } } })).toBe(35);
    const audits = await prisma.auditLog.findMany({
      where: { action: 'talent_review.auto_assigned', resourceId: roundId },
    });
    expect(audits).toHaveLength(2);
    expect(audits[0]!.detail).toMatchObject({ after: { applications: 7, assignments: 35 } });
  });

  it('refuses a shortage of reviewers without a conflict whole, naming each application (422)', async () => {
    const { roundId, applicationIds } = await roundInReview(
      office,
      prisma,
      { unitId: county, title: '专家不足批次', config: review({ minReviewersPerCandidate: 8 }) },
      applicants(2),
    );
    const refused = await office('POST', `/api/talent/rounds/${roundId}/review-assignments/auto`);
    expect(refused.status).toBe(422);
    expect(refused.json).toMatchObject({ code: 'TALENT_REVIEW_INVALID' });
    expect(refused.json!.detailZh).toMatch(/评审专家不足.*少于每人 8 位/);
    expect(fieldsOf(refused)).toEqual(applicationIds.map((id) => `applications.${id}`).sort());
    expect(await prisma.talentReviewerAssignment.count({ where: { application: { roundId } } })).toBe(0);
  });

  it('detects a reviewer of the candidate’s employer (by name, or by the unit id), records it and never assigns them', async () => {
    // A station's expert covers the station's rounds (the county's experts do too, from above).
    const local = await prisma.user.create({
      data: {
        username: 'zhuanjia-hjl',
        displayName: '洪家楼专家',
        passwordHash: 'unusable',
        roles: { create: { role: 'committee_member', unitId: station } },
      },
    });
    const { roundId, applicationIds } = await roundInReview(
      office,
      prisma,
      { unitId: station, title: '同单位回避批次', config: review({ minReviewersPerCandidate: 7 }) },
      [
        { n: ++people, overrides: { employerName: '洪家楼街道 社会工作服务站' } },
        { n: ++people, overrides: { employerName: '洪家楼站（登记名称不同）', employerId: station } },
        { n: ++people },
      ],
    );
    const auto = await office('POST', `/api/talent/rounds/${roundId}/review-assignments/auto`);
    expect(auto.status).toBe(200);
    const overview = auto.json as unknown as TAssignmentOverview;
    const reviewersOf = (id: string) =>
      overview.applications.find((a) => a.applicationId === id)!.reviewers.map((r) => r.reviewerId);
    expect(reviewersOf(applicationIds[0]!)).not.toContain(local.id);
    expect(reviewersOf(applicationIds[1]!)).not.toContain(local.id);
    expect(overview.reviewers.find((r) => r.reviewerId === local.id)).toMatchObject({ covers: true });
    const recorded = await prisma.talentConflict.findMany({
      where: { roundId },
      orderBy: { applicationId: 'asc' },
    });
    expect(recorded.map((c) => [c.applicationId, c.reviewerId, c.source])).toEqual(
      [applicationIds[0]!, applicationIds[1]!].sort().map((id) => [id, local.id, 'same_employer']),
    );
    expect(overview.conflicts).toHaveLength(2);
    expect(overview.conflicts[0]!.reason).toMatch(/自动回避/);
    // By hand neither.
    const byHand = await office('POST', `/api/talent/applications/${applicationIds[0]}/reviewers`, {
      reviewerId: local.id,
    });
    expect(byHand.status).toBe(422);
    expect(fieldsOf(byHand)).toEqual(['reviewerId']);
  });

  async function blindRound(title: string, config: Record<string, unknown> = {}) {
    const round = await roundInReview(
      office,
      prisma,
      { unitId: county, title, config: review({ minReviewersPerCandidate: 7, ...config }) },
      applicants(2),
    );
    expect((await office('POST', `/api/talent/rounds/${round.roundId}/review-assignments/auto`)).status).toBe(
      200,
    );
    return round;
  }
  const material = async (who: string, applicationId: string) => {
    const res = await as[who]!('GET', `/api/talent/reviews/${applicationId}`);
    expect(res.status).toBe(200);
    return res.json as unknown as TReviewMaterial;
  };

  it('masks the candidate in the blind phase, never shows the identity number or phone, and reveals both after all submitted', async () => {
    const { roundId, applicationIds } = await blindRound('盲评批次');
    const [first] = applicationIds;
    const person = identityNumberFor(people - 1);
    const list = await as.zhuanjia!('GET', '/api/talent/reviews');
    expect(list.status).toBe(200);
    const mine = (list.json!.items as TMyAssignment[]).filter((i) => i.roundId === roundId);
    expect(mine).toHaveLength(2);
    for (const item of mine) {
      expect(item).toMatchObject({
        masked: true,
        name: null,
        employerName: null,
        submitted: false,
        roundStatus: 'review',
      });
      expect(item.code).toMatch(/^[0-9A-F]{6}$/);
    }
    expect(list.text).not.toMatch(/申报人|洪家楼街道社会工作服务站/);

    const read = await as.zhuanjia!('GET', `/api/talent/reviews/${first}`);
    expect(read.text).not.toContain(person);
    expect(read.text).not.toContain('13905310000');
    const view = read.json as unknown as TReviewMaterial;
    expect(view.candidate).not.toHaveProperty('identityNumber');
    expect(view.candidate).not.toHaveProperty('phone');
    expect(view.candidate).toMatchObject({
      masked: true,
      name: null,
      employerName: null,
      field: 'community_building',
    });
    expect(view.rubric.map((c) => c.key)).toEqual(DEFAULT_RUBRIC.map((c) => c.key));
    expect(view).toMatchObject({ submitted: false, ownScore: null, otherScores: null, criteria: {} });

    for (const who of COMMITTEE.slice(0, 6)) {
      const submitted = await as[who]!('POST', `/api/talent/reviews/${first}/submit`, {
        criteria: FULL_SHEET,
      });
      expect(submitted.status).toBe(200);
    }
    // Six of seven in: still blind, the others' scores still hidden.
    expect(await material('zhuanjia', first!)).toMatchObject({
      otherScores: null,
      candidate: { masked: true },
    });
    expect(
      (await as.zhuanjia7!('POST', `/api/talent/reviews/${first}/submit`, { criteria: FULL_SHEET })).status,
    ).toBe(200);
    const open = await material('zhuanjia', first!);
    expect(open.candidate).toMatchObject({ masked: false, name: expect.stringMatching(/^申报人/) });
    expect(open.candidate.employerName).toBe('历城区洪家楼街道社会工作服务站');
    expect(open.otherScores).toHaveLength(6);
    expect(open.ownScore).toBeCloseTo(weightedScore(DEFAULT_RUBRIC, FULL_SHEET), 2);
  });

  it('shows names and the others’ scores at once when the round has no blind phase', async () => {
    const { roundId, applicationIds } = await blindRound('公开评审批次', { blindPhase: false });
    const item = ((await as.zhuanjia!('GET', '/api/talent/reviews')).json!.items as TMyAssignment[]).find(
      (i) => i.roundId === roundId,
    )!;
    expect(item).toMatchObject({ masked: false, name: expect.stringMatching(/^申报人/) });
    expect(await material('zhuanjia', applicationIds[0]!)).toMatchObject({ otherScores: [] });
  });

  it('checks drafts per criterion, requires every criterion to submit, then locks the scores (audited)', async () => {
    const { applicationIds } = await blindRound('评分批次');
    const [id] = applicationIds;
    const draft = (criteria: Record<string, number>) =>
      as.zhuanjia!('POST', `/api/talent/reviews/${id}/draft`, { criteria });
    const saved = await draft({ performance: 80 });
    expect(saved.status).toBe(200);
    expect(saved.json!.criteria).toEqual({ performance: 80 });

    const tooHigh = await draft({ performance: 120, competence: -1 });
    expect(tooHigh.status).toBe(422);
    expect(fieldsOf(tooHigh)).toEqual(['criteria.competence', 'criteria.performance']);
    expect(JSON.stringify(tooHigh.json)).toMatch(/须在 0–100 之间/);
    const unknown = await draft({ charm: 5 });
    expect(fieldsOf(unknown)).toEqual(['criteria.charm']);
    expect((await material('zhuanjia', id!)).criteria).toEqual({ performance: 80 });

    // The saved draft counts: submitting with the rest only.
    const missing = await as.zhuanjia!('POST', `/api/talent/reviews/${id}/submit`, {
      criteria: { competence: 70 },
    });
    expect(missing.status).toBe(422);
    expect(fieldsOf(missing)).toEqual(['criteria.ethics', 'criteria.innovation']);
    const submitted = await as.zhuanjia!('POST', `/api/talent/reviews/${id}/submit`, {
      criteria: { competence: 70, innovation: 60, ethics: 95 },
    });
    expect(submitted.status).toBe(200);
    const sheet = { performance: 80, competence: 70, innovation: 60, ethics: 95 };
    expect(submitted.json).toMatchObject({ submitted: true, criteria: sheet });
    expect((submitted.json as unknown as TReviewMaterial).ownScore).toBeCloseTo(
      weightedScore(DEFAULT_RUBRIC, sheet),
      2,
    );

    const locked = await draft({ performance: 10 });
    expect(locked.status).toBe(409);
    expect(locked.json!.detailZh).toBe('评分已提交，不能再修改');
    const again = await as.zhuanjia!('POST', `/api/talent/reviews/${id}/submit`, { criteria: sheet });
    expect(again.status).toBe(409);
    const audit = await prisma.auditLog.findFirst({
      where: { action: 'talent_review.submitted', resourceId: id },
    });
    expect(audit?.detail).toMatchObject({ after: { criteria: sheet } });
    // The office may not take a submitted reviewer off.
    const off = await office('DELETE', `/api/talent/applications/${id}/reviewers/${userId.zhuanjia}`);
    expect(off.status).toBe(409);
    expect(off.json!.detailZh).toBe('该专家已提交评分，不能取消分配');
  });

  it('lets a reviewer declare a conflict with a reason: the assignment ends and they are never assigned again nor can score', async () => {
    const { roundId, applicationIds } = await blindRound('申报回避批次');
    const [id, other] = applicationIds;
    await as.zhuanjia!('POST', `/api/talent/reviews/${id}/draft`, { criteria: { performance: 50 } });
    const noReason = await as.zhuanjia!('POST', `/api/talent/reviews/${id}/conflict`, { reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(fieldsOf(noReason)).toEqual(['reason']);
    const declared = await as.zhuanjia!('POST', `/api/talent/reviews/${id}/conflict`, {
      reason: '曾与该候选人同在一个项目组',
    });
    expect(declared.status).toBe(201);
    expect((await as.zhuanjia!('GET', `/api/talent/reviews/${id}`)).status).toBe(404);
    const conflict = await prisma.talentConflict.findUniqueOrThrow({
      where: { applicationId_reviewerId: { applicationId: id!, reviewerId: userId.zhuanjia! } },
    });
    expect(conflict).toMatchObject({ source: 'declared', reason: '曾与该候选人同在一个项目组' });
    expect(await prisma.talentScore.count({ where: { assignment: { applicationId: id! } } })).toBe(0);

    const overview = await overviewOf(roundId);
    expect(overview.applications.find((a) => a.applicationId === id)!.missing).toBe(1);
    expect(overview.conflicts).toEqual([
      expect.objectContaining({ reviewerId: userId.zhuanjia, source: 'declared' }),
    ]);
    // Neither by hand nor automatically: six reviewers without a conflict are fewer than seven.
    const byHand = await office('POST', `/api/talent/applications/${id}/reviewers`, {
      reviewerId: userId.zhuanjia,
    });
    expect(byHand.status).toBe(422);
    expect(byHand.json!.errors).toEqual([
      expect.objectContaining({ field: 'reviewerId', reasonZh: expect.stringMatching(/须回避/) }),
    ]);
    const auto = await office('POST', `/api/talent/rounds/${roundId}/review-assignments/auto`);
    expect(auto.status).toBe(422);
    expect(fieldsOf(auto)).toEqual([`applications.${id}`]);

    // An assignment made around the rules still cannot be scored.
    await prisma.talentReviewerAssignment.create({
      data: {
        applicationId: id!,
        reviewerId: userId.zhuanjia!,
        automatic: false,
        assignedById: userId.xuanba!,
      },
    });
    const scored = await as.zhuanjia!('POST', `/api/talent/reviews/${id}/draft`, {
      criteria: { performance: 50 },
    });
    expect(scored.status).toBe(422);
    expect(scored.json!.detailZh).toMatch(/^须回避，不能评分/);
    // The other application is untouched.
    expect((await as.zhuanjia!('GET', `/api/talent/reviews/${other}`)).status).toBe(200);
    expect(
      await prisma.auditLog.count({ where: { action: 'talent_conflict.declared', resourceId: id } }),
    ).toBe(1);
  });

  it('lets the office add and remove reviewers by hand while nobody submitted', async () => {
    const { roundId, applicationIds } = await roundInReview(
      office,
      prisma,
      { unitId: county, title: '手工分配批次', config: review({ minReviewersPerCandidate: 2 }) },
      applicants(1),
    );
    const [id] = applicationIds;
    // Another reviewer's conflict on the application stops only that reviewer.
    await prisma.talentConflict.create({
      data: {
        roundId,
        applicationId: id!,
        reviewerId: userId.zhuanjia7!,
        source: 'declared',
        reason: '亲属',
      },
    });
    const add = (reviewerId: string) =>
      office('POST', `/api/talent/applications/${id}/reviewers`, { reviewerId });
    expect((await add(userId.zhuanjia!)).status).toBe(200);
    const twice = await add(userId.zhuanjia!);
    expect(twice.status).toBe(200);
    expect((twice.json as unknown as TAssignmentOverview).applications[0]).toMatchObject({
      missing: 1,
      reviewers: [expect.objectContaining({ reviewerId: userId.zhuanjia, automatic: false })],
    });
    const notExpert = await add(userId.shegong!);
    expect(notExpert.status).toBe(422);
    expect(fieldsOf(notExpert)).toEqual(['reviewerId']);
    await as.zhuanjia!('POST', `/api/talent/reviews/${id}/draft`, { criteria: { ethics: 90 } });
    // Scoring has begun: no automatic re-run.
    expect((await office('POST', `/api/talent/rounds/${roundId}/review-assignments/auto`)).status).toBe(409);
    const removed = await office('DELETE', `/api/talent/applications/${id}/reviewers/${userId.zhuanjia}`);
    expect(removed.status).toBe(200);
    expect((removed.json as unknown as TAssignmentOverview).applications[0]!.reviewers).toEqual([]);
    expect(await prisma.talentScore.count({ where: { assignment: { applicationId: id! } } })).toBe(0);
    expect(
      (await office('DELETE', `/api/talent/applications/${id}/reviewers/${userId.zhuanjia}`)).status,
    ).toBe(404);
    expect(
      await prisma.auditLog.count({ where: { action: 'talent_review.unassigned', resourceId: id } }),
    ).toBe(1);
  });

  it('reviews only while the round is in review (409, zh/en); lists still answer', async () => {
    const { roundId, applicationIds } = await blindRound('状态批次');
    await prisma.talentRound.update({ where: { id: roundId }, data: { status: 'ranking' } });
    const draft = await as.zhuanjia!('POST', `/api/talent/reviews/${applicationIds[0]}/draft`, {
      criteria: { performance: 1 },
    });
    expect(draft.status).toBe(409);
    expect(draft.json).toMatchObject({ code: 'TALENT_ROUND_STATE', roundStatus: 'ranking' });
    expect(draft.json!.detail).toMatch(/only while it is in review/);
    expect(draft.json!.detailZh).toMatch(/排名遴选.*仅在“专家评审”阶段/);
    expect((await as.zhuanjia!('GET', `/api/talent/reviews/${applicationIds[0]}`)).status).toBe(409);
    expect(
      (await as.zhuanjia!('POST', `/api/talent/reviews/${applicationIds[0]}/conflict`, { reason: '回避' }))
        .status,
    ).toBe(409);
    expect((await office('POST', `/api/talent/rounds/${roundId}/review-assignments/auto`)).status).toBe(409);
    expect(
      (await office('DELETE', `/api/talent/applications/${applicationIds[0]}/reviewers/${userId.zhuanjia}`))
        .status,
    ).toBe(409);
    const list = await as.zhuanjia!('GET', '/api/talent/reviews');
    expect((list.json!.items as TMyAssignment[]).find((i) => i.roundId === roundId)?.roundStatus).toBe(
      'ranking',
    );
    expect((await overviewOf(roundId)).roundStatus).toBe('ranking');
  });

  it('refuses other roles (403) and hides applications not assigned to the reviewer (404)', async () => {
    const { roundId, applicationIds } = await roundInReview(
      office,
      prisma,
      { unitId: county, title: '权限批次', config: review({ minReviewersPerCandidate: 1 }) },
      applicants(1),
    );
    for (const who of ['shegong', 'lingdao', 'xuanba']) {
      expect((await as[who]!('GET', '/api/talent/reviews')).status).toBe(403);
      expect((await as[who]!('GET', `/api/talent/reviews/${applicationIds[0]}`)).status).toBe(403);
    }
    expect((await admin('GET', '/api/talent/reviews')).status).toBe(403);
    for (const who of ['zhuanjia', 'shegong', 'lingdao']) {
      expect((await as[who]!('GET', `/api/talent/rounds/${roundId}/review-assignments`)).status).toBe(403);
      expect((await as[who]!('POST', `/api/talent/rounds/${roundId}/review-assignments/auto`)).status).toBe(
        403,
      );
    }
    // Nobody assigned yet: the application is nobody's to read or score.
    expect((await as.zhuanjia!('GET', `/api/talent/reviews/${applicationIds[0]}`)).status).toBe(404);
    expect(
      (
        await as.zhuanjia!('POST', `/api/talent/reviews/${applicationIds[0]}/submit`, {
          criteria: FULL_SHEET,
        })
      ).status,
    ).toBe(404);
  });
});
