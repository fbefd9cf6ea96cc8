// Hand-overs and comments on a task: 改派 (a supervisor over the project's unit), 委派 and 转办 (the
// holder), 交回 (the delegate), 退回 to an earlier node and 加签 (the holder), 抄送 (whoever may act on it), comments (anyone who sees the project). Each is an engine event
// sent through the Orchestrator port, so the engine decides and the instance history records it.
import type { TaskHolder } from '../../workflows/engine';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import type { Orchestrator } from '../orchestrator/orchestrator';
import { scopeRoots } from '../policy/unit-scope';
import { assertNotHostedStep } from './hosted-steps';
import { act, auditOf, sendTaskEvent, type Done } from './task-actions';
import type {
  TAddSignerRequest,
  TCommentTaskRequest,
  TCopyTaskRequest,
  THandOverTaskRequest,
  TReassignTaskRequest,
  TResolveTaskRequest,
  TReturnTaskRequest,
} from './task-action.types';
import { taskDetail, visibleTask } from './task-inbox';
import type { TaskRow } from './task-rows';

/** The instance's unit and those above it, as the instance fixed them when it started. */
export function unitLineOf(row: TaskRow): string[] {
  return [row.unit_id, ...(row.instance_state.unitAncestors ?? [])];
}

/** Mirrors the engine's rule (nodes/task-handover.ts) so that a refused caller gets a plain 403 first. */
export function supervisesProject(caller: Caller, row: TaskRow): boolean {
  const line = unitLineOf(row);
  return scopeRoots(caller, ['supervisor']).some((unitId) => line.includes(unitId));
}

const notSupervisor = () =>
  new AppError('FORBIDDEN', 'Only a supervisor over the project’s unit may reassign its tasks.', [], {
    detailZh: '只有项目所属机构或其上级机构的督导（站长）可以改派',
  });

/** The person a task is handed to, with their roles: the engine decides eligibility from them. */
export async function holderFor(
  db: DbClient,
  userId: string,
  field = 'toUserId',
): Promise<Required<TaskHolder>> {
  const rows = await db.$queryRaw<{ display_name: string; role: string | null; unit_id: string | null }[]>`
    SELECT u.display_name, ra.role::text AS role, ra.unit_id::text AS unit_id
    FROM app_user u LEFT JOIN role_assignment ra ON ra.user_id = u.id
    WHERE u.id = ${userId}::uuid AND u.kind = 'person' AND NOT u.disabled
    ORDER BY ra.role, ra.unit_id`;
  const first = rows[0];
  if (!first)
    throw new AppError('PROCESS_INPUT_INVALID', 'No such active person.', [
      { field, reason: 'no such active person', reasonZh: '没有这位在职人员' },
    ]);
  return {
    userId,
    displayName: first.display_name,
    assignments: rows.flatMap((r) => (r.role && r.unit_id ? [{ role: r.role, unitId: r.unit_id }] : [])),
  };
}

export async function reassignTask(
  db: DbClient,
  orchestrator: Orchestrator,
  caller: Caller,
  taskId: string,
  body: TReassignTaskRequest,
  idempotencyKey: string | undefined,
): Promise<Done> {
  if (scopeRoots(caller, ['supervisor']).length === 0) throw notSupervisor();
  return act(db, orchestrator, caller, taskId, idempotencyKey, {
    event: async (task) => {
      if (!supervisesProject(caller, task)) throw notSupervisor();
      return {
        type: 'taskReassigned',
        fromTaskId: task.engine_task_id,
        to: await holderFor(db, body.toUserId),
        reason: body.reason,
      };
    },
    fieldPrefix: 'toUserId',
    audit: 'task.reassigned',
    after: { to: body.toUserId, reason: body.reason },
    overClaims: true,
  });
}

/** 委派 or 转办: the same checks, a different event (see docs/task-actions.md). */
export async function handOverTask(
  kind: 'delegate' | 'transfer',
  db: DbClient,
  orchestrator: Orchestrator,
  caller: Caller,
  taskId: string,
  body: THandOverTaskRequest,
  idempotencyKey: string | undefined,
): Promise<Done> {
  return act(db, orchestrator, caller, taskId, idempotencyKey, {
    event: async (task) => ({
      type: kind === 'delegate' ? 'taskDelegated' : 'taskTransferred',
      fromTaskId: task.engine_task_id,
      to: await holderFor(db, body.toUserId),
      ...(body.comment ? { comment: body.comment } : {}),
    }),
    fieldPrefix: 'toUserId',
    audit: kind === 'delegate' ? 'task.delegated' : 'task.transferred',
    after: { to: body.toUserId },
  });
}

