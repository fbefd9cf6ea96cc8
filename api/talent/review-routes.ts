// Committee review routes (专家评审, issue 12): the selection office assigns reviewers (automatic and
// by hand) and sees the load; a committee member lists their assignments, reads one's material,
// saves and submits scores and declares a conflict of interest. Commands only while the round is
// in review (409 otherwise); see docs/talent-review.md.
import { ZIdParams } from '../admin/common.types';
import type { Db } from '../db/prisma-client';
import { defineRoute, type AnyRoute } from '../http/route';
import { expectCommitteeMemberOwn, expectSelectionOfficeSubtree } from '../policy/route-expectations';
import type { Clock } from '../runtime/clock';
import { assignByHand, assignmentOverview, autoAssign, unassignByHand } from './review-assignment';
import { declareConflict, myAssignments, reviewMaterial, saveScores } from './review-sheets';
import {
  ZAssignmentOverview,
  ZAssignReviewerRequest,
  ZConflictRecord,
  ZDeclareConflictRequest,
  ZMyAssignments,
  ZReviewerParams,
  ZReviewMaterial,
  ZScoreSheetRequest,
} from './review-types';

const office = {
  tag: 'talent',
  access: { kind: 'signedIn' },
  expect: expectSelectionOfficeSubtree,
} as const;
const reviewer = {
  tag: 'talent',
  access: { kind: 'signedIn', personOnly: true },
  expect: expectCommitteeMemberOwn,
} as const;
const overviewAnswer = {
  200: { description: 'The round’s assignments as they now stand', schema: ZAssignmentOverview },
};
const materialAnswer = {
  200: { description: 'The material and your scores as they now stand', schema: ZReviewMaterial },
};

export function talentReviewRoutes(prisma: Db, clock: Clock): AnyRoute[] {
  return [
    defineRoute({
      ...office,
      method: 'get',
      path: '/talent/rounds/:id/review-assignments',
      summary:
        'The review assignments of a round: per eligible application its reviewers (submitted or not) and how many are missing, per committee member the load, the recorded conflicts',
      params: ZIdParams,
      responses: overviewAnswer,
      handle: async ({ caller, params }) => ({
        status: 200,
        body: await assignmentOverview(prisma, caller, params.id),
      }),
    }),
    defineRoute({
      ...office,
      method: 'post',
      path: '/talent/rounds/:id/review-assignments/auto',
      summary:
        'Assign config.review.minReviewersPerCandidate reviewers to every eligible application, balanced and deterministic, never a conflicted one; replaces earlier assignments, so only before any score is saved (409 after); 422 naming the applications short of reviewers, assigning nothing',
      idempotent: true,
      params: ZIdParams,
      responses: overviewAnswer,
      handle: async ({ db, caller, params }) => {
        const { overview, audit } = await autoAssign(db, caller, params.id);
        return { status: 200, body: overview, audit };
      },
    }),
    defineRoute({
      ...office,
      method: 'post',
      path: '/talent/applications/:id/reviewers',
      summary:
        'Assign one more reviewer to an eligible application by hand: a committee member covering the round’s unit without a conflict (422 naming reviewerId otherwise)',
      idempotent: true,
      params: ZIdParams,
      body: ZAssignReviewerRequest,
      responses: overviewAnswer,
      handle: async ({ db, caller, params, body }) => {
        const { overview, audit } = await assignByHand(db, caller, params.id, body.reviewerId);
        return { status: 200, body: overview, audit };
      },
    }),
    defineRoute({
      ...office,
      method: 'delete',
      path: '/talent/applications/:id/reviewers/:reviewerId',
      summary: 'Take a reviewer off an application (their draft scores go with it); 409 once they submitted',
      idempotent: true,
      params: ZReviewerParams,
      responses: overviewAnswer,
      handle: async ({ db, caller, params }) => {
        const { overview, audit } = await unassignByHand(db, caller, params.id, params.reviewerId);
        return { status: 200, body: overview, audit };
      },
    }),
    defineRoute({
      ...reviewer,
      method: 'get',
      path: '/talent/reviews',
      summary:
        'The caller’s review assignments (newest first): round, candidate code, name and employer only outside the blind phase, submitted or not',
      responses: { 200: { description: 'Your assignments', schema: ZMyAssignments } },
      handle: async ({ caller }) => ({ status: 200, body: await myAssignments(prisma, caller) }),
    }),
    defineRoute({
      ...reviewer,
      method: 'get',
      path: '/talent/reviews/:id',
      summary:
        'One assigned application’s review material (no identity number or phone; blind-phase masking), the rubric, your scores and, once all reviewers submitted or without a blind phase, the others’ scores',
      params: ZIdParams,
      responses: materialAnswer,
      handle: async ({ caller, params }) => ({
        status: 200,
        body: await reviewMaterial(prisma, caller, params.id),
      }),
    }),
    defineRoute({
      ...reviewer,
      method: 'post',
      path: '/talent/reviews/:id/draft',
      summary: 'Save draft scores for the criteria sent (each 0..maxScore, 422 naming `criteria.<key>`)',
      idempotent: true,
      params: ZIdParams,
      body: ZScoreSheetRequest,
      responses: materialAnswer,
      handle: async ({ db, caller, params, body }) => {
        const { material, audit } = await saveScores(db, caller, params.id, body.criteria, false, clock());
        return { status: 200, body: material, audit };
      },
    }),
    defineRoute({
      ...reviewer,
      method: 'post',
      path: '/talent/reviews/:id/submit',
      summary:
        'Submit your scores (the criteria sent over the saved draft; every criterion required, 0..maxScore); they are locked afterwards',
      idempotent: true,
      params: ZIdParams,
      body: ZScoreSheetRequest,
      responses: materialAnswer,
      handle: async ({ db, caller, params, body }) => {
        const { material, audit } = await saveScores(db, caller, params.id, body.criteria, true, clock());
        return { status: 200, body: material, audit };
      },
    }),
    defineRoute({
      ...reviewer,
      method: 'post',
      path: '/talent/reviews/:id/conflict',
      summary:
        'Declare a conflict of interest (申报回避) with a reason: recorded, and your unsubmitted assignment ends; 409 after submitting',
      idempotent: true,
      params: ZIdParams,
      body: ZDeclareConflictRequest,
      responses: {
        201: {
          description: 'Recorded',
          schema: ZConflictRecord.pick({ applicationId: true, reason: true, recordedAt: true }),
        },
      },
      handle: async ({ db, caller, params, body }) => {
        const { conflict, audit } = await declareConflict(db, caller, params.id, body.reason);
        return { status: 201, body: conflict, audit };
      },
    }),
  ];
}
