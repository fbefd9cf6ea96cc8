// What one `step` call works on: a private copy of the state, the effects emitted so far, and the
// moves that still have to be made. Shared helpers for all node handlers live here.
import type { AssigneeRule, NodeOf, ProcessDefinition, ProcessEdge, ProcessNode } from './definition-schema';
import type { Effect, TaskKind } from './engine-events';
import { evaluateFeel } from './feel-conditions';
import { type Graph, outgoingOf } from './graph';
import type { InstanceState, OpenTask, ResolvedAssignee, Token } from './instance-state';
import { nextId } from './instance-state';
import { addDefinitionDuration, type WorkingDayCalendar } from './iso-durations';
import { rejectWith } from './localized-message';

export type Run = {
  def: ProcessDefinition;
  graph: Graph;
  state: InstanceState;
  effects: Effect[];
  now: string;
  /** Counts working-day durations (`5WD`); the host's data, Monday to Friday when it gave none. */
  calendar: WorkingDayCalendar;
  /** Tokens that arrived at a node and still have to enter it, in arrival order. */
  queue: Array<{ tokenId: string; via: string | null }>;
  moves: number;
};

/** A path that moves this often within one event is spinning through a loop with no wait state. */
export const MAX_MOVES_PER_EVENT = 10_000;

export function nodeOf(run: Run, nodeId: string): ProcessNode {
  const node = run.graph.nodes.get(nodeId);
  if (!node) throw new Error(`unknown node ${nodeId}`);
  return node;
}

export function tokenOf(run: Run, tokenId: string): Token {
  const token = run.state.tokens[tokenId];
  if (!token) throw new Error(`unknown token ${tokenId}`);
  return token;
}

export function createToken(run: Run, nodeId: string, cycles?: Token['cycles']): Token {
  const token: Token = { id: nextId(run.state, 'token'), nodeId, ...(cycles ? { cycles } : {}) };
  run.state.tokens[token.id] = token;
  return token;
}

/** Moves a token along an edge; it enters the target node when the queue reaches it. */
export function takeEdge(run: Run, token: Token, edge: ProcessEdge): void {
  delete token.wait;
  token.nodeId = edge.to;
  run.queue.push({ tokenId: token.id, via: edge.id });
}

/** Leaves a node with a single (non-outcome) outgoing edge, or the one with the given outcome. */
export function leave(run: Run, token: Token, outcome?: string): void {
  const edges = outgoingOf(run.graph, token.nodeId);
  const edge = edges.find((candidate) =>
    outcome === undefined ? !candidate.outcome : candidate.outcome === outcome,
  );
  if (!edge) throw new Error(`node ${token.nodeId} has no ${outcome ?? 'plain'} outgoing edge`);
  takeEdge(run, token, edge);
}

export function feelContext(run: Run, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...run.state.variables, ...extra };
}

/** Evaluates FEEL during an event; a failure rejects the whole event so the state stays untouched. */
export function evaluateOrReject(run: Run, expression: string, extra: Record<string, unknown> = {}): unknown {
  const result = evaluateFeel(expression, feelContext(run, extra));
  if (!result.ok)
    rejectWith(
      'FEEL_ERROR',
      `表达式求值失败：${expression}`,
      `FEEL evaluation failed: ${expression}`,
      result.error,
    );
  return result.value;
}

export function evaluateOutputs(
  run: Run,
  outputs: Record<string, string> | undefined,
  extra: Record<string, unknown> = {},
): void {
  if (!outputs) return;
  // All mappings read the same inputs, so their order does not matter.
  const values = Object.entries(outputs).map(
    ([name, expression]) => [name, evaluateOrReject(run, expression, extra)] as const,
  );
  for (const [name, value] of values) run.state.variables[name] = value;
}

export function resolveAssignee(run: Run, rule: AssigneeRule): ResolvedAssignee {
  switch (rule.type) {
    case 'role':
      return { type: 'role', role: rule.role, unitId: run.state.unitId ?? null, scope: rule.scope };
    case 'user':
      return { type: 'user', userId: rule.userId };
    case 'starter':
      return { type: 'user', userId: run.state.startedBy ?? '' };
    case 'variable':
      return { type: 'user', userId: userIdIn(run, rule.name) };
    case 'unitHead':
      return unitHeadOf(run, rule.levelsUp);
  }
}

/**
 * The head of the unit `levelsUp` above the instance's (the top unit when the tree is shorter).
 * A unit without a head gives the task to the supervisors of that unit or of a unit above the
 * instance's (a role task in their 待认领; rooms seldom have supervisors of their own), so it never
 * waits for nobody; an instance without a unit, to supervisors anywhere.
 */
