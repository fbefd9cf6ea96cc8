// Contracts of the committee review routes (专家评审): the office's assignment overview and its
// commands, and what a committee member (评审专家) reads and sends about the applications assigned
// to them. Reviewers never see identity numbers or phones; in the blind phase not even the name
// or employer, only the candidate's code.
import { z } from 'zod';
import { ZRubricCriterion } from '../../workflows/talent';
import { ZId, ZShortText } from '../admin/common.types';
import { ZCertificateKind, ZRoundStatus, ZSocialWorkField, ZUnitType } from './talent.types';

export const ZReviewerParams = z.object({ id: ZId, reviewerId: ZId });

export const ZAssignReviewerRequest = z.object({ reviewerId: ZId });

export const ZReviewerLoad = z.object({
  reviewerId: z.string(),
  name: z.string(),
  /** Units where the person holds the committee-member role, comma-separated. */
  unitNames: z.string(),
  /** False for someone still assigned who no longer covers the round's unit (role removed). */
  covers: z.boolean(),
  assigned: z.number().int(),
  submitted: z.number().int(),
});

export const ZAssignedReviewer = z.object({
  reviewerId: z.string(),
  name: z.string(),
  automatic: z.boolean(),
  submitted: z.boolean(),
});

export const ZConflictRecord = z.object({
  applicationId: z.string(),
  reviewerId: z.string(),
  reviewerName: z.string(),
  source: z.enum(['declared', 'same_employer']),
  reason: z.string(),
  recordedAt: z.string(),
});

export const ZAssignmentOverview = z.object({
  roundId: z.string(),
  roundStatus: ZRoundStatus,
  minReviewersPerCandidate: z.number().int(),
  applications: z.array(
    z.object({
      applicationId: z.string(),
      name: z.string(),
      employerName: z.string(),
      reviewers: z.array(ZAssignedReviewer),
      /** Reviewers still missing to reach the round's minimum (0 when complete). */
      missing: z.number().int(),
    }),
  ),
  reviewers: z.array(ZReviewerLoad),
  conflicts: z.array(ZConflictRecord),
});
export type TAssignmentOverview = z.infer<typeof ZAssignmentOverview>;

/** How a reviewer sees a candidate: a code always, the name and employer only outside the blind phase. */
const ZMaskedCandidate = z.object({
  /** The application's id. */
  id: z.string(),
  /** A short code from the application id, the same for every reviewer. */
  code: z.string(),
  masked: z.boolean(),
  name: z.string().nullable(),
  employerName: z.string().nullable(),
});

export const ZMyAssignment = ZMaskedCandidate.extend({
  roundId: z.string(),
  roundTitle: z.string(),
  roundStatus: ZRoundStatus,
  assignedAt: z.string(),
  submitted: z.boolean(),
});
export const ZMyAssignments = z.object({ items: z.array(ZMyAssignment) });
export type TMyAssignment = z.infer<typeof ZMyAssignment>;

export const ZReviewMaterial = z.object({
  candidate: ZMaskedCandidate.extend({
    gender: z.enum(['male', 'female']),
    birthYear: z.number().int(),
    unitType: ZUnitType,
    field: ZSocialWorkField,
    elderlyServices: z.boolean(),
    socialWorkSince: z.string(),
    socialWorkYears: z.number(),
    certificates: z.array(
      z.object({ kind: ZCertificateKind, level: z.string().nullable(), issuedOn: z.string().nullable() }),
    ),
  }),
  round: z.object({ id: z.string(), title: z.string(), status: ZRoundStatus, blindPhase: z.boolean() }),
  rubric: z.array(ZRubricCriterion),
  /** The reviewer's own scores per criterion key, draft or submitted. */
  criteria: z.record(z.string(), z.number()),
  submitted: z.boolean(),
  /** The reviewer's weighted score (0–100) once submitted. */
  ownScore: z.number().nullable(),
  /** Other reviewers' weighted scores; null while they are hidden (blind phase, not all submitted). */
  otherScores: z.array(z.object({ reviewerName: z.string(), score: z.number() })).nullable(),
});
export type TReviewMaterial = z.infer<typeof ZReviewMaterial>;

export const ZScoreSheetRequest = z.object({
  /** Scores by rubric criterion key, each 0..maxScore. */
  criteria: z.record(z.string(), z.number()),
});

export const ZDeclareConflictRequest = z.object({ reason: ZShortText(500) });
