// Wire types of the task hand-overs, 加签, 抄送, remarks and bulk approval, inferred from the server's zod
// contracts (api/work/task-action.types.ts). Type-only: no zod in the bundle.
import type {
  TAddSignerRequest,
  TBulkVoteItem,
  TBulkVoteRequest,
  TBulkVoteResult,
  TCommentTaskRequest,
  TCopyTaskRequest,
  THandOverTaskRequest,
  TReassignTaskRequest,
  TResolveTaskRequest,
  TReturnTaskRequest,
  TTaskActivity,
  TTaskRemark,
} from '../../../../api/work/task-action.types';

export type TaskActivity = TTaskActivity;
export type TaskRemark = TTaskRemark;
export type ReassignTaskRequest = TReassignTaskRequest;
export type HandOverTaskRequest = THandOverTaskRequest;
export type ResolveTaskRequest = TResolveTaskRequest;
export type ReturnTaskRequest = TReturnTaskRequest;
export type CommentTaskRequest = TCommentTaskRequest;
export type AddSignerRequest = TAddSignerRequest;
export type CopyTaskRequest = TCopyTaskRequest;
export type BulkVoteRequest = TBulkVoteRequest;
export type BulkVoteResult = TBulkVoteResult;
export type BulkVoteItem = TBulkVoteItem;
