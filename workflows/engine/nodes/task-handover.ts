// Task hand-overs and remarks: a supervisor reassigns (改派), the holder delegates (委派) or
// transfers (转办), the delegate resolves (交回). A hand-over closes the open task and opens a new
// one at the same node, seat and due time for the new holder, so both runtimes and the projection
// need nothing beyond the task effects they already apply. Semantics: docs/task-actions.md.
import type { Actor, Effect, ParsedEngineEvent } from '../engine-events';
import type { OpenTask, ResolvedAssignee } from '../instance-state';
import { nextId } from '../instance-state';
import { rejectWith } from '../localized-message';
import { closeTask, nodeOf, type Run, tokenOf } from '../run-context';
import { allowedVotes } from './approval';
import { holdsRoleOnLine, rolesToTakeOver, unitLineOf } from '../task-eligibility';
import { findOpenTask, isCandidate, openTaskFor } from './task-access';

type Holder = Extract<ParsedEngineEvent, { type: 'taskReassigned' }>['to'];

/**
 * Whether someone may take the task over: the rule of task-eligibility.ts (its role, or any role
 * for a person's task, on the instance's unit line). A seat of an approval or review goes to no
 * one who already sits on, or voted at, the node, and an approval's to no one who started the process.
 */
export function checkEligible(
  run: Run,
  task: OpenTask,
  to: Holder,
  current: string | undefined,
  roles: readonly string[] | 'any' = rolesToTakeOver(task.assignee),
): void {
  if (!holdsRoleOnLine(to.assignments, roles, unitLineOf(run.state)))
    rejectWith(
      'TARGET_NOT_ELIGIBLE',
      `${to.displayName ?? to.userId} 不具备办理此待办所需的角色与机构`,
      `${to.userId} does not hold the role this task needs at the project's unit or above it`,
    );
  if (to.userId === current)
    rejectWith('TARGET_NOT_ELIGIBLE', '不能交给当前办理人本人', 'the task is already with this person');
  // Separation of duties: whoever started the process does not decide on it by a hand-over or a
  // 加签 (the definition may still route a step to its starter).
  if (task.kind === 'approval' && to.userId === run.state.startedBy)
    rejectWith(
      'TARGET_NOT_ELIGIBLE',
      `${to.displayName ?? to.userId} 是发起人，不能审批自己发起的流程`,
      `${to.userId} started this process and cannot decide its approval`,
    );
  if (seatedAtNode(run, task).has(to.userId))
    rejectWith(
      'TARGET_NOT_ELIGIBLE',
      `${to.displayName ?? to.userId} 已在此环节办理或持有另一席位`,
      `${to.userId} already acts at this step`,
    );
}

/** People who hold another seat of the task's node or already answered there. */
function seatedAtNode(run: Run, task: OpenTask): Set<string> {
  const wait = tokenOf(run, task.tokenId).wait;
  const seated = new Set<string>();
  if (wait?.kind === 'approval') for (const vote of wait.votes) seated.add(vote.userId);
  if (wait?.kind === 'review') for (const response of wait.responses) seated.add(response.userId);
  for (const other of Object.values(run.state.tasks))
    if (other.tokenId === task.tokenId && other.id !== task.id && other.assignee.type === 'user')
      seated.add(other.assignee.userId);
  return seated;
}

/** The person the task is with, when it is assigned to one (a role task has none until handed over). */
const holderOf = (task: OpenTask): string | undefined =>
  task.assignee.type === 'user' ? task.assignee.userId : undefined;

/** What the new task asks for, as the node's entry gave it to the task it replaces. */
function taskSpec(run: Run, task: OpenTask): Partial<Extract<Effect, { type: 'createTask' }>> {
  const node = nodeOf(run, task.nodeId);
  switch (node.kind) {
    case 'userTask':
      return { form: node.form };
    case 'approval':
      return { votes: allowedVotes(run, node.id) };
    case 'review': {
      const wait = tokenOf(run, task.tokenId).wait;
      const subjects = wait?.kind === 'review' ? wait.subjects : null;
      return { rubric: node.rubric, ...(subjects ? { subjects } : {}) };
    }
    default:
      throw new Error(`task ${task.id} sits at ${node.kind} node ${node.id}`);
  }
}

/** What a hand-over marks the new task with: whom it returns to (委派) or whom it is done for (代理). */
type HandOverMarks = Pick<OpenTask, 'delegatedBy' | 'proxiedFor'>;

