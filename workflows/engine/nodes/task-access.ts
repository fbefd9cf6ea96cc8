// Finding the open task an event names and checking that the actor may act on it.
import type { Actor, TaskKind } from '../engine-events';
import type { OpenTask, Token } from '../instance-state';
import { rejectWith } from '../localized-message';
import { type Run, tokenOf } from '../run-context';

export function openTaskFor(
  run: Run,
  taskId: string,
  kind: TaskKind,
  actor: Actor,
): { task: OpenTask; token: Token } {
  const task = run.state.tasks[taskId];
  if (!task) rejectWith('TASK_NOT_FOUND', `待办 ${taskId} 不存在或已关闭`, `task ${taskId} is not open`);
  if (task.kind !== kind)
    rejectWith(
      'TASK_KIND_MISMATCH',
      `待办 ${taskId} 不是${kind}类型`,
      `task ${taskId} is a ${task.kind}, not a ${kind}`,
    );
  const assignee = task.assignee;
  // The engine checks what it can know; membership of a role in a unit subtree is the host's RBAC.
  const mismatch =
    assignee.type === 'user'
      ? assignee.userId !== actor.userId
      : actor.roles !== undefined && !actor.roles.includes(assignee.role);
  if (mismatch)
    rejectWith(
      'NOT_ASSIGNEE',
      `${actor.userId} 不是该待办的办理人`,
      `${actor.userId} is not the assignee of ${taskId}`,
    );
  return { task, token: tokenOf(run, task.tokenId) };
}
