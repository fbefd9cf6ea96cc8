// What a committee member (评审专家) does with the applications assigned to them: lists them, reads
// one's material (never the identity number or phone; in the blind phase neither name nor
// employer), saves draft scores per rubric criterion, submits (which locks them), declares a
// conflict of interest (申报回避, which ends the unsubmitted assignment), and once every reviewer
// of the application has submitted (or when the round has no blind phase) sees the others'
// scores. The rules are review-scoring.ts's: checkScoreSheet, weightedScore, reviewerView.
import {
  checkScoreSheet,
  reviewerView,
  weightedScore,
  type RubricCriterion,
  type SheetProblem,
  type SubmittedScore,
} from '../../workflows/talent';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import type { AuditEntry } from '../http/audit-entry';
import { isUnitWithin } from '../policy/unit-scope';
import {
  candidateCode,
  committeeRoots,
  configOf,
  conflictsOf,
  coveringSeats,
  myAssignment,
  requireReviewStatus,
  reviewCandidateOf,
  type ReviewerAssignment,
} from './review-scope';
import type { TMyAssignment, TReviewMaterial } from './review-types';
import { isoDate, isoDateOrNull } from './round-view';

type Criteria = Record<string, number>;

const criteriaOf = (scores: { criterionKey: string; raw: { toNumber(): number } }[]): Criteria =>
  Object.fromEntries(scores.map((s) => [s.criterionKey, s.raw.toNumber()]));

/** The reviewer's view of an application: masking and others' scores by reviewerView. */
async function viewOf(db: DbClient, assignment: ReviewerAssignment, rubric: RubricCriterion[]) {
  const application = assignment.application;
  const all = await db.talentReviewerAssignment.findMany({
    where: { applicationId: application.id },
    include: { scores: true, reviewer: true },
  });
  const submitted: SubmittedScore[] = all
    .filter((a) => a.submittedAt)
    .map((a) => ({
      reviewerId: a.reviewerId,
      candidateId: application.id,
      score: Math.round(weightedScore(rubric, criteriaOf(a.scores)) * 100) / 100,
    }));
  const view = reviewerView(
    reviewCandidateOf(application),
    assignment.reviewerId,
    { candidateId: application.id, reviewerIds: all.map((a) => a.reviewerId) },
    submitted,
    configOf(application.round).review,
  );
  const names = new Map(all.map((a) => [a.reviewerId, a.reviewer.displayName]));
  return {
    candidate: {
      id: application.id,
      code: candidateCode(application.id),
      masked: view.dossier.masked,
      name: view.dossier.name,
      employerName: view.dossier.employer?.name ?? null,
    },
    ownScore: view.ownScore,
    otherScores:
      view.otherScores === 'hidden'
        ? null
        : view.otherScores.map((s) => ({ reviewerName: names.get(s.reviewerId) ?? '', score: s.score })),
  };
}

/** The caller's assignments in the rounds they cover, newest first, with the round's status. */
export async function myAssignments(db: DbClient, caller: Caller): Promise<{ items: TMyAssignment[] }> {
  const roots = committeeRoots(caller);
  const rows = await db.talentReviewerAssignment.findMany({
    where: { reviewerId: caller.userId },
    include: { application: { include: { candidate: true, dossier: true, round: true } } },
    orderBy: [{ assignedAt: 'desc' }, { id: 'asc' }],
  });
  const covered = new Map<string, boolean>();
  const items: TMyAssignment[] = [];
  for (const row of rows) {
    const round = row.application.round;
    if (!covered.has(round.unitId)) covered.set(round.unitId, await isUnitWithin(db, roots, round.unitId));
    if (!covered.get(round.unitId)) continue;
    const { candidate } = await viewOf(db, row, configOf(round).review.rubric);
    items.push({
      ...candidate,
      roundId: round.id,
      roundTitle: round.title,
      roundStatus: round.status,
      assignedAt: row.assignedAt.toISOString(),
      submitted: row.submittedAt !== null,
    });
  }
  return { items };
}

/** The caller's assignment with its round held (FOR SHARE) in review. */
async function assignmentInReview(db: DbClient, caller: Caller, applicationId: string) {
  const assignment = await myAssignment(db, caller, applicationId, 'update');
  await db.$queryRaw`SELECT id FROM talent_round WHERE id = ${assignment.application.roundId}::uuid FOR SHARE`;
  const round = await db.talentRound.findUniqueOrThrow({ where: { id: assignment.application.roundId } });
  requireReviewStatus(round);
  return assignment;
}

