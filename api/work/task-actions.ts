// What people do with a task: claim it from the candidates' pool, release it, complete its form,
// vote, score. The engine decides whether the action fits the process; the API adds the inbox's
// own rule, the claim: a claimed role task is acted on by whoever claimed it.
import { randomUUID } from 'node:crypto';
import type { FormField } from '../../workflows/engine';
import { assertFileFieldsInProject } from '../attachments/file-field-check';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import type { AuditEntry } from '../http/audit-entry';
import type { CommandEvent, Orchestrator } from '../orchestrator/orchestrator';
import { assertNotHostedStep } from './hosted-steps';
import { definitionOf, nodeOf } from './definition-cache';
import { engineCall } from './engine-errors';
import { assertFormData } from './form-data-check';
import { taskDetail, visibleTask } from './task-inbox';
import type { TaskRow } from './task-rows';
import { assertUserFieldsChoosable } from './unit-line-people';
import { candidateFor } from './work-scope';
import type { TCompleteTaskRequest, TReviewRequest, TTaskDetail, TVoteRequest } from './work.types';

export interface Done {
  task: TTaskDetail;
  audit: AuditEntry;
}

export const auditOf = (action: AuditEntry['action'], row: TaskRow, after?: unknown): AuditEntry => ({
  action,
  resourceType: 'task',
  resourceId: row.id,
  unitId: row.unit_id,
  ...(after === undefined ? {} : { after }),
});

export function assertOpen(row: TaskRow): void {
  if (row.status !== 'open')
    throw new AppError('PROCESS_STATE_CONFLICT', 'The task is no longer open.', [], {
      detailZh: '该待办已办结或已撤销',
    });
}

/** Someone else claimed this role task: only they act on it until they release it. */
export function assertNotClaimedByOther(row: TaskRow, caller: Caller): void {
  if (row.candidate_role !== null && row.assignee_id !== null && row.assignee_id !== caller.userId)
    throw new AppError('TASK_CLAIMED', `The task is claimed by ${row.assignee_name ?? 'someone else'}.`, [], {
      detailZh: `该待办已被${row.assignee_name ?? '他人'}认领`,
    });
}

export async function claimTask(db: DbClient, caller: Caller, taskId: string): Promise<Done> {
  const { row, candidate } = await visibleTask(db, caller, taskId);
  assertOpen(row);
  assertNotClaimedByOther(row, caller);
  if (!candidate)
    throw new AppError(
      'PROCESS_STATE_CONFLICT',
      'Only an unclaimed task for one of your roles can be claimed.',
      [],
      {
        detailZh: '只能认领尚未被认领、且属于您的角色的待办',
      },
    );
  await assertNoOtherSeat(db, caller, taskId);
  // The candidate condition again in the update: of two claims at once, exactly one wins.
  const claimed = await db.$executeRaw`
    UPDATE task t SET assignee_id = ${caller.userId}::uuid FROM process_instance i
    WHERE t.id = ${taskId}::uuid AND i.id = t.instance_id AND ${candidateFor(caller)}`;
  if (claimed !== 1) {
    const { row: now } = await visibleTask(db, caller, taskId);
    assertNotClaimedByOther(now, caller);
    assertOpen(now);
  }
  return { task: await taskDetail(db, caller, taskId, true), audit: auditOf('task.claimed', row) };
}

/**
 * One person holds one seat of an approval or review: claiming a second seat of the same step (one
 * still open in their hands, or one they already decided in this visit of the step, whose seats
 * were created together) would let one person fill the quorum, and the engine refuses their
 * second vote anyway.
 */
