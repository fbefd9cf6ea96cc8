// A whole selection round over the real product (HTTP, embedded PostgreSQL, the embedded runtime's
// scheduler running the round's actions): the selection office opens a round (its process starts),
// enters applications (eligible, ineligible, elderly-services), closes the window, starts and
// confirms screening, closes the review once every eligible candidate has enough submitted scores,
// confirms the list in its 工作台, ends the notice after an upheld objection (the list is ranked
// again and the next in line promoted), three members of the leading group decide by majority in
// theirs, and the round is published: Talent and TalentTerm rows, one talent-term process each.
// Committee members' scoring routes are built in parallel (docs/talent-review.md): the test writes
// reviewer assignments and submitted scores as rows, as those routes will.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../api/db/prisma-client';
import { apiAgent, type TestServer } from '../support/test-server';
import { applicationEntryFor } from '../support/talent-entries';
import { noticePeriod, shanghaiDate } from '../../workflows/talent';
import { shippedCalendar } from '../../activities/working-day-calendar';
import { createTestClock } from '../support/test-clock';
import { until } from '../support/until';
import {
  type Call,
  sessionHeaders,
  signInDemoPeople,
  startAdminApi,
  stopAdminApi,
  unitIdByCode,
} from './support/api-callers';

jest.setTimeout(180_000);

const DATES = { windowStartsOn: '2026-12-01', windowEndsOn: '2026-12-31', referenceDate: '2026-12-31' };
/** Quota 4: ⌈4 × 1/3⌉ = 2 seats reserved for elderly services; two reviews per candidate, none trimmed. */
const CONFIG = {
  allocation: { quota: 4 },
  review: { minReviewersPerCandidate: 2, trimEachSide: 0 },
};

/** Scores of the four default criteria, the same from both reviewers: the weighted score is `score`. */
const sheet = (score: number) => ({
  performance: score,
  competence: score,
  innovation: score,
  ethics: score,
});

/** Whole days from the clock's Shanghai date to `date`. */
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

