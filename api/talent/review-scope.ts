// Who reviews a round and what a reviewer may touch. A committee member (评审专家) covers a round
// when they hold the committee_member role at the round's unit or at a unit above it (a county's
// experts review the county's rounds; a station's expert does not review the county's). A
// reviewer reaches an application only through their own assignment in a round they cover.
//
// Same-employer rule (config.review.sameEmployerIsConflict): the reviewer's employer is each unit
// where they hold the committee_member role; the candidate's is the dossier's employerId (the
// platform's unit id or a 统一社会信用代码) and employerName. findConflicts (review-scoring.ts)
// compares ids only when both are of one kind (two unit ids, two credit codes), else the names
// (width, brackets, case and spaces ignored): a unit and a credit code are matched by name.
import {
  findConflicts,
  ZRoundConfig,
  type Conflict,
  type ReviewCandidate,
  type Reviewer,
  type RoundConfig,
} from '../../workflows/talent';
import { Prisma } from '../../prisma/generated/client';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import { isUnitWithin } from '../policy/unit-scope';
import { ROUND_STATUS_ZH } from './round-view';
import { rolesRootsOrRefuse } from './talent-scope';

/** One committee member covering a round, once per unit where they hold the role. */
export interface CoveringSeat {
  userId: string;
  name: string;
  unitId: string;
  unitName: string;
}

/** Committee members (active persons) holding the role at the unit or one of its ancestors. */
export async function coveringSeats(db: DbClient, unitId: string): Promise<CoveringSeat[]> {
  return db.$queryRaw<CoveringSeat[]>`
    WITH RECURSIVE up(id, parent_id) AS (
      SELECT id, parent_id FROM org_unit WHERE id = ${unitId}::uuid
      UNION SELECT o.id, o.parent_id FROM org_unit o JOIN up ON o.id = up.parent_id
    )
    SELECT ra.user_id::text AS "userId", u.display_name AS name, ra.unit_id::text AS "unitId",
           o.name AS "unitName"
    FROM role_assignment ra
    JOIN app_user u ON u.id = ra.user_id
    JOIN org_unit o ON o.id = ra.unit_id
    WHERE ra.role = 'committee_member' AND ra.unit_id IN (SELECT id FROM up)
      AND NOT u.disabled AND u.kind = 'person'
    ORDER BY ra.user_id, o.name`;
}

/** A reviewer once per seat, so a member of two units is checked against both as employers. */
export const reviewersOfSeats = (seats: CoveringSeat[]): Reviewer[] =>
  seats.map((s) => ({ reviewerId: s.userId, name: s.name, employer: { id: s.unitId, name: s.unitName } }));

/** Distinct reviewers for assignment (findConflicts takes every seat; assignment each person once). */
export function distinctReviewers(seats: CoveringSeat[]): Reviewer[] {
  const byId = new Map<string, Reviewer>();
  for (const seat of seats)
    if (!byId.has(seat.userId)) byId.set(seat.userId, { reviewerId: seat.userId, name: seat.name });
  return [...byId.values()];
}

const withDossier = { candidate: true, dossier: true } as const;
export type ReviewedApplication = Prisma.TalentApplicationGetPayload<{ include: typeof withDossier }>;

/** The effective screening result is the office's override, else the screening's own. */
export const effectivelyEligible: Prisma.TalentApplicationWhereInput = {
  OR: [{ overrideResult: 'eligible' }, { overrideResult: null, screeningResult: 'eligible' }],
};

export const isEffectivelyEligible = (a: { overrideResult: string | null; screeningResult: string | null }) =>
  (a.overrideResult ?? a.screeningResult) === 'eligible';

/** Applications under review: the round's effectively eligible ones, in id order. */
export function eligibleApplications(db: DbClient, roundId: string): Promise<ReviewedApplication[]> {
  return db.talentApplication.findMany({
    where: { roundId, ...effectivelyEligible },
    include: withDossier,
    orderBy: { id: 'asc' },
  });
}

/** An application as review-scoring.ts takes it: the application id stands for the candidate. */
export const reviewCandidateOf = (a: ReviewedApplication): ReviewCandidate => ({
  candidateId: a.id,
  name: a.candidate.name,
  employer: { ...(a.dossier.employerId ? { id: a.dossier.employerId } : {}), name: a.dossier.employerName },
});

/** Recorded conflicts (declared and detected earlier) plus the same-employer ones found now. */
export async function conflictsOf(
  db: DbClient,
  roundId: string,
  seats: CoveringSeat[],
  applications: ReviewedApplication[],
  config: RoundConfig,
): Promise<Conflict[]> {
  const recorded = await db.talentConflict.findMany({
    where: { roundId, applicationId: { in: applications.map((a) => a.id) } },
  });
  // Recorded rows of either source enter as declarations: a detected conflict stays one even if
  // the reviewer's seat has moved since.
  return findConflicts(
    reviewersOfSeats(seats),
    applications.map(reviewCandidateOf),
    recorded.map((c) => ({ reviewerId: c.reviewerId, candidateId: c.applicationId, reason: c.reason })),
    config.review,
  );
}

export const configOf = (round: { config: Prisma.JsonValue }): RoundConfig =>
  ZRoundConfig.parse(round.config);

/** Reviews change only while the round is in 专家评审; otherwise 409 naming the status. */
export function requireReviewStatus(round: { status: keyof typeof ROUND_STATUS_ZH }): void {
  if (round.status !== 'review')
    throw new AppError(
      'TALENT_ROUND_STATE',
      `The round is ${round.status}; reviews happen only while it is in review.`,
      [],
      {
        roundStatus: round.status,
        detailZh: `选拔批次当前为“${ROUND_STATUS_ZH[round.status]}”，仅在“专家评审”阶段可以办理评审事项`,
      },
    );
}

/** Units where the caller holds the committee-member role; refused (403) when there are none. */
export const committeeRoots = (caller: Caller): string[] =>
  rolesRootsOrRefuse(caller, 'committee_member', {
    en: 'Only committee members review candidates.',
    zh: '仅评审专家可以评审候选人',
  });

const assignmentNotFound = () =>
  new AppError('NOT_FOUND', 'No such application among those assigned to you.', [], {
    detailZh: '未找到该申报，或未分配给您评审',
  });

const withRound = { application: { include: { ...withDossier, round: true } } } as const;
export type ReviewerAssignment = Prisma.TalentReviewerAssignmentGetPayload<{ include: typeof withRound }>;

/**
 * The caller's assignment on the application, in a round they cover, else 404; `lock` holds the row
 * against a concurrent submit or unassignment.
 */
export async function myAssignment(
  db: DbClient,
  caller: Caller,
  applicationId: string,
  lock: 'none' | 'update' = 'none',
): Promise<ReviewerAssignment> {
  const roots = committeeRoots(caller);
  if (lock === 'update')
    await db.$queryRaw`SELECT id FROM talent_reviewer_assignment
      WHERE application_id = ${applicationId}::uuid AND reviewer_id = ${caller.userId}::uuid FOR UPDATE`;
  const assignment = await db.talentReviewerAssignment.findUnique({
    where: { applicationId_reviewerId: { applicationId, reviewerId: caller.userId } },
    include: withRound,
  });
  if (!assignment || !(await isUnitWithin(db, roots, assignment.application.round.unitId)))
    throw assignmentNotFound();
  return assignment;
}

/** A short code for a candidate that says nothing about them: the application id's first characters. */
export const candidateCode = (applicationId: string): string =>
  applicationId.replace(/-/g, '').slice(0, 6).toUpperCase();