async function assertNoOtherSeat(db: DbClient, caller: Caller, taskId: string): Promise<void> {
  const [seat] = await db.$queryRaw<{ held: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM task o
      WHERE o.instance_id = t.instance_id AND o.node_id = t.node_id AND o.id <> t.id
        AND (o.status = 'open' AND o.assignee_id = ${caller.userId}::uuid
          OR o.completed_by_id = ${caller.userId}::uuid AND o.created_at = t.created_at)) AS held
    FROM task t WHERE t.id = ${taskId}::uuid AND t.kind IN ('approval', 'review')`;
  if (seat?.held)
    throw new AppError(
      'PROCESS_STATE_CONFLICT',
      'You already hold or decided another seat of this step.',
      [],
      {
        detailZh: '您已认领或办理了此环节的另一个席位，每人只能占一个席位',
      },
    );
}

export async function unclaimTask(db: DbClient, caller: Caller, taskId: string): Promise<Done> {
  const { row } = await visibleTask(db, caller, taskId);
  assertOpen(row);
  if (row.candidate_role === null || row.assignee_id !== caller.userId)
    throw new AppError('PROCESS_STATE_CONFLICT', 'Only a task you claimed can be released.', [], {
      detailZh: '只能释放您自己认领的待办',
    });
  await db.$executeRaw`UPDATE task SET assignee_id = NULL
    WHERE id = ${taskId}::uuid AND assignee_id = ${caller.userId}::uuid AND status = 'open'`;
  return { task: await taskDetail(db, caller, taskId, true), audit: auditOf('task.unclaimed', row) };
}

/** What a task command sends and what the audit log records of it. */
export interface TaskCommand {
  /** The engine event for the task as it stands (may refuse first, e.g. a form with errors). */
  event: (row: TaskRow) => CommandEvent | Promise<CommandEvent>;
  /** Where the request's data sat, to name fields in the engine's refusals ('data' for a form). */
  fieldPrefix: string;
  audit: AuditEntry['action'];
  /** What the audit row says beyond the task itself. */
  after?: unknown;
  /** A command that may act on a task someone else claimed (a supervisor's, a remark). */
  overClaims?: boolean;
}

/** Sends an event about the task through the port as the caller; the HTTP idempotency key, when given, keys the command. */
export async function sendTaskEvent(
  orchestrator: Orchestrator,
  caller: Caller,
  row: TaskRow,
  event: CommandEvent,
  idempotencyKey: string | undefined,
  fieldPrefix = '',
): Promise<void> {
  await engineCall(
    () =>
      orchestrator.send(
        row.instance_id,
        event,
        { userId: caller.userId },
        `api/${idempotencyKey ?? randomUUID()}`,
      ),
    fieldPrefix,
  );
}

/** One command on an open task: checked, sent, and answered with the task as it now stands and its audit entry. */
export async function act(
  db: DbClient,
  orchestrator: Orchestrator,
  caller: Caller,
  taskId: string,
  idempotencyKey: string | undefined,
  command: TaskCommand,
): Promise<Done> {
  const { row } = await visibleTask(db, caller, taskId);
  assertOpen(row);
  if (!command.overClaims) assertNotClaimedByOther(row, caller);
  await assertNotHostedStep(db, row);
  await sendTaskEvent(
    orchestrator,
    caller,
    row,
    await command.event(row),
    idempotencyKey,
    command.fieldPrefix,
  );
  return {
    task: await taskDetail(db, caller, taskId, true),
    audit: auditOf(command.audit, row, command.after),
  };
}

export async function completeTask(
  db: DbClient,
  orchestrator: Orchestrator,
  caller: Caller,
  taskId: string,
  body: TCompleteTaskRequest,
  idempotencyKey: string | undefined,
): Promise<Done> {
  const data = body.data ?? {};
  return act(db, orchestrator, caller, taskId, idempotencyKey, {
    event: async (task) => {
      if (task.kind !== 'userTask') throw kindMismatch('userTask');
      // A file field may name only this project's attachments.
      await assertFileFieldsInProject(db, task, data);
      // The engine checks the same schema; checking here first gives the field errors in Chinese too.
      assertFormData(await formOf(db, task), data, 'data');
      await assertUserFieldsChoosable(db, task, data);
      return { type: 'taskCompleted', taskId: task.engine_task_id, data };
    },
    fieldPrefix: 'data',
    audit: 'task.completed',
  });
}

/**
 * The field list the engine checks a completion against: its definition node's form (the task
 * row holds a copy), from the per-process definition cache, so its schema is built once.
 */
async function formOf(db: DbClient, task: TaskRow): Promise<FormField[]> {
  const node = nodeOf(await definitionOf(db, task.version_id), task.node_id);
  return node?.kind === 'userTask' ? node.form : (task.form ?? []);
}

export async function voteOnTask(
  db: DbClient,
  orchestrator: Orchestrator,
  caller: Caller,
  taskId: string,
  body: TVoteRequest,
  idempotencyKey: string | undefined,
): Promise<Done> {
  return act(db, orchestrator, caller, taskId, idempotencyKey, {
    event: (task) => {
      if (task.kind !== 'approval') throw kindMismatch('approval');
      return {
        type: 'approvalVoted',
        taskId: task.engine_task_id,
        vote: body.vote,
        ...(body.comment ? { comment: body.comment } : {}),
      };
    },
    fieldPrefix: '',
    audit: 'task.voted',
    after: { vote: body.vote },
  });
}

export async function reviewTask(
  db: DbClient,
  orchestrator: Orchestrator,
  caller: Caller,
  taskId: string,
  body: TReviewRequest,
  idempotencyKey: string | undefined,
): Promise<Done> {
  return act(db, orchestrator, caller, taskId, idempotencyKey, {
    event: (task) => {
      if (task.kind !== 'review') throw kindMismatch('review');
      return { type: 'reviewSubmitted', taskId: task.engine_task_id, ...body };
    },
    fieldPrefix: '',
    audit: 'task.reviewed',
    after: { recused: body.recused === true },
  });
}

function kindMismatch(expected: string): AppError {
  return new AppError('PROCESS_STATE_CONFLICT', `This action is for ${expected} tasks.`, [], {
    detailZh: '该操作不适用于此类待办',
  });
}
