// Reminder and escalation timers of open tasks. A reminder notifies the assignee; an escalation
// notifies the supervisor role and, when the node says `reassign`, moves the task to that role.
import type { NodeOf } from '../definition-schema';
import type { OpenTimer } from '../instance-state';
import { allowedVotes } from './approval';
import { closeTask, openTask, type Run, tokenOf } from '../run-context';

type TaskNode = NodeOf<'userTask'> | NodeOf<'approval'> | NodeOf<'review'>;

export function fireTaskDeadline(run: Run, timer: OpenTimer): void {
  delete run.state.timers[timer.id];
  const task = timer.taskId ? run.state.tasks[timer.taskId] : undefined;
  if (!task) return;
  task.timerIds = task.timerIds.filter((id) => id !== timer.id);
  const node = run.graph.nodes.get(task.nodeId) as TaskNode;
  if (timer.purpose === 'reminder') {
    run.effects.push({
      type: 'notify',
      to: task.assignee,
      template: 'task.reminder',
      taskId: task.id,
      nodeId: node.id,
      ...(task.dueAt ? { dueAt: task.dueAt } : {}),
    });
    return;
  }
  const escalation = node.escalation;
  if (!escalation) return;
  const supervisor = {
    type: 'role',
    role: escalation.toRole,
    unitId: run.state.unitId ?? null,
    scope: escalation.scope,
  } as const;
  run.effects.push({
    type: 'notify',
    to: supervisor,
    template: 'task.escalated',
    taskId: task.id,
    nodeId: node.id,
    ...(task.dueAt ? { dueAt: task.dueAt } : {}),
  });
  task.escalated = true;
  if (!escalation.reassign) return;
  const token = tokenOf(run, task.tokenId);
  const wait = token.wait;
  closeTask(run, task.id, true);
  // The replacement keeps the original due date and gets no further reminders or escalations.
  const replacement = openTask(
    run,
    { ...node, due: undefined, reminder: undefined, escalation: undefined },
    token,
    task.seat,
    supervisor,
    {
      ...(task.dueAt ? { dueAt: task.dueAt } : {}),
      ...(node.kind === 'userTask' ? { form: node.form } : {}),
      ...(node.kind === 'approval' ? { votes: allowedVotes(run, node.id) } : {}),
      ...(node.kind === 'review' ? { rubric: node.rubric } : {}),
      ...(wait?.kind === 'review' && wait.subjects ? { subjects: wait.subjects } : {}),
    },
  );
  replacement.escalated = true;
  if (task.dueAt) replacement.dueAt = task.dueAt;
  if (wait?.kind === 'userTask') wait.taskId = replacement.id;
  if (wait?.kind === 'approval' || wait?.kind === 'review')
    wait.taskIds = wait.taskIds.map((id) => (id === task.id ? replacement.id : id));
}