export async function reviewMaterial(
  db: DbClient,
  caller: Caller,
  applicationId: string,
): Promise<TReviewMaterial> {
  const assignment = await myAssignment(db, caller, applicationId);
  const { round, dossier, candidate } = assignment.application;
  requireReviewStatus(round);
  const config = configOf(round);
  const scores = await db.talentScore.findMany({ where: { assignmentId: assignment.id } });
  const certificates = await db.talentCertificate.findMany({
    where: { dossierId: dossier.id },
    orderBy: { kind: 'asc' },
  });
  const view = await viewOf(db, assignment, config.review.rubric);
  return {
    candidate: {
      ...view.candidate,
      gender: candidate.gender,
      birthYear: candidate.birthDate.getUTCFullYear(),
      unitType: dossier.unitType as TReviewMaterial['candidate']['unitType'],
      field: dossier.field as TReviewMaterial['candidate']['field'],
      elderlyServices: dossier.elderlyServices,
      socialWorkSince: isoDate(dossier.socialWorkSince),
      socialWorkYears: dossier.socialWorkYears.toNumber(),
      certificates: certificates.map((c) => ({
        kind: c.kind,
        level: c.level,
        issuedOn: isoDateOrNull(c.issuedOn),
      })),
    },
    round: { id: round.id, title: round.title, status: round.status, blindPhase: config.review.blindPhase },
    rubric: config.review.rubric,
    criteria: criteriaOf(scores),
    submitted: assignment.submittedAt !== null,
    ownScore: view.ownScore,
    otherScores: view.otherScores,
  };
}

function refuseSheet(problems: SheetProblem[]): never {
  throw new AppError(
    'TALENT_REVIEW_INVALID',
    problems.map((p) => p.message.en).join('; '),
    problems.map((p) => ({
      field: p.criterion ? `criteria.${p.criterion}` : 'criteria',
      reason: p.message.en,
      reasonZh: p.message.zh,
    })),
    { detailZh: problems.map((p) => p.message.zh).join('；') },
  );
}

const alreadySubmitted = () =>
  new AppError('CONFLICT', 'Your scores are submitted and locked.', [], {
    detailZh: '评分已提交，不能再修改',
  });

/**
 * Saves a draft (only the criteria sent, each checked) or submits (every criterion required), after
 * the conflict and assignment checks of checkScoreSheet; submitting locks the sheet.
 */
export async function saveScores(
  db: DbClient,
  caller: Caller,
  applicationId: string,
  criteria: Criteria,
  submit: boolean,
  now: Date,
): Promise<{ material: TReviewMaterial; audit: AuditEntry }> {
  const assignment = await assignmentInReview(db, caller, applicationId);
  if (assignment.submittedAt) throw alreadySubmitted();
  const round = assignment.application.round;
  const config = configOf(round);
  const seats = (await coveringSeats(db, round.unitId)).filter((s) => s.userId === caller.userId);
  const conflicts = await conflictsOf(db, round.id, seats, [assignment.application], config);
  const saved = criteriaOf(await db.talentScore.findMany({ where: { assignmentId: assignment.id } }));
  const sheet = {
    reviewerId: caller.userId,
    candidateId: applicationId,
    criteria: submit ? { ...saved, ...criteria } : criteria,
  };
  const problems = checkScoreSheet(sheet, {
    rubric: config.review.rubric,
    assignments: [{ candidateId: applicationId, reviewerIds: [caller.userId] }],
    conflicts,
  }).filter((p) => submit || p.code !== 'CRITERION_MISSING');
  if (problems.length > 0) refuseSheet(problems);
  for (const [criterionKey, raw] of Object.entries(sheet.criteria))
    await db.talentScore.upsert({
      where: { assignmentId_criterionKey: { assignmentId: assignment.id, criterionKey } },
      create: { assignmentId: assignment.id, criterionKey, raw, updatedAt: now },
      update: { raw, updatedAt: now },
    });
  if (submit)
    await db.talentReviewerAssignment.update({ where: { id: assignment.id }, data: { submittedAt: now } });
  return {
    material: await reviewMaterial(db, caller, applicationId),
    audit: {
      action: submit ? 'talent_review.submitted' : 'talent_review.draft_saved',
      resourceType: 'talent_application',
      resourceId: applicationId,
      unitId: round.unitId,
      after: {
        criteria: sheet.criteria,
        ...(submit ? { weightedScore: weightedScore(config.review.rubric, sheet.criteria) } : {}),
      },
    },
  };
}

/** 申报回避: recorded with its reason; the unsubmitted assignment and its draft scores end. */
export async function declareConflict(
  db: DbClient,
  caller: Caller,
  applicationId: string,
  reason: string,
): Promise<{ conflict: { applicationId: string; reason: string; recordedAt: string }; audit: AuditEntry }> {
  const assignment = await assignmentInReview(db, caller, applicationId);
  if (assignment.submittedAt)
    throw new AppError(
      'CONFLICT',
      'Your scores are submitted; ask the selection office to set them aside.',
      [],
      { detailZh: '评分已提交，不能再申报回避；请联系选拔办公室处理' },
    );
  const round = assignment.application.round;
  const conflict = await db.talentConflict.upsert({
    where: { applicationId_reviewerId: { applicationId, reviewerId: caller.userId } },
    create: { roundId: round.id, applicationId, reviewerId: caller.userId, source: 'declared', reason },
    update: {},
  });
  await db.talentScore.deleteMany({ where: { assignmentId: assignment.id } });
  await db.talentReviewerAssignment.delete({ where: { id: assignment.id } });
  return {
    conflict: { applicationId, reason: conflict.reason, recordedAt: conflict.recordedAt.toISOString() },
    audit: {
      action: 'talent_conflict.declared',
      resourceType: 'talent_application',
      resourceId: applicationId,
      unitId: round.unitId,
      after: { reason },
    },
  };
}
