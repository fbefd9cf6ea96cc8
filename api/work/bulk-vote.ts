// 批量同意: approve many approval tasks with one comment. Each task is one vote through the port,
// decided on its own; a task that cannot be approved gets the problem a single vote would have
// answered, and the others go ahead (never all-or-nothing).
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { AppError, toProblem } from '../http/app-error';
import type { AuditEntry } from '../http/audit-entry';
import type { Orchestrator } from '../orchestrator/orchestrator';
import type { TBulkVoteItem, TBulkVoteRequest, TBulkVoteResult } from './task-action.types';
import { voteOnTask } from './task-actions';

export async function bulkApprove(
  db: DbClient,
  orchestrator: Orchestrator,
  caller: Caller,
  body: TBulkVoteRequest,
  idempotencyKey: string | undefined,
): Promise<{ result: TBulkVoteResult; audit: AuditEntry }> {
  const items: TBulkVoteItem[] = [];
  // One after another: votes on one instance would otherwise contend for its revision.
  for (const taskId of body.taskIds) {
    try {
      await voteOnTask(
        db,
        orchestrator,
        caller,
        taskId,
        { vote: 'approve', ...(body.comment ? { comment: body.comment } : {}) },
        idempotencyKey === undefined ? undefined : `${idempotencyKey}/${taskId}`,
      );
      items.push({ taskId, result: 'approved', problem: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const problem = toProblem(error);
      items.push({
        taskId,
        result: 'refused',
        problem: {
          status: problem.status,
          code: problem.code,
          detail: problem.detail,
          detailZh: problem.detailZh,
        },
      });
    }
  }
  const approved = items.filter((item) => item.result === 'approved').map((item) => item.taskId);
  const refused = items.filter((item) => item.result === 'refused').map((item) => item.taskId);
  return {
    result: { items, approved: approved.length, refused: refused.length },
    audit: {
      action: 'task.bulk_voted',
      resourceType: 'task',
      resourceId: null,
      unitId: null,
      after: { approved, refused, comment: body.comment ?? null },
    },
  };
}
