// Finding the open task an event names and checking that the actor is one of its candidates.
import type { Actor, TaskKind } from '../engine-events';
import type { InstanceState, OpenTask, ResolvedAssignee, Token } from '../instance-state';
import { rejectWith } from '../localized-message';
import { type Run, tokenOf } from '../run-context';

/**
 * The units at which holding the role makes someone a candidate. The instance's ancestors come from
 * its `started` event (the host resolves them), so the decision needs no I/O. A task without a unit
 * (an instance started without one) accepts the role at any unit.
 */
function candidateUnits(
  assignee: Extract<ResolvedAssignee, { type: 'role' }>,
  state: InstanceState,
): string[] | 'any' {
  if (assignee.unitId === null) return 'any';
  const ancestors = state.unitAncestors ?? [];
  switch (assignee.scope) {
    case 'unit':
      return [assignee.unitId];
    case 'ancestors':
      return ancestors;
    case 'unitOrAncestors':
      return [assignee.unitId, ...ancestors];
  }
}

/** A named user, or someone holding the role at one of the units the rule reaches. */
export function isCandidate(assignee: ResolvedAssignee, actor: Actor, state: InstanceState): boolean {
  if (assignee.type === 'user') return assignee.userId === actor.userId;
  const units = candidateUnits(assignee, state);
  return (actor.assignments ?? []).some(
    (held) => held.role === assignee.role && (units === 'any' || units.includes(held.unitId)),
  );
}

export function findOpenTask(run: Run, taskId: string): OpenTask {
  const task = run.state.tasks[taskId];
  if (!task) rejectWith('TASK_NOT_FOUND', `待办 ${taskId} 不存在或已关闭`, `task ${taskId} is not open`);
  return task;
}

/** The open task an answer (form, vote, review) is for, when the actor may give it. */
export function openTaskFor(
  run: Run,
  taskId: string,
  kind: TaskKind,
  actor: Actor,
): { task: OpenTask; token: Token } {
  const task = findOpenTask(run, taskId);
  if (task.kind !== kind)
    rejectWith(
      'TASK_KIND_MISMATCH',
      `待办 ${taskId} 不是${kind}类型`,
      `task ${taskId} is a ${task.kind}, not a ${kind}`,
    );
  if (!isCandidate(task.assignee, actor, run.state))
    rejectWith(
      'NOT_A_CANDIDATE',
      `${actor.userId} 不是该待办的办理人，也不具备其所需的角色与机构`,
      `${actor.userId} is neither the assignee of ${taskId} nor holds its role at a unit it reaches`,
    );
  // A delegated task is only handed back by its delegate (task-handover.ts), never answered.
  if (task.delegatedBy !== undefined)
    rejectWith(
      'TASK_DELEGATED',
      '该待办已委派，须由受托人交回委托人后由委托人办理',
      'the task is delegated: the delegate hands it back and its owner answers it',
    );
  // 前加签: the seat is answered once the signer added before its holder has voted.
  if (task.heldFor !== undefined)
    rejectWith(
      'WAITING_FOR_SIGNER',
      '已前加签，须待加签人审批后再办理',
      'a signer was added before this seat: it is answered once they have voted',
    );
  return { task, token: tokenOf(run, task.tokenId) };
}