/** Closes `task` and opens its replacement for `userId`, keeping node, seat, due time and timers. */
function handOver(run: Run, task: OpenTask, userId: string, marks: HandOverMarks = {}): OpenTask {
  const assignee: ResolvedAssignee = { type: 'user', userId };
  // The old task's marks describe its own hand-over; the new task carries only those given now.
  const { delegatedBy: _previousOwner, proxiedFor: _previousPrincipal, ...kept } = task;
  const next: OpenTask = {
    ...kept,
    id: nextId(run.state, 'task'),
    assignee,
    createdAt: run.now,
    handedFrom: [...(task.handedFrom ?? []), task.id],
    ...marks,
  };
  delete run.state.tasks[task.id];
  run.state.tasks[next.id] = next;
  for (const timerId of next.timerIds) {
    const timer = run.state.timers[timerId];
    if (timer) timer.taskId = next.id;
  }
  const token = tokenOf(run, task.tokenId);
  const wait = token.wait;
  if (wait?.kind === 'userTask') wait.taskId = next.id;
  else if (wait?.kind === 'approval' || wait?.kind === 'review')
    wait.taskIds = wait.taskIds.map((id) => (id === task.id ? next.id : id));
  // A seat held for an added signer (前加签) waits for whoever now holds the signer's seat.
  for (const other of Object.values(run.state.tasks)) if (other.heldFor === task.id) other.heldFor = next.id;
  run.effects.push(
    { type: 'cancelTask', taskId: task.id },
    {
      type: 'createTask',
      taskId: next.id,
      nodeId: next.nodeId,
      name: nodeOf(run, next.nodeId).name,
      kind: next.kind,
      assignee,
      ...(next.dueAt ? { dueAt: next.dueAt } : {}),
      ...taskSpec(run, task),
    },
  );
  return next;
}

export function checkHolder(run: Run, task: OpenTask, actor: Actor): void {
  if (!isCandidate(task.assignee, actor, run.state))
    rejectWith(
      'NOT_A_CANDIDATE',
      `${actor.userId} 不是该待办的办理人`,
      `${actor.userId} is not the assignee of ${task.id}`,
    );
}

function checkNotDelegated(task: OpenTask): void {
  if (task.delegatedBy !== undefined)
    rejectWith(
      'TASK_DELEGATED',
      '该待办已委派，须由受托人交回后再办理',
      'the task is delegated: the delegate hands it back before anything else is done with it',
    );
}

/** 改派: a supervisor over the project's unit (or above) moves the task to someone who may do it. */
export function reassignTask(run: Run, event: Extract<ParsedEngineEvent, { type: 'taskReassigned' }>): void {
  const task = findOpenTask(run, event.fromTaskId);
  if (!holdsRoleOnLine(event.actor.assignments, ['supervisor'], unitLineOf(run.state)))
    rejectWith(
      'NOT_A_SUPERVISOR',
      '只有项目所属机构或其上级机构的督导（站长）可以改派',
      "only a supervisor at the project's unit or above may reassign its tasks",
    );
  checkEligible(run, task, event.to, holderOf(task));
  handOver(run, task, event.to.userId);
}

/** 委派: the holder asks a colleague to handle the task; it comes back to the holder when resolved. */
export function delegateTask(run: Run, event: Extract<ParsedEngineEvent, { type: 'taskDelegated' }>): void {
  const task = findOpenTask(run, event.fromTaskId);
  checkHolder(run, task, event.actor);
  checkNotDelegated(task);
  checkEligible(run, task, event.to, event.actor.userId);
  handOver(run, task, event.to.userId, { delegatedBy: event.actor.userId });
}

/** 转办: the holder hands the task over for good. */
export function transferTask(run: Run, event: Extract<ParsedEngineEvent, { type: 'taskTransferred' }>): void {
  const task = findOpenTask(run, event.fromTaskId);
  checkHolder(run, task, event.actor);
  checkNotDelegated(task);
  checkEligible(run, task, event.to, event.actor.userId);
  handOver(run, task, event.to.userId);
}

/** 交回: the delegate returns the task to its owner, who then completes it. */
export function resolveTask(run: Run, event: Extract<ParsedEngineEvent, { type: 'taskResolved' }>): void {
  const task = findOpenTask(run, event.taskId);
  if (task.delegatedBy === undefined)
    rejectWith('NOT_DELEGATED', '该待办不是委派的待办', 'the task is not delegated');
  checkHolder(run, task, event.actor);
  handOver(run, task, task.delegatedBy);
}

/**
 * 代理: a task of someone away goes to their proxy, who must be able to do it (as for a transfer).
 * Which tasks a period covers is the host's decision (it sees claims, which live in its rows): the
 * principal's own tasks and role tasks they claimed. A delegated task is left alone: it is already
 * with a delegate, or waits for one to hand it back. Both people are told.
 */
