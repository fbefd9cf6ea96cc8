// The selection office assigns reviewers (分配评审专家). 自动分配 gives every effectively eligible
// application config.review.minReviewersPerCandidate reviewers among the committee members who
// cover the round, never a conflicted one, balanced and deterministic (assignReviewers in
// review-scoring.ts); it replaces the round's earlier assignments, so it runs only before any
// reviewer has saved a score, and a shortage refuses it whole (422 naming each application short
// of reviewers). Afterwards the office adds and removes reviewers by hand; a submitted review stays.
import { assignReviewers } from '../../workflows/talent';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import type { AuditEntry } from '../http/audit-entry';
import {
  configOf,
  conflictsOf,
  coveringSeats,
  distinctReviewers,
  eligibleApplications,
  isEffectivelyEligible,
  requireReviewStatus,
  reviewCandidateOf,
} from './review-scope';
import type { TAssignmentOverview } from './review-types';
import { roundInScope } from './talent-scope';

const reviewInvalid = (message: string, detailZh: string, field?: string, reasonZh?: string) =>
  new AppError(
    'TALENT_REVIEW_INVALID',
    message,
    field ? [{ field, reason: message, ...(reasonZh ? { reasonZh } : {}) }] : [],
    { detailZh },
  );

/** Per application its reviewers and what is missing; per reviewer the load; the recorded conflicts. */
export async function assignmentOverview(
  db: DbClient,
  caller: Caller,
  roundId: string,
): Promise<TAssignmentOverview> {
  const round = await roundInScope(db, caller, roundId);
  const config = configOf(round);
  const [applications, seats, assignments, conflicts] = await Promise.all([
    eligibleApplications(db, roundId),
    coveringSeats(db, round.unitId),
    db.talentReviewerAssignment.findMany({
      where: { application: { roundId } },
      include: { reviewer: true },
      orderBy: [{ applicationId: 'asc' }, { reviewerId: 'asc' }],
    }),
    db.talentConflict.findMany({
      where: { roundId },
      include: { reviewer: true },
      orderBy: [{ recordedAt: 'asc' }, { id: 'asc' }],
    }),
  ]);
  const min = config.review.minReviewersPerCandidate;
  const loads = new Map<string, TAssignmentOverview['reviewers'][number]>();
  for (const seat of seats) {
    const known = loads.get(seat.userId);
    if (known) known.unitNames = `${known.unitNames}，${seat.unitName}`;
    else
      loads.set(seat.userId, {
        reviewerId: seat.userId,
        name: seat.name,
        unitNames: seat.unitName,
        covers: true,
        assigned: 0,
        submitted: 0,
      });
  }
  for (const a of assignments) {
    const load =
      loads.get(a.reviewerId) ??
      loads
        .set(a.reviewerId, {
          reviewerId: a.reviewerId,
          name: a.reviewer.displayName,
          unitNames: '',
          covers: false,
          assigned: 0,
          submitted: 0,
        })
        .get(a.reviewerId)!;
    load.assigned += 1;
    if (a.submittedAt) load.submitted += 1;
  }
  return {
    roundId,
    roundStatus: round.status,
    minReviewersPerCandidate: min,
    applications: applications.map((application) => {
      const reviewers = assignments
        .filter((a) => a.applicationId === application.id)
        .map((a) => ({
          reviewerId: a.reviewerId,
          name: a.reviewer.displayName,
          automatic: a.automatic,
          submitted: a.submittedAt !== null,
        }));
      return {
        applicationId: application.id,
        name: application.candidate.name,
        employerName: application.dossier.employerName,
        reviewers,
        missing: Math.max(0, min - reviewers.length),
      };
    }),
    reviewers: [...loads.values()].sort(
      (a, b) => b.assigned - a.assigned || a.name.localeCompare(b.name, 'zh'),
    ),
    conflicts: conflicts.map((c) => ({
      applicationId: c.applicationId,
      reviewerId: c.reviewerId,
      reviewerName: c.reviewer.displayName,
      source: c.source,
      reason: c.reason,
      recordedAt: c.recordedAt.toISOString(),
    })),
  };
}

