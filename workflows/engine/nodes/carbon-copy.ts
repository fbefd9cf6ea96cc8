// 抄送: a task copied to people, by hand (the `taskCopied` event from whoever may act on the open
// task) or by the node's definition when it completes (`cc`). Each copy gets an id and one notify
// effect per recipient; the notification rows are the copies and their read receipts.
import type { NodeOf } from '../definition-schema';
import type { Actor, ParsedEngineEvent } from '../engine-events';
import { nextId, type OpenTask, type ResolvedAssignee } from '../instance-state';
import { rejectWith } from '../localized-message';
import { resolveAssignee, type Run } from '../run-context';
import { findOpenTask, isCandidate } from './task-access';

function notifyCopy(
  run: Run,
  task: OpenTask,
  to: ResolvedAssignee[],
  by: string | undefined,
  note: string | undefined,
): void {
  const copy = {
    id: nextId(run.state, 'copy'),
    ...(by === undefined ? {} : { by }),
    ...(note === undefined ? {} : { note }),
  };
  for (const recipient of to)
    run.effects.push({
      type: 'notify',
      to: recipient,
      template: 'task.copied',
      taskId: task.id,
      nodeId: task.nodeId,
      copy,
    });
}

/** Its holder or a candidate (a delegate holds it now) and the owner who delegated it may copy it. */
function mayCopy(task: OpenTask, actor: Actor, run: Run): boolean {
  return task.delegatedBy === actor.userId || isCandidate(task.assignee, actor, run.state);
}

export function copyTask(run: Run, event: Extract<ParsedEngineEvent, { type: 'taskCopied' }>): void {
  const task = findOpenTask(run, event.taskId);
  if (!mayCopy(task, event.actor, run))
    rejectWith(
      'NOT_A_CANDIDATE',
      `${event.actor.userId} 不能办理该待办，不能抄送`,
      `${event.actor.userId} may not act on ${task.id}, so may not copy it`,
    );
  const ids = event.to.map((holder) => holder.userId);
  if (ids.includes(event.actor.userId))
    rejectWith('TARGET_NOT_ELIGIBLE', '不能抄送给自己', 'one cannot copy a task to oneself');
  if (new Set(ids).size !== ids.length)
    rejectWith('TARGET_NOT_ELIGIBLE', '抄送对象重复', 'a recipient is named twice');
  const to = ids.map((userId) => ({ type: 'user', userId }) as const);
  notifyCopy(run, task, to, event.actor.userId, event.note);
}

/** The node's own 抄送 list, sent as the task completes it (by whoever completed it). */
export function copyOnCompletion(
  run: Run,
  node: NodeOf<'userTask'> | NodeOf<'approval'>,
  task: OpenTask,
): void {
  if (!node.cc) return;
  notifyCopy(
    run,
    task,
    node.cc.map((recipient) => resolveAssignee(run, recipient)),
    undefined,
    undefined,
  );
}