export function proxyTask(run: Run, event: Extract<ParsedEngineEvent, { type: 'taskProxied' }>): void {
  const task = findOpenTask(run, event.fromTaskId);
  checkNotDelegated(task);
  const holder = holderOf(task);
  if (holder !== undefined && holder !== event.from.userId)
    rejectWith(
      'NOT_THE_HOLDER',
      `该待办不在 ${event.from.displayName ?? event.from.userId} 名下`,
      `task ${task.id} is not with ${event.from.userId}`,
    );
  checkEligible(run, task, event.to, event.from.userId);
  const next = handOver(run, task, event.to.userId, { proxiedFor: event.from });
  const about = { taskId: next.id, nodeId: next.nodeId, ...(next.dueAt ? { dueAt: next.dueAt } : {}) };
  run.effects.push(
    {
      type: 'notify',
      to: { type: 'user', userId: event.from.userId },
      template: 'task.proxiedAway',
      ...about,
    },
    {
      type: 'notify',
      to: { type: 'user', userId: event.to.userId },
      template: 'task.proxiedToYou',
      ...about,
    },
  );
}

/** A remark on an open task: validated here so the history only holds remarks on real tasks. */
export function commentOnTask(run: Run, event: Extract<ParsedEngineEvent, { type: 'taskCommented' }>): void {
  findOpenTask(run, event.taskId);
}

/**
 * 退回: the node's open tasks close (their answers so far are dropped) and the path re-enters the
 * target, an earlier task node the instance passed through and the node lists in `returnTo`. Only
 * while the instance runs one path: with parallel paths, which of them to rewind is not defined.
 */
export function returnTask(run: Run, event: Extract<ParsedEngineEvent, { type: 'taskReturned' }>): void {
  const task = findOpenTask(run, event.taskId);
  // What the definition and the path allow is checked before who asks: it is the same for everyone.
  const node = nodeOf(run, task.nodeId);
  const allowed = 'returnTo' in node ? (node.returnTo ?? []) : [];
  if (!allowed.includes(event.toNodeId))
    rejectWith(
      'RETURN_NOT_ALLOWED',
      `「${node.name}」不能退回到 ${event.toNodeId}`,
      `${node.id} may not return the work to ${event.toNodeId}`,
    );
  if ((run.state.visits[event.toNodeId] ?? 0) === 0)
    rejectWith(
      'RETURN_TARGET_NOT_PASSED',
      `流程尚未经过 ${event.toNodeId}，不能退回到该环节`,
      `the instance has not passed through ${event.toNodeId}`,
    );
  if (Object.keys(run.state.tokens).length > 1)
    rejectWith(
      'RETURN_NOT_ALLOWED',
      '流程有并行分支在办理中，不能自由退回',
      'the instance runs parallel paths: a free return is not possible',
    );
  const { token } = openTaskFor(run, task.id, task.kind, event.actor);
  const wait = token.wait;
  const taskIds =
    wait?.kind === 'userTask'
      ? [wait.taskId]
      : wait?.kind === 'approval' || wait?.kind === 'review'
        ? wait.taskIds
        : [];
  // The returning holder's task counts as answered (the log names them); the other seats are withdrawn.
  for (const id of taskIds) closeTask(run, id, id !== task.id);
  delete token.wait;
  token.nodeId = event.toNodeId;
  run.queue.push({ tokenId: token.id, via: null });
}

/** Remembers a completed form task and what its completion opened, for 拿回. */
export function rememberCompletion(run: Run, task: OpenTask, userId: string): void {
  const opened = run.effects.flatMap((effect) => (effect.type === 'createTask' ? [effect.taskId] : []));
  run.state.lastCompletion = { taskId: task.id, nodeId: task.nodeId, tokenId: task.tokenId, userId, opened };
}

/**
 * 拿回: the person who completed the last form task takes it back while every task its completion
 * opened is still open on the same path (nobody has answered them). Those tasks are withdrawn and
 * the path enters the form's node again, which opens a new task by its assignee rule.
 */
export function takeBackTask(run: Run, event: Extract<ParsedEngineEvent, { type: 'taskTakenBack' }>): void {
  const last = run.state.lastCompletion;
  const token = last ? run.state.tokens[last.tokenId] : undefined;
  const untouched =
    last !== undefined &&
    last.opened.length > 0 &&
    last.opened.every((id) => run.state.tasks[id]?.tokenId === last.tokenId);
  if (!last || last.taskId !== event.taskId || !token || !untouched)
    rejectWith(
      'TAKE_BACK_NOT_POSSIBLE',
      '只能在下一环节尚未办理时拿回自己刚提交的环节',
      'only the last completed step can be taken back, while the next one is untouched',
    );
  if (last.userId !== event.actor.userId)
    rejectWith(
      'NOT_A_CANDIDATE',
      `${event.actor.userId} 没有提交此环节，不能拿回`,
      `${event.actor.userId} did not complete ${event.taskId}`,
    );
  for (const id of last.opened) closeTask(run, id, true);
  delete token.wait;
  token.nodeId = last.nodeId;
  delete run.state.lastCompletion;
  run.queue.push({ tokenId: token.id, via: null });
}
