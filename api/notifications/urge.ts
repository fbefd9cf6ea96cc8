// Urge (催办): someone who may see a task's project reminds whoever must act on it: its assignee,
// or the holders of its role while no one has claimed it. One urge per task and caller in each
// ten minutes, counted in the notification rows themselves (every server process sees them), under
// a transaction lock so two urges at once cannot both pass.
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import { storedPayload } from '../../activities/notifications';
import type { Prisma } from '../../prisma/generated/client';
import type { ResolvedAssignee } from '../../workflows/engine';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import type { AuditEntry } from '../http/audit-entry';
import { visibleTask } from '../work/task-inbox';
import type { TUrgeRequest, TUrgeResult } from './notification.types';

export const URGE_INTERVAL_MS = 10 * 60_000;

interface Candidacy {
  candidate_unit_id: string | null;
  candidate_scope: 'unit' | 'ancestors' | 'unitOrAncestors' | null;
  assignee_name: string | null;
}

export async function urgeTask(
  db: DbClient,
  caller: Caller,
  taskId: string,
  request: TUrgeRequest,
  res: Response,
): Promise<{ result: TUrgeResult; audit: AuditEntry }> {
  const { row } = await visibleTask(db, caller, taskId);
  if (row.status !== 'open')
    throw new AppError('PROCESS_STATE_CONFLICT', 'Only an open task can be urged.', [], {
      detailZh: '该待办已办结或已撤销，无需催办',
    });
  if (row.assignee_id === caller.userId)
    throw new AppError('CONFLICT', 'The task is yours: there is no one else to urge.', [], {
      detailZh: '该待办由您本人办理，无需催办',
    });

  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`urge:${taskId}:${caller.userId}`}))`;
  const last = await db.$queryRaw<{ at: Date | null }[]>`
    SELECT max(created_at) AS at FROM notification
    WHERE template = 'task.urged' AND instance_id = ${row.instance_id}::uuid
      AND payload ->> 'taskId' = ${row.engine_task_id} AND payload ->> 'urgedById' = ${caller.userId}`;
  const lastAt = last[0]?.at;
  const wait = lastAt ? lastAt.getTime() + URGE_INTERVAL_MS - Date.now() : 0;
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    res.set('Retry-After', String(seconds));
    const minutes = Math.ceil(seconds / 60);
    throw new AppError(
      'TOO_MANY_REQUESTS',
      `You urged this task a moment ago; you may urge it again in ${minutes} minute(s).`,
      [],
      { detailZh: `您刚催办过该待办，请 ${minutes} 分钟后再试`, retryAfterSeconds: seconds },
    );
  }

  const [task] = await db.$queryRaw<Candidacy[]>`
    SELECT t.candidate_unit_id, t.candidate_scope, u.display_name AS assignee_name
    FROM task t LEFT JOIN app_user u ON u.id = t.assignee_id WHERE t.id = ${taskId}::uuid`;
  const to: ResolvedAssignee = row.assignee_id
    ? { type: 'user', userId: row.assignee_id }
    : {
        type: 'role',
        role: row.candidate_role!,
        unitId: task?.candidate_unit_id ?? null,
        scope: task?.candidate_scope ?? 'unit',
      };
  const payload = storedPayload(to, {
    taskId: row.engine_task_id,
    nodeId: row.node_id,
    urgedById: caller.userId,
    urgedByName: caller.displayName,
    ...(row.due_at ? { dueAt: row.due_at.toISOString() } : {}),
    ...(request.message ? { message: request.message } : {}),
  });
  const notification = await db.notification.create({
    data: {
      idempotencyKey: `urge/${taskId}/${randomUUID()}`,
      instanceId: row.instance_id,
      recipientUserId: to.type === 'user' ? to.userId : null,
      recipientRole: to.type === 'role' ? to.role : null,
      recipientUnitId: to.type === 'role' ? to.unitId : null,
      template: 'task.urged',
      // Built from strings above: valid JSON.
      payload: payload as Prisma.InputJsonObject,
    },
  });
  const recipient: TUrgeResult['recipient'] =
    to.type === 'user'
      ? { type: 'user', userId: to.userId, displayName: task?.assignee_name ?? '' }
      : { type: 'role', role: to.role, unitId: to.unitId };
  return {
    result: { recipient, notificationId: notification.id },
    audit: {
      action: 'task.urged',
      resourceType: 'task',
      resourceId: row.id,
      unitId: row.unit_id,
      after: { recipient, ...(request.message ? { message: request.message } : {}) },
    },
  };
}