function unitHeadOf(run: Run, levelsUp: number): ResolvedAssignee {
  const line = run.state.unitId === undefined ? [] : [run.state.unitId, ...(run.state.unitAncestors ?? [])];
  const unitId = line[Math.min(levelsUp, line.length - 1)] ?? null;
  const head = unitId === null ? undefined : run.state.unitHeads?.[unitId];
  return head !== undefined
    ? { type: 'user', userId: head }
    : { type: 'role', role: 'supervisor', unitId, scope: 'unitOrAncestors' };
}

/**
 * The user id a `variable` rule names. Without one the whole event is refused (nothing applies),
 * naming the variable: when a form field of the completing step holds it, the person completing
 * the step can choose someone and send it again, rather than the task waiting for nobody.
 */
function userIdIn(run: Run, name: string): string {
  const value = run.state.variables[name];
  if (typeof value === 'string' && value.trim() !== '') return value;
  return rejectWith(
    'ASSIGNEE_UNRESOLVED',
    `下一步办理人未指定：${name} 须为一名人员`,
    `the next step's assignee is not chosen: ${name} must hold a user id`,
    [{ field: name, message: 'must name the person who handles the next step' }],
  );
}

type TaskNode = NodeOf<'userTask'> | NodeOf<'approval'> | NodeOf<'review'>;

/** Opens a task with its due date and its reminder and escalation timers. */
export function openTask(
  run: Run,
  node: TaskNode,
  token: Token,
  seat: number,
  assignee: ResolvedAssignee,
  extra: Partial<Extract<Effect, { type: 'createTask' }>> = {},
): OpenTask {
  const kind: TaskKind = node.kind;
  const task: OpenTask = {
    id: nextId(run.state, 'task'),
    nodeId: node.id,
    tokenId: token.id,
    kind,
    seat,
    assignee,
    createdAt: run.now,
    timerIds: [],
    ...(node.due ? { dueAt: addDefinitionDuration(run.now, node.due, run.calendar) } : {}),
  };
  run.state.tasks[task.id] = task;
  run.effects.push({
    type: 'createTask',
    taskId: task.id,
    nodeId: node.id,
    name: node.name,
    kind,
    assignee,
    ...(task.dueAt ? { dueAt: task.dueAt } : {}),
    ...extra,
  });
  if (node.reminder)
    task.timerIds.push(
      scheduleTimer(
        run,
        node.id,
        addDefinitionDuration(run.now, node.reminder.after, run.calendar),
        'reminder',
        { taskId: task.id },
      ),
    );
  if (node.escalation && !task.escalated)
    task.timerIds.push(
      scheduleTimer(
        run,
        node.id,
        addDefinitionDuration(run.now, node.escalation.after, run.calendar),
        'escalation',
        {
          taskId: task.id,
        },
      ),
    );
  return task;
}

export function scheduleTimer(
  run: Run,
  nodeId: string,
  fireAt: string,
  purpose: 'timer' | 'reminder' | 'escalation',
  owner: { tokenId?: string; taskId?: string },
): string {
  const id = nextId(run.state, 'timer');
  run.state.timers[id] = { id, nodeId, fireAt, purpose, ...owner };
  run.effects.push({ type: 'scheduleTimer', timerId: id, fireAt });
  return id;
}

export function cancelTimer(run: Run, timerId: string): void {
  if (!run.state.timers[timerId]) return;
  delete run.state.timers[timerId];
  run.effects.push({ type: 'cancelTimer', timerId });
}

/** Removes a task; `cancelled` tells the host to withdraw it (a completed task needs no effect). */
export function closeTask(run: Run, taskId: string, cancelled: boolean): void {
  const task = run.state.tasks[taskId];
  if (!task) return;
  for (const timerId of task.timerIds) cancelTimer(run, timerId);
  delete run.state.tasks[taskId];
  if (cancelled) run.effects.push({ type: 'cancelTask', taskId });
}

/** Withdraws everything a token waits on (tasks, timers, actions) and removes it. */
export function discardToken(run: Run, token: Token): void {
  const wait = token.wait;
  if (wait) {
    switch (wait.kind) {
      case 'userTask':
        closeTask(run, wait.taskId, true);
        break;
      case 'approval':
      case 'review':
        for (const taskId of wait.taskIds) closeTask(run, taskId, true);
        break;
      case 'timer':
        cancelTimer(run, wait.timerId);
        break;
      case 'action':
        delete run.state.pendingActions[wait.actionId];
        break;
      case 'children':
        for (const childId of wait.childIds) {
          const child = run.state.children[childId];
          if (child) child.tokenId = null;
        }
        break;
      case 'join':
        break;
    }
  }
  delete run.state.tokens[token.id];
  run.queue = run.queue.filter((entry) => entry.tokenId !== token.id);
}

export function discardAllTokens(run: Run): void {
  for (const token of Object.values(run.state.tokens)) discardToken(run, token);
}