describe('a talent selection round, end to end on the embedded runtime', () => {
  let server: TestServer;
  let prisma: Db;
  let admin: Call;
  let office: Call;
  let county: string;
  const leaders: Call[] = [];
  const reviewers: string[] = [];
  const clock = createTestClock();

  /** A person with a role at the county centre, signed in by a session of their own. */
  async function personAt(role: 'leading_group' | 'committee_member', name: string) {
    const user = await prisma.user.create({
      data: {
        username: `${role}-${randomUUID().slice(0, 8)}`,
        displayName: name,
        passwordHash: 'unusable',
        roles: { create: { role, unitId: county } },
      },
    });
    const agent = apiAgent(server.url);
    const headers = await sessionHeaders(prisma, user.id);
    const call: Call = (method, path, body, extra = {}) =>
      agent(method, path, body, { ...headers, ...extra });
    return { id: user.id, call };
  }

  beforeAll(async () => {
    const api = await startAdminApi({ clock: clock.now });
    ({ server, prisma, admin } = api);
    const people = await signInDemoPeople(api, ['xuanba', 'lingdao', 'zhuanjia']);
    office = people.as.xuanba!;
    county = await unitIdByCode(prisma, 'LC');
    leaders.push(people.as.lingdao!);
    for (const name of ['王伟（领导小组）', '赵敏（领导小组）'])
      leaders.push((await personAt('leading_group', name)).call);
    reviewers.push(people.userId.zhuanjia!, (await personAt('committee_member', '钱程（评审专家）')).id);
  });
  afterAll(() => stopAdminApi({ server, prisma, admin }));

  const roundStatus = async (id: string) =>
    (await prisma.talentRound.findUniqueOrThrow({ where: { id } })).status;
  const openTask = (instanceId: string, nodeId: string) =>
    until(`an open ${nodeId} task`, () =>
      prisma.task.findFirst({ where: { instanceId, nodeId, status: 'open' } }),
    );

  it('runs from opening the window to the published list and the talents’ terms', async () => {
    const created = await office('POST', '/api/talent/rounds', {
      unitId: county,
      title: '2026年度历城区海右人才选拔',
      ...DATES,
      config: CONFIG,
    });
    expect(created.status).toBe(201);
    const roundId = created.json!.id as string;

    // Opening the window the first time starts the round's process; opening again does not start another.
    const opened = await office('POST', `/api/talent/rounds/${roundId}/open`);
    expect(opened.status).toBe(200);
    expect(opened.json!.instanceId).toBe(roundId);
    const instance = await prisma.processInstance.findUniqueOrThrow({ where: { id: roundId } });
    expect(instance).toMatchObject({ title: '2026年度历城区海右人才选拔', unitId: county });
    expect(instance.state).toMatchObject({ variables: { roundId, roundName: '2026年度历城区海右人才选拔' } });
    const awaiting = await openTask(roundId, 'awaitScreening');
    // The office's step is done from the round's page, which moves the round's status with it: its
    // task in the 工作台 links there, and completing it from the inbox is refused.
    const hosted = await office('GET', `/api/tasks/${awaiting.id}`);
    expect(hosted.json).toMatchObject({ hostedAt: `/talent/${roundId}`, projectPath: `/talent/${roundId}` });
    const bypass = await office('POST', `/api/tasks/${awaiting.id}/complete`, { data: {} });
    expect(bypass.status).toBe(409);
    expect(bypass.json).toMatchObject({ hostedAt: `/talent/${roundId}` });
    expect(bypass.json!.detailZh).toContain('请在人才选拔批次页面办理');
    expect((await openTask(roundId, 'awaitScreening')).id).toBe(awaiting.id);

    // Eight applications: five general and two elderly-services candidates who qualify, one with
    // three years of social work who does not (years), and one at an enterprise (unit type).
    const elderly = {
      field: 'social_welfare',
      unitType: 'elderly_care_institution',
      elderlyServices: true,
    } as const;
    const entries = [
      applicationEntryFor(1),
      applicationEntryFor(2),
      applicationEntryFor(3),
      applicationEntryFor(4),
      applicationEntryFor(5),
      applicationEntryFor(6, elderly),
      applicationEntryFor(7, elderly),
      applicationEntryFor(8, { socialWorkSince: '2023-07-01', socialWorkYears: 3 }),
      applicationEntryFor(9, { unitType: 'enterprise' }),
    ];
    const ids: string[] = [];
    for (const entry of entries) {
      const res = await office('POST', `/api/talent/rounds/${roundId}/applications`, entry);
      expect(res.status).toBe(201);
      ids.push(res.json!.id as string);
    }
    const [g1, g2, g3, g4, g5, e6, e7, young, enterprise] = ids;

    // Screening waits for a closed window.
    const early = await office('POST', `/api/talent/rounds/${roundId}/start-screening`);
    expect(early.status).toBe(409);
    expect(early.json).toMatchObject({ code: 'TALENT_ROUND_STATE', roundStatus: 'open' });
    expect(early.json!.detailZh).toBe('选拔批次当前为“申报中”，不能开始资格审查');
    expect((await office('POST', `/api/talent/rounds/${roundId}/close`)).status).toBe(200);

    const key = { 'idempotency-key': `screen-${roundId}` };
    const started = await office('POST', `/api/talent/rounds/${roundId}/start-screening`, undefined, key);
    expect(started.status).toBe(200);
    expect(started.json!.status).toBe('screening');
    // The same key answers the same again and completes nothing twice.
    expect(
      (await office('POST', `/api/talent/rounds/${roundId}/start-screening`, undefined, key)).status,
    ).toBe(200);
    await openTask(roundId, 'confirmScreening');
    const applications = await prisma.talentApplication.findMany({ where: { roundId } });
    const byId = new Map(applications.map((a) => [a.id, a]));
    expect(applications.every((a) => a.screenedAt !== null)).toBe(true);
    expect([young, enterprise].map((id) => byId.get(id!)!.status)).toEqual(['ineligible', 'ineligible']);
    expect([g1, e6].map((id) => byId.get(id!)!.screeningResult)).toEqual(['eligible', 'eligible']);
    const youngChecks = (
      byId.get(young!)!.screeningExplanation as { checks: { rule: string; passed: boolean }[] }
    ).checks;
    expect(youngChecks.find((c) => c.rule === 'yearsInSocialWork')?.passed).toBe(false);
    expect((byId.get(e6!)!.screeningExplanation as { category: string }).category).toBe('elderly');

    // Confirming moves the round to the committee review.
    const confirmed = await office('POST', `/api/talent/rounds/${roundId}/confirm-screening`);
    expect(confirmed.json!.status).toBe('review');
    await openTask(roundId, 'committeeReview');

    // Without the reviews the review cannot close: each eligible candidate is named.
    const tooSoon = await office('POST', `/api/talent/rounds/${roundId}/close-review`);
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.json!.code).toBe('TALENT_REVIEW_INCOMPLETE');
    expect(tooSoon.json!.detailZh).toBe('尚有 7 名资格审查合格的人选提交评分不足 2 份，不能结束评审');
    expect((tooSoon.json!.errors as { field: string }[]).map((e) => e.field)).toContain(`applications.${g1}`);

    // Two submitted score sheets per eligible candidate, as the review routes write them.
    const scores: Record<string, number> = {
      [g1!]: 90,
      [g2!]: 85,
      [g3!]: 80,
      [g4!]: 75,
      [g5!]: 70,
      [e6!]: 65,
      [e7!]: 60,
    };
    for (const [applicationId, score] of Object.entries(scores))
      for (const reviewerId of reviewers) {
        const assignment = await prisma.talentReviewerAssignment.create({
          data: {
            applicationId,
            reviewerId,
            automatic: true,
            assignedById: reviewers[0]!,
            submittedAt: new Date(),
          },
        });
        await prisma.talentScore.createMany({
          data: Object.entries(sheet(score)).map(([criterionKey, raw]) => ({
            assignmentId: assignment.id,
            criterionKey,
            raw,
          })),
        });
      }
    const closed = await office('POST', `/api/talent/rounds/${roundId}/close-review`);
    expect(closed.status).toBe(200);
    expect(closed.json!.status).toBe('ranking');

    // The office confirms the list in its 工作台: an approval task of the round's process.
    const confirmation = await openTask(roundId, 'officeConfirmation');
    const ranking = await prisma.talentRankingResult.findMany({
      where: { roundId },
      orderBy: { rank: 'asc' },
    });
    expect(ranking).toHaveLength(7);
    const seats = Object.fromEntries(ranking.map((r) => [r.applicationId, r.seatType]));
    // Reserved seats go to the two elderly-services candidates; g1 and g2 take the general ones.
    expect([g1, g2, e6, e7, g3].map((id) => seats[id!])).toEqual([
      'general',
      'general',
      'reserved',
      'reserved',
      'not_selected',
    ]);
    const adjusted = await prisma.talentScore.findMany({
      where: { assignment: { applicationId: g1! } },
    });
    expect(adjusted.every((s) => Number(s.adjusted) === 90)).toBe(true);
    const inbox = await office('GET', '/api/tasks?view=candidates&limit=50');
    const officeTask = (inbox.json!.items as { id: string; nodeId: string; projectTitle: string }[]).find(
      (t) => t.id === confirmation.id,
    );
    expect(officeTask).toMatchObject({
      nodeId: 'officeConfirmation',
      projectTitle: '2026年度历城区海右人才选拔',
    });
    const page = await office('GET', `/api/tasks/${confirmation.id}`);
    expect(page.status).toBe(200);
    // An approval of the round is decided in the 工作台; its process is shown on the round's page.
    expect(page.json).toMatchObject({ hostedAt: null, projectPath: `/talent/${roundId}` });
    expect((await office('POST', `/api/tasks/${confirmation.id}/vote`, { vote: 'approve' })).status).toBe(
      200,
    );
    await until('the public notice', async () => (await roundStatus(roundId)) === 'notice');
    await openTask(roundId, 'publicNotice');

    // The notice runs 5 working days after the day it started (the round's default), over the
    // shipped holiday table; it cannot end before they have run.
    const inNotice = await office('GET', `/api/talent/rounds/${roundId}`);
    const { noticeStartsOn, noticeEndsOn } = inNotice.json as {
      noticeStartsOn: string;
      noticeEndsOn: string;
    };
    expect(noticeStartsOn).toBe(shanghaiDate(clock.now()));
    expect(noticeEndsOn).toBe(noticePeriod(noticeStartsOn, 5, shippedCalendar).endsOn);
    const runningNotice = await office('POST', `/api/talent/rounds/${roundId}/end-notice`);
    expect(runningNotice.status).toBe(409);
    expect(runningNotice.json).toMatchObject({ code: 'TALENT_NOTICE_RUNNING', noticeEndsOn });
    expect(runningNotice.json!.detailZh).toContain(`公示期至 ${noticeEndsOn} 届满`);
    expect(runningNotice.json!.detail).toContain(noticeEndsOn);
    expect(await roundStatus(roundId)).toBe('notice');
    clock.advance(`P${daysBetween(shanghaiDate(clock.now()), noticeEndsOn) + 1}D`);

    // An objection during the notice: undecided, it holds the notice open; upheld, g2 is removed.
    const officeUser = await prisma.user.findUniqueOrThrow({ where: { username: 'xuanba' } });
    const objection = await prisma.talentObjection.create({
      data: {
        roundId,
        applicationId: g2!,
        raisedBy: '匿名来信',
        content: '工作年限不实',
        receivedAt: new Date(),
        recordedById: officeUser.id,
      },
    });
    const pending = await office('POST', `/api/talent/rounds/${roundId}/end-notice`);
    expect(pending.status).toBe(409);
    expect(pending.json!.code).toBe('TALENT_OBJECTIONS_PENDING');
    await prisma.talentObjection.update({
      where: { id: objection.id },
      data: {
        decision: 'upheld',
        decisionReason: '经核实年限不足',
        decidedById: officeUser.id,
        decidedAt: new Date(),
      },
    });
    const ended = await office('POST', `/api/talent/rounds/${roundId}/end-notice`);
    expect(ended.status).toBe(200);
    expect(ended.json!.status).toBe('approval');

    // Ranked again: g2 removed, g3 promoted to the general seat.
    const votes = await until('three leading-group seats', async () => {
      const open = await prisma.task.findMany({
        where: { instanceId: roundId, nodeId: 'leadingGroupApproval', status: 'open' },
      });
      return open.length === 3 && open;
    });
    const after = new Map(
      (await prisma.talentApplication.findMany({ where: { roundId } })).map((a) => [a.id, a.status]),
    );
    expect([g1, g2, g3, g4, e6, e7].map((id) => after.get(id!))).toEqual([
      'selected',
      'removed',
      'selected',
      'not_selected',
      'selected',
      'selected',
    ]);

    // Every leader sees the approval once among their candidates (one seat stands for the three: a
    // person votes once); two approvals of three decide.
    const seatsSeenBy = async (leader: (typeof leaders)[number]) => {
      const theirs = await leader('GET', '/api/tasks?view=candidates&limit=50');
      const seats = new Set(votes.map((v) => v.id));
      return (theirs.json!.items as { id: string }[]).map((t) => t.id).filter((id) => seats.has(id));
    };
    for (const leader of leaders) expect(await seatsSeenBy(leader)).toHaveLength(1);
    // One person, one seat: a leader holding a seat cannot claim a second one to fill the quorum.
    expect((await leaders[2]!('POST', `/api/tasks/${votes[2]!.id}/claim`)).status).toBe(200);
    const second = await leaders[2]!('POST', `/api/tasks/${votes[1]!.id}/claim`);
    expect(second.status).toBe(409);
    expect(second.json!.detailZh).toBe('您已认领或办理了此环节的另一个席位，每人只能占一个席位');
    expect((await leaders[2]!('POST', `/api/tasks/${votes[2]!.id}/unclaim`)).status).toBe(200);
    for (const [index, leader] of leaders.slice(0, 2).entries()) {
      const vote = await leader('POST', `/api/tasks/${votes[index]!.id}/vote`, { vote: 'approve' });
      expect(vote.status).toBe(200);
      // The voter no longer sees the approval; the others still see one of its open seats.
      if (index === 0) {
        expect(await seatsSeenBy(leader)).toEqual([]);
        expect(await seatsSeenBy(leaders[1]!)).toHaveLength(1);
      }
    }

    await until('publication', async () => (await roundStatus(roundId)) === 'published');
    const talents = await prisma.talent.findMany({
      where: { roundId },
      include: { term: true, candidate: true },
    });
    expect(talents.map((t) => t.applicationId).sort()).toEqual([g1, g3, e6, e7].sort());
    for (const talent of talents) {
      expect(talent.titleStatus).toBe('active');
      const term = talent.term!;
      const years = term.endsOn.getUTCFullYear() - term.startsOn.getUTCFullYear();
      expect([years, Number(term.monthlyAmountYuan)]).toEqual([4, 1000]);
    }
    const children = await until('a term process per talent', async () => {
      const rows = await prisma.processInstance.findMany({ where: { parentId: roundId } });
      return rows.length === 4 && rows;
    });
    const childInputs = children.map(
      (c) => (c.state as { variables: { talentId: string; personName: string } }).variables,
    );
    expect(childInputs.map((v) => v.talentId).sort()).toEqual(talents.map((t) => t.id).sort());
    expect(childInputs.map((v) => v.personName).sort()).toEqual(talents.map((t) => t.candidate.name).sort());
    // Each term is titled with its talent's name (the subprocess node's childTitle), as on Temporal.
    expect(children.map((c) => c.title).sort()).toEqual(
      talents.map((t) => `${t.candidate.name}·人才管理期`).sort(),
    );
    // The leading group's approval is a decision row with both votes, written by publishRound.
    const decisions = await prisma.talentLeadingDecision.findMany({ where: { roundId } });
    expect(decisions).toEqual([
      expect.objectContaining({
        subject: 'list',
        talentId: null,
        outcome: 'approved',
      }),
    ]);
    expect((decisions[0]!.votes as { vote: string }[]).map((v) => v.vote)).toEqual(['approve', 'approve']);
    // The round's 排名结果 shows it, to the leading group as to the office.
    const results = await leaders[2]!('GET', `/api/talent/rounds/${roundId}/ranking-results?limit=1`);
    expect(results.json!.leadingDecisions).toEqual([
      expect.objectContaining({ outcome: 'approved', votes: [expect.anything(), expect.anything()] }),
    ]);
    const round = await prisma.processInstance.findUniqueOrThrow({ where: { id: roundId } });
    expect(round.status).toBe('completed');

    const audit = await prisma.auditLog.findMany({ where: { resourceId: roundId }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual([
      'talent_round.created',
      'talent_round.opened',
      'talent_round.closed',
      'talent_round.screening_started',
      'talent_round.screening_confirmed',
      'talent_round.review_closed',
      'talent_round.notice_ended',
    ]);
  });
});
