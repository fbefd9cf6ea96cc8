// Wire contracts of what people do with a task besides answering it: hand-overs (改派, 委派, 交回,
// 转办), comments, and bulk approval with a result per task. Semantics: docs/task-actions.md.
import { z } from 'zod';
import { ZId, ZShortText } from '../admin/common.types';
import { ZPersonRef } from './work.types';

const ZComment = z.string().trim().max(2000);

/** 改派: a supervisor over the project's unit moves the task; the reason is kept in the history. */
export const ZReassignTaskRequest = z.object({ toUserId: ZId, reason: ZShortText(500) });
export type TReassignTaskRequest = z.infer<typeof ZReassignTaskRequest>;

/** 委派 and 转办: the holder hands the task to a colleague, with an optional note. */
export const ZHandOverTaskRequest = z.object({ toUserId: ZId, comment: ZComment.optional() });
export type THandOverTaskRequest = z.infer<typeof ZHandOverTaskRequest>;

/** 加签: the holder of an approval seat adds a signer before (前加签) or after (后加签) themself. */
export const ZAddSignerRequest = z.object({
  toUserId: ZId,
  position: z.enum(['before', 'after']),
  comment: ZComment.optional(),
});
export type TAddSignerRequest = z.infer<typeof ZAddSignerRequest>;

/** 抄送: whoever may act on the open task copies it to 1–20 people, with an optional note. */
export const ZCopyTaskRequest = z.object({
  userIds: z.array(ZId).min(1).max(20),
  note: ZComment.optional(),
});
export type TCopyTaskRequest = z.infer<typeof ZCopyTaskRequest>;

/** 交回: the delegate returns the task to its owner, saying what they found or did. */
export const ZResolveTaskRequest = z.object({ comment: ZComment.optional() });
export type TResolveTaskRequest = z.infer<typeof ZResolveTaskRequest>;

/** 退回: send the work back to an earlier node the instance passed through, as the node allows. */
export const ZReturnTaskRequest = z.object({ toNodeId: ZShortText(100), comment: ZComment.optional() });
export type TReturnTaskRequest = z.infer<typeof ZReturnTaskRequest>;

export const ZCommentTaskRequest = z.object({ comment: ZShortText(2000) });
export type TCommentTaskRequest = z.infer<typeof ZCommentTaskRequest>;

/** One remark in a task's history: a comment, a vote's comment, or a hand-over's note. */
export const ZTaskRemark = z
  .object({
    sequence: z.number().int(),
    type: z.string(),
    occurredAt: z.string(),
    author: ZPersonRef.nullable(),
    /** For hand-overs: the person the task went to. */
    to: ZPersonRef.nullable(),
    comment: z.string().nullable(),
  })
  .meta({ id: 'TaskRemark' });
export type TTaskRemark = z.infer<typeof ZTaskRemark>;

/** The task's remarks and hand-over state, and what the caller may do about them. */
export const ZTaskActivity = z
  .object({
    remarks: z.array(ZTaskRemark),
    /** While delegated: the owner the task returns to. */
    delegatedBy: ZPersonRef.nullable(),
    /** 前加签: the signer this seat waits for until they have voted. */
    waitingFor: ZPersonRef.nullable(),
    may: z.object({
      reassign: z.boolean(),
      delegate: z.boolean(),
      transfer: z.boolean(),
      resolve: z.boolean(),
      return: z.boolean(),
      /** 拿回: the caller completed this step and the next one is untouched. */
      takeBack: z.boolean(),
      comment: z.boolean(),
      /** 加签: the caller holds this approval seat and may answer it now. */
      addSigner: z.boolean(),
      /** 抄送: the caller may act on this open task (or delegated it). */
      copy: z.boolean(),
    }),
    /** 退回 targets: earlier nodes the instance passed through that the task's node lists. */
    returnTargets: z.array(z.object({ nodeId: z.string(), name: z.string() })),
    /** People who may take the task over (the engine decides again when it is handed over). */
    eligible: z.array(ZPersonRef),
    /** People who may be added as signers (anyone on the project's unit line not seated here). */
    signers: z.array(ZPersonRef),
    /** People the caller may pick in the task's `user` fields (人员选择), e.g. the next step's handler. */
    choosable: z.array(ZPersonRef),
    /** People the dialog offers for 抄送 (anyone on the project's unit line; the engine takes any active person). */
    copyTo: z.array(ZPersonRef),
  })
  .meta({ id: 'TaskActivity' });
export type TTaskActivity = z.infer<typeof ZTaskActivity>;

/** The most tasks one bulk approval takes: one inbox page. */
export const BULK_VOTE_LIMIT = 100;

export const ZBulkVoteRequest = z.object({
  taskIds: z
    .array(ZId)
    .min(1)
    .max(BULK_VOTE_LIMIT)
    .refine((ids) => new Set(ids).size === ids.length, 'each task once'),
  comment: ZComment.optional(),
});
export type TBulkVoteRequest = z.infer<typeof ZBulkVoteRequest>;

export const ZBulkVoteItem = z
  .object({
    taskId: z.string(),
    result: z.enum(['approved', 'refused']),
    /** Why this task was not approved: the problem one vote on it would have answered. */
    problem: z
      .object({ status: z.number().int(), code: z.string(), detail: z.string(), detailZh: z.string() })
      .nullable(),
  })
  .meta({ id: 'BulkVoteItem' });
export type TBulkVoteItem = z.infer<typeof ZBulkVoteItem>;

export const ZBulkVoteResult = z.object({
  items: z.array(ZBulkVoteItem),
  approved: z.number().int(),
  refused: z.number().int(),
});
export type TBulkVoteResult = z.infer<typeof ZBulkVoteResult>;