export async function resolveTask(
  db: DbClient,
  orchestrator: Orchestrator,
  caller: Caller,
  taskId: string,
  body: TResolveTaskRequest,
  idempotencyKey: string | undefined,
): Promise<Done> {
  return act(db, orchestrator, caller, taskId, idempotencyKey, {
    event: (task) => ({
      type: 'taskResolved',
      taskId: task.engine_task_id,
      ...(body.comment ? { comment: body.comment } : {}),
    }),
    fieldPrefix: '',
    audit: 'task.resolved',
  });
}

export async function commentOnTask(
  db: DbClient,
  orchestrator: Orchestrator,
  caller: Caller,
  taskId: string,
  body: TCommentTaskRequest,
  idempotencyKey: string | undefined,
): Promise<Done> {
  // Anyone who sees the project may remark on its open tasks, also on one someone else claimed.
  return act(db, orchestrator, caller, taskId, idempotencyKey, {
    event: (task) => ({ type: 'taskCommented', taskId: task.engine_task_id, comment: body.comment }),
    fieldPrefix: '',
    audit: 'task.commented',
    overClaims: true,
  });
}

export async function returnTask(
  db: DbClient,
  orchestrator: Orchestrator,
  caller: Caller,
  taskId: string,
  body: TReturnTaskRequest,
  idempotencyKey: string | undefined,
): Promise<Done> {
  return act(db, orchestrator, caller, taskId, idempotencyKey, {
    event: (task) => ({
      type: 'taskReturned',
      taskId: task.engine_task_id,
      toNodeId: body.toNodeId,
      ...(body.comment ? { comment: body.comment } : {}),
    }),
    fieldPrefix: 'toNodeId',
    audit: 'task.returned',
    after: { toNodeId: body.toNodeId },
  });
}

/** 加签: the holder of an approval seat adds a signer before or after themself. */
export async function addSigner(
  db: DbClient,
  orchestrator: Orchestrator,
  caller: Caller,
  taskId: string,
  body: TAddSignerRequest,
  idempotencyKey: string | undefined,
): Promise<Done> {
  return act(db, orchestrator, caller, taskId, idempotencyKey, {
    event: async (task) => ({
      type: 'signerAdded',
      taskId: task.engine_task_id,
      to: await holderFor(db, body.toUserId),
      position: body.position,
      ...(body.comment ? { comment: body.comment } : {}),
    }),
    fieldPrefix: 'toUserId',
    audit: 'task.signer_added',
    after: { to: body.toUserId, position: body.position },
  });
}

/** 抄送: whoever may act on the open task copies it to people; each is notified and may read the project. */
export async function copyTask(
  db: DbClient,
  orchestrator: Orchestrator,
  caller: Caller,
  taskId: string,
  body: TCopyTaskRequest,
  idempotencyKey: string | undefined,
): Promise<Done> {
  return act(db, orchestrator, caller, taskId, idempotencyKey, {
    event: async (task) => ({
      type: 'taskCopied',
      taskId: task.engine_task_id,
      to: await Promise.all(body.userIds.map((userId, index) => holderFor(db, userId, `userIds.${index}`))),
      ...(body.note ? { note: body.note } : {}),
    }),
    fieldPrefix: 'userIds',
    audit: 'task.copied',
    after: { to: body.userIds, ...(body.note ? { note: body.note } : {}) },
  });
}

/** 拿回: the author of a completed form task takes it back while the next step is untouched. */
export async function takeBackTask(
  db: DbClient,
  orchestrator: Orchestrator,
  caller: Caller,
  taskId: string,
  idempotencyKey: string | undefined,
): Promise<Done> {
  const { row } = await visibleTask(db, caller, taskId);
  if (row.status !== 'completed')
    throw new AppError('PROCESS_STATE_CONFLICT', 'Only a completed step can be taken back.', [], {
      detailZh: '只能拿回已提交的环节',
    });
  await assertNotHostedStep(db, row);
  await sendTaskEvent(
    orchestrator,
    caller,
    row,
    { type: 'taskTakenBack', taskId: row.engine_task_id },
    idempotencyKey,
  );
  return { task: await taskDetail(db, caller, taskId, true), audit: auditOf('task.taken_back', row) };
}

/** Mirrors the engine's rule for 拿回 (nodes/task-handover.ts), to offer it only where it applies. */
export function mayTakeBack(row: TaskRow, caller: Caller): boolean {
  const last = row.instance_state.lastCompletion;
  return (
    row.status === 'completed' &&
    last?.taskId === row.engine_task_id &&
    last.userId === caller.userId &&
    last.opened.length > 0 &&
    last.opened.every((id) => row.instance_state.tasks[id]?.tokenId === last.tokenId)
  );
}
