// The talent selection round on a real Temporal server: the office's commands (the same service
// functions the HTTP routes call) go through the Temporal adapter, and the round's actions
// (computeEligibility, rankAndAllocate, setRoundStatus, publishRound) run as the worker's
// activities over the rows, up to the published list and one talent-term workflow per talent. The
// round has hundreds of applications, and the workflow's payloads stay small: the process carries
// the round id and decisions, never the applications (Temporal's limit is 2 MB per payload).
import { randomUUID } from 'node:crypto';
import type { Caller } from '../../api/auth/caller';
import type { Db } from '../../api/db/prisma-client';
import { advanceRound, startRoundProcess } from '../../api/talent/round-process-commands';
import { describeLive } from '../support/temporal-live-env';
import { type BothRuntimes, historyBytes, startBothRuntimes } from '../support/temporal-runtimes';
import { until } from '../support/until';
import { sessionCallerOf } from './support/api-callers';

jest.setTimeout(180_000);

const APPLICATIONS = Number(process.env.SGF_LIVE_APPLICATIONS ?? 300);
const QUOTA = 10;

describeLive('a talent selection round on Temporal', (address) => {
  let rt: BothRuntimes;
  let prisma: Db;
  let office: Caller;

  beforeAll(async () => {
    rt = await startBothRuntimes(address);
    prisma = rt.db.prisma;
    office = await sessionCallerOf(prisma, 'xuanba');
  });
  afterAll(() => rt?.close());

  const openTasks = (instanceId: string, nodeId: string, count = 1) =>
    until(`${count} open ${nodeId} task(s)`, async () => {
      const open = (await rt.temporal.listOpenTasks({ instanceId })).filter((t) => t.nodeId === nodeId);
      return open.length === count && open;
    });
  const statusOf = async (id: string) =>
    (await prisma.talentRound.findUniqueOrThrow({ where: { id } })).status;

  /** A closed round of the county with its applications as rows: every 10th too new to social work, every 3rd in elderly care. */
  async function closedRound(): Promise<string> {
    const county = await prisma.orgUnit.findUniqueOrThrow({ where: { code: 'LC' } });
    const round = await prisma.talentRound.create({
      data: {
        unitId: county.id,
        title: `Temporal 上的选拔批次（${APPLICATIONS} 人申报）`,
        status: 'closed',
        config: { allocation: { quota: QUOTA }, review: { minReviewersPerCandidate: 1, trimEachSide: 0 } },
        windowStartsOn: new Date('2026-12-01'),
        windowEndsOn: new Date('2026-12-31'),
        referenceDate: new Date('2026-12-31'),
        createdById: office.userId,
      },
    });
    await rt.pool.query(
      `WITH people AS (
         INSERT INTO talent_candidate (id, identity_number, name, gender, birth_date, phone)
         SELECT gen_random_uuid(), 'live-' || $2 || '-' || i, '申报人' || i, 'female', '1985-01-01', '13905310000'
         FROM generate_series(1, $3::int) AS i RETURNING id, name),
       numbered AS (SELECT id, substring(name from 4)::int AS i FROM people),
       dossiers AS (
         INSERT INTO talent_dossier (id, candidate_id, employer_name, unit_type, field, elderly_services, social_work_since, social_work_years)
         SELECT gen_random_uuid(), id, '历城区社会工作服务站 ' || i,
                CASE WHEN i % 3 = 0 THEN 'elderly_care_institution' ELSE 'urban_community' END,
                'community_building', i % 3 = 0,
                CASE WHEN i % 10 = 0 THEN '2024-01-01'::date ELSE '2015-07-01'::date END,
                CASE WHEN i % 10 = 0 THEN 2 ELSE 11 END
         FROM numbered RETURNING id, candidate_id)
       INSERT INTO talent_application (id, round_id, candidate_id, dossier_id, source, created_by_id)
       SELECT gen_random_uuid(), $1, candidate_id, id, 'imported', $4 FROM dossiers`,
      [round.id, round.id.slice(0, 8), APPLICATIONS, office.userId],
    );
    return round.id;
  }

  it('runs to the published list with the actions as worker activities, its payloads independent of the applications', async () => {
    const roundId = await closedRound();
    const round = await prisma.talentRound.findUniqueOrThrow({
      where: { id: roundId },
      include: { unit: true },
    });
    await startRoundProcess(prisma, rt.temporal, office, round);
    const step = (name: Parameters<typeof advanceRound>[4], now = new Date()) =>
      advanceRound(prisma, rt.temporal, office, roundId, name, randomUUID(), now);

    await openTasks(roundId, 'awaitScreening');
    await step('startScreening');
    await openTasks(roundId, 'confirmScreening');
    const screened = await prisma.talentApplication.groupBy({
      by: ['status'],
      where: { roundId },
      _count: true,
    });
    expect(Object.fromEntries(screened.map((s) => [s.status, s._count]))).toEqual({
      eligible: APPLICATIONS - Math.floor(APPLICATIONS / 10),
      ineligible: Math.floor(APPLICATIONS / 10),
    });
    await step('confirmScreening');
    await openTasks(roundId, 'committeeReview');

    // One submitted sheet per eligible application from the demo committee member, scores spread out.
    const reviewer = await prisma.user.findUniqueOrThrow({ where: { username: 'zhuanjia' } });
    await rt.pool.query(
      `WITH assigned AS (
         INSERT INTO talent_reviewer_assignment (id, application_id, reviewer_id, automatic, assigned_by_id, submitted_at)
         SELECT gen_random_uuid(), a.id, $2, true, $2, now() FROM talent_application a
         WHERE a.round_id = $1 AND a.status = 'eligible' RETURNING id, application_id)
       INSERT INTO talent_score (assignment_id, criterion_key, raw)
       SELECT s.id, k.key, 40 + (abs(hashtext(s.application_id::text)) % 60)
       FROM assigned s CROSS JOIN (VALUES ('performance'), ('competence'), ('innovation'), ('ethics')) AS k(key)`,
      [roundId, reviewer.id],
    );
    await step('closeReview');
    const [confirmation] = await openTasks(roundId, 'officeConfirmation');
    await rt.temporal.send(
      roundId,
      { type: 'approvalVoted', taskId: confirmation!.engineTaskId, vote: 'approve' },
      { userId: office.userId },
      randomUUID(),
    );
    await until('the public notice', async () => (await statusOf(roundId)) === 'notice');
    await openTasks(roundId, 'publicNotice');
    // The worker's setRoundStatus started the notice: 5 working days, ended once they have run.
    const { noticeEndsOn } = await prisma.talentRound.findUniqueOrThrow({ where: { id: roundId } });
    expect(noticeEndsOn).not.toBeNull();
    const dayAfterNotice = new Date(noticeEndsOn!.getTime() + 86_400_000);
    await expect(step('endNotice', new Date(noticeEndsOn!.getTime()))).rejects.toMatchObject({
      code: 'TALENT_NOTICE_RUNNING',
    });
    await step('endNotice', dayAfterNotice);

    const seats = await openTasks(roundId, 'leadingGroupApproval', 3);
    const leaders = await Promise.all(
      ['王伟', '赵敏'].map((name) =>
        prisma.user.create({
          data: {
            username: `leader-${randomUUID().slice(0, 8)}`,
            displayName: name,
            passwordHash: 'unusable',
            roles: { create: { role: 'leading_group', unitId: round.unitId } },
          },
        }),
      ),
    );
    for (const [index, leader] of leaders.entries())
      await rt.temporal.send(
        roundId,
        { type: 'approvalVoted', taskId: seats[index]!.engineTaskId, vote: 'approve' },
        { userId: leader.id },
        randomUUID(),
      );

    await until('publication', async () => (await statusOf(roundId)) === 'published');
    const talents = await prisma.talent.findMany({ where: { roundId }, include: { term: true } });
    expect(talents).toHaveLength(QUOTA);
    expect(talents.every((t) => t.term !== null)).toBe(true);
    const elderly = await prisma.talentRankingResult.count({ where: { roundId, seatType: 'reserved' } });
    expect(elderly).toBe(Math.ceil(QUOTA / 3));
    const children = await until('a talent-term workflow per talent', async () => {
      const rows = await prisma.processInstance.findMany({ where: { parentId: roundId } });
      return rows.length === QUOTA && rows;
    });
    // Titled with the talent's name, as on the embedded runtime (talent-round-process.test.ts).
    const names = await prisma.talent.findMany({ where: { roundId }, include: { candidate: true } });
    expect(children.map((c) => c.title).sort()).toEqual(
      names.map((t) => `${t.candidate.name}·人才管理期`).sort(),
    );
    const decision = await prisma.talentLeadingDecision.findFirstOrThrow({ where: { roundId } });
    expect(decision).toMatchObject({ subject: 'list', outcome: 'approved', decidedById: leaders[1]!.id });
    expect(decision.votes).toEqual(leaders.map((leader) => ({ userId: leader.id, vote: 'approve' })));
    await until('the round process completed', async () => {
      const instance = await prisma.processInstance.findUniqueOrThrow({ where: { id: roundId } });
      return instance.status === 'completed';
    });

    const size = await historyBytes(rt.client, roundId);
    console.log(
      `round of ${APPLICATIONS} applications on Temporal: ${size.events} history events, ${size.bytes} bytes, largest payload ${size.largestPayload} bytes`,
    );
    // Ids and decisions only: the largest payload holds the talents' ids and names, not the applications.
    expect(size.largestPayload).toBeLessThan(64 * 1024);
  });
});