/** Holds the round against a concurrent assignment or status change, then checks it is in review. */
async function lockRoundInReview(db: DbClient, caller: Caller, roundId: string) {
  const round = await roundInScope(db, caller, roundId);
  await db.$queryRaw`SELECT id FROM talent_round WHERE id = ${roundId}::uuid FOR UPDATE`;
  const current = await db.talentRound.findUniqueOrThrow({ where: { id: roundId } });
  requireReviewStatus(current);
  return { ...round, status: current.status };
}

export async function autoAssign(
  db: DbClient,
  caller: Caller,
  roundId: string,
): Promise<{ overview: TAssignmentOverview; audit: AuditEntry }> {
  const round = await lockRoundInReview(db, caller, roundId);
  const config = configOf(round);
  const started = await db.talentScore.count({ where: { assignment: { application: { roundId } } } });
  const submitted = await db.talentReviewerAssignment.count({
    where: { application: { roundId }, submittedAt: { not: null } },
  });
  if (started + submitted > 0)
    throw new AppError('CONFLICT', 'Scoring has begun: change the assignments by hand.', [], {
      detailZh: '已有专家开始评分，不能再自动分配，请手工调整',
    });
  const [applications, seats] = await Promise.all([
    eligibleApplications(db, roundId),
    coveringSeats(db, round.unitId),
  ]);
  const conflicts = await conflictsOf(db, roundId, seats, applications, config);
  const { assignments, shortfalls } = assignReviewers(
    applications.map(reviewCandidateOf),
    distinctReviewers(seats),
    conflicts,
    config.review,
  );
  if (shortfalls.length > 0) {
    const names = new Map(applications.map((a) => [a.id, a.candidate.name]));
    const list = shortfalls
      .map((s) => `${names.get(s.candidateId)}（${s.assigned}/${s.required}）`)
      .join('、');
    throw new AppError(
      'TALENT_REVIEW_INVALID',
      `Too few committee members without a conflict: ${shortfalls.length} application(s) would get fewer than ${config.review.minReviewersPerCandidate} reviewers.`,
      shortfalls.map((s) => ({
        field: `applications.${s.candidateId}`,
        reason: `only ${s.assigned} of ${s.required} reviewers without a conflict`,
        reasonZh: `无回避关系的评审专家只有 ${s.assigned} 位，少于要求的 ${s.required} 位`,
      })),
      {
        detailZh: `评审专家不足：${list} 无回避关系的专家少于每人 ${config.review.minReviewersPerCandidate} 位，未作分配`,
        shortfalls,
      },
    );
  }
  // Detected same-employer conflicts are recorded with their source, so the office sees them.
  const recorded = await db.talentConflict.findMany({
    where: { roundId },
    select: { applicationId: true, reviewerId: true },
  });
  const known = new Set(recorded.map((c) => `${c.reviewerId} ${c.applicationId}`));
  const detected = conflicts.filter(
    (c) => c.source === 'sameEmployer' && !known.has(`${c.reviewerId} ${c.candidateId}`),
  );
  await db.talentConflict.createMany({
    data: detected.map((c) => ({
      roundId,
      applicationId: c.candidateId,
      reviewerId: c.reviewerId,
      source: 'same_employer' as const,
      reason: c.message.zh,
    })),
  });
  await db.talentReviewerAssignment.deleteMany({ where: { application: { roundId } } });
  await db.talentReviewerAssignment.createMany({
    data: assignments.flatMap((a) =>
      a.reviewerIds.map((reviewerId) => ({
        applicationId: a.candidateId,
        reviewerId,
        automatic: true,
        assignedById: caller.userId,
      })),
    ),
  });
  return {
    overview: await assignmentOverview(db, caller, roundId),
    audit: {
      action: 'talent_review.auto_assigned',
      resourceType: 'talent_round',
      resourceId: roundId,
      unitId: round.unitId,
      after: {
        applications: assignments.length,
        assignments: assignments.reduce((n, a) => n + a.reviewerIds.length, 0),
        sameEmployerConflictsRecorded: detected.length,
      },
    },
  };
}

