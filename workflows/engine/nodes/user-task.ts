// userTask: one task for one assignee; submitted form data is validated and written to the variables.
import type { NodeOf } from '../definition-schema';
import type { ParsedEngineEvent } from '../engine-events';
import { validateFormData } from '../form-validation';
import type { Token } from '../instance-state';
import { rejectWith } from '../localized-message';
import { closeTask, evaluateOutputs, leave, openTask, resolveAssignee, type Run } from '../run-context';
import { copyOnCompletion } from './carbon-copy';
import { openTaskFor } from './task-access';

export function enterUserTask(run: Run, node: NodeOf<'userTask'>, token: Token): void {
  const task = openTask(run, node, token, 0, resolveAssignee(run, node.assignee), { form: node.form });
  token.wait = { kind: 'userTask', taskId: task.id };
}

export function completeUserTask(
  run: Run,
  event: Extract<ParsedEngineEvent, { type: 'taskCompleted' }>,
): void {
  const { task, token } = openTaskFor(run, event.taskId, 'userTask', event.actor);
  const node = run.graph.nodes.get(task.nodeId) as NodeOf<'userTask'>;
  const checked = validateFormData(node.form, event.data);
  if (!checked.ok)
    rejectWith('FORM_INVALID', '表单数据不符合要求', 'the form data is invalid', checked.issues);
  if (node.formVariable) run.state.variables[node.formVariable] = checked.data;
  else Object.assign(run.state.variables, checked.data);
  evaluateOutputs(run, node.outputs, { form: checked.data });
  closeTask(run, task.id, false);
  copyOnCompletion(run, node, task);
  leave(run, token);
}