/** The application of the caller's office and its round, held in review. */
async function applicationInReview(db: DbClient, caller: Caller, applicationId: string) {
  const application = await db.talentApplication.findUnique({ where: { id: applicationId } });
  if (!application)
    throw new AppError('NOT_FOUND', 'No such application among those you may see.', [], {
      detailZh: '未找到该申报，或您无权查看',
    });
  const round = await lockRoundInReview(db, caller, application.roundId);
  return { application, round };
}

export async function assignByHand(
  db: DbClient,
  caller: Caller,
  applicationId: string,
  reviewerId: string,
): Promise<{ overview: TAssignmentOverview; audit: AuditEntry | 'unchanged' }> {
  const { application, round } = await applicationInReview(db, caller, applicationId);
  if (!isEffectivelyEligible(application))
    throw reviewInvalid('Only applications found eligible are reviewed.', '仅资格审查通过的申报进入专家评审');
  const seats = await coveringSeats(db, round.unitId);
  const mine = seats.filter((s) => s.userId === reviewerId);
  if (mine.length === 0)
    throw reviewInvalid(
      'not a committee member covering this round’s unit',
      '所选人员不是负责本批次所在单位的评审专家',
      'reviewerId',
      '不是负责本批次所在单位的评审专家',
    );
  const existing = await db.talentReviewerAssignment.findUnique({
    where: { applicationId_reviewerId: { applicationId, reviewerId } },
  });
  if (existing) return { overview: await assignmentOverview(db, caller, round.id), audit: 'unchanged' };
  const full = await db.talentApplication.findUniqueOrThrow({
    where: { id: applicationId },
    include: { candidate: true, dossier: true },
  });
  const conflict = (await conflictsOf(db, round.id, mine, [full], configOf(round))).find(
    (c) => c.reviewerId === reviewerId,
  );
  if (conflict)
    throw reviewInvalid(
      `conflict of interest: ${conflict.message.en}`,
      `须回避，不能分配：${conflict.message.zh}`,
      'reviewerId',
      `须回避：${conflict.message.zh}`,
    );
  await db.talentReviewerAssignment.create({
    data: { applicationId, reviewerId, automatic: false, assignedById: caller.userId },
  });
  return {
    overview: await assignmentOverview(db, caller, round.id),
    audit: {
      action: 'talent_review.assigned',
      resourceType: 'talent_application',
      resourceId: applicationId,
      unitId: round.unitId,
      after: { reviewerId },
    },
  };
}

export async function unassignByHand(
  db: DbClient,
  caller: Caller,
  applicationId: string,
  reviewerId: string,
): Promise<{ overview: TAssignmentOverview; audit: AuditEntry }> {
  const { round } = await applicationInReview(db, caller, applicationId);
  // Held against the reviewer submitting at the same moment.
  await db.$queryRaw`SELECT id FROM talent_reviewer_assignment
    WHERE application_id = ${applicationId}::uuid AND reviewer_id = ${reviewerId}::uuid FOR UPDATE`;
  const assignment = await db.talentReviewerAssignment.findUnique({
    where: { applicationId_reviewerId: { applicationId, reviewerId } },
  });
  if (!assignment)
    throw new AppError('NOT_FOUND', 'The reviewer is not assigned to this application.', [], {
      detailZh: '该专家未分配评审此申报',
    });
  if (assignment.submittedAt)
    throw new AppError('CONFLICT', 'The reviewer has submitted: the assignment stays.', [], {
      detailZh: '该专家已提交评分，不能取消分配',
    });
  await db.talentScore.deleteMany({ where: { assignmentId: assignment.id } });
  await db.talentReviewerAssignment.delete({ where: { id: assignment.id } });
  return {
    overview: await assignmentOverview(db, caller, round.id),
    audit: {
      action: 'talent_review.unassigned',
      resourceType: 'talent_application',
      resourceId: applicationId,
      unitId: round.unitId,
      before: { reviewerId, automatic: assignment.automatic },
    },
  };
}
