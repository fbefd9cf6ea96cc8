// The interpreter: step(definition, state, event, now) -> new state and effects, or a coded
// rejection that leaves the given state untouched. Pure: the same inputs always give the same output.
import type { NodeKind, ProcessDefinition, VariableDeclaration } from './definition-schema';
import { type Effect, type EngineEvent, type ParsedEngineEvent, ZEngineEvent } from './engine-events';
import { handleExternal } from './event-handlers';
import { withFeelClock } from './feel-conditions';
import { graphOf } from './graph';
import { resolveIncident, retryIncident, settleIncidents, updateVariables } from './incidents';
import type { InstanceState, Token } from './instance-state';
import {
  isBefore,
  isValidInstant,
  parseDateOrInstant,
  WEEKDAYS_ONLY,
  type WorkingDayCalendar,
} from './iso-durations';
import { EngineRejection, type FieldIssue, type Rejection, rejectWith } from './localized-message';
import { completeAction, enterAction, failAction } from './nodes/action';
import { addSigner } from './nodes/add-signer';
import { copyTask } from './nodes/carbon-copy';
import { enterApproval, voteApproval } from './nodes/approval';
import { enterEnd } from './nodes/end';
import { enterGateway } from './nodes/gateway';
import { enterParallel } from './nodes/parallel';
import { enterReview, submitReview } from './nodes/review';
import { completeChild, enterSubprocess } from './nodes/subprocess';
import { fireTaskDeadline } from './nodes/task-deadlines';
import { enterTimer, fireNodeTimer } from './nodes/timer';
import {
  commentOnTask,
  delegateTask,
  reassignTask,
  rememberCompletion,
  resolveTask,
  returnTask,
  takeBackTask,
  proxyTask,
  transferTask,
} from './nodes/task-handover';
import { completeUserTask, enterUserTask } from './nodes/user-task';
import { changeUnitHead } from './unit-heads';
import {
  cancelTimer,
  closeTask,
  createToken,
  discardAllTokens,
  leave,
  MAX_MOVES_PER_EVENT,
  nodeOf,
  type Run,
  tokenOf,
} from './run-context';

export type StepResult =
  { ok: true; state: InstanceState; effects: Effect[] } | { ok: false; rejection: Rejection };

/** Data the host supplies besides the event; the engine reads nothing else from outside. */
export type StepOptions = {
  /**
   * Public holidays and adjusted workdays for working-day durations (`5WD`). Without one they count
   * Monday to Friday only. A host that replays events must pass the calendar each event first saw.
   */
  calendar?: WorkingDayCalendar;
};

export function step(
  def: ProcessDefinition,
  state: InstanceState,
  event: EngineEvent,
  now: string,
  options: StepOptions = {},
): StepResult {
  const parsed = ZEngineEvent.safeParse(event);
  if (!parsed.success)
    return reject({
      code: 'EVENT_INVALID',
      message: { zh: '事件格式无效', en: 'the event is malformed' },
      details: parsed.error.issues,
    });
  if (!isValidInstant(now))
    return reject({
      code: 'EVENT_INVALID',
      message: { zh: '时间须为 ISO 8601 时刻', en: '`now` must be an ISO 8601 instant' },
    });
  // Work on a copy so that a rejection half-way through leaves the caller's state as it was.
  const run: Run = {
    def,
    graph: graphOf(def),
    state: structuredClone(state),
    effects: [],
    now,
    calendar: options.calendar ?? WEEKDAYS_ONLY,
    queue: [],
    moves: 0,
  };
  try {
    // FEEL's now() and today() answer with this step's `now`, never the wall clock.
    // A completed form task is remembered with what it opened, so that its author may take it back.
    const completed = parsed.data.type === 'taskCompleted' ? run.state.tasks[parsed.data.taskId] : undefined;
    withFeelClock(now, () => {
      applyEvent(run, parsed.data);
      drain(run);
      if (completed && 'actor' in parsed.data) rememberCompletion(run, completed, parsed.data.actor.userId);
      settleIncidents(run);
      finishIfDone(run);
    });
  } catch (error) {
    if (error instanceof EngineRejection) return reject(error.rejection);
    throw error;
  }
  run.state.revision += 1;
  return { ok: true, state: run.state, effects: run.effects };
}

function reject(rejection: Rejection): StepResult {
  return { ok: false, rejection };
}

function applyEvent(run: Run, event: ParsedEngineEvent): void {
  const status = run.state.status;
  if (event.type === 'started') {
    if (status !== 'created')
      rejectWith('ALREADY_STARTED', '流程实例已启动', 'the instance has already started');
  } else if (status !== 'running') {
    rejectWith('NOT_RUNNING', '流程实例未在运行', `the instance is ${status}, not running`);
  }
  switch (event.type) {
    case 'started':
      return start(run, event);
    case 'taskCompleted':
      return completeUserTask(run, event);
    case 'approvalVoted':
      return voteApproval(run, event);
    case 'reviewSubmitted':
      return submitReview(run, event);
    case 'timerFired':
      return fireTimer(run, event.timerId);
    case 'timerDropped':
      return dropTimer(run, event.timerId);
    case 'actionCompleted':
      return completeAction(run, event);
    case 'actionFailed':
      return failAction(run, event);
    case 'childCompleted':
      return completeChild(run, event);
    case 'external':
      return handleExternal(run, event);
    case 'cancelled':
      return cancel(run, event.reason, event.actor.userId);
    case 'variablesUpdated':
      return updateVariables(run, event);
    case 'incidentRetried':
      return retryIncident(run, event);
    case 'incidentResolved':
      return resolveIncident(run, event);
    case 'taskReassigned':
      return reassignTask(run, event);
    case 'taskDelegated':
      return delegateTask(run, event);
    case 'taskTransferred':
      return transferTask(run, event);
    case 'taskResolved':
      return resolveTask(run, event);
    case 'taskCommented':
      return commentOnTask(run, event);
    case 'taskReturned':
      return returnTask(run, event);
    case 'taskTakenBack':
      return takeBackTask(run, event);
    case 'signerAdded':
      return addSigner(run, event);
    case 'taskProxied':
      return proxyTask(run, event);
    case 'taskCopied':
      return copyTask(run, event);
    case 'unitHeadChanged':
      return changeUnitHead(run, event);
  }
}

function start(run: Run, event: Extract<ParsedEngineEvent, { type: 'started' }>): void {
  const issues = checkInput(run.def.variables, event.input);
  if (issues.length > 0) rejectWith('INPUT_INVALID', '启动参数无效', 'the start input is invalid', issues);
  const state = run.state;
  for (const declaration of run.def.variables)
    state.variables[declaration.name] = structuredClone(declaration.default ?? null);
  Object.assign(state.variables, structuredClone(event.input));
  state.status = 'running';
  state.startedBy = event.actor.userId;
  state.startedAt = run.now;
  if (event.unitId !== undefined) state.unitId = event.unitId;
  if (event.unitAncestors !== undefined) state.unitAncestors = event.unitAncestors;
  if (event.unitHeads !== undefined) state.unitHeads = event.unitHeads;
  const startNode = run.def.nodes.find((node) => node.kind === 'start');
  if (!startNode) throw new Error('definition has no start node');
  run.queue.push({ tokenId: createToken(run, startNode.id).id, via: null });
}

const typeChecks: Record<VariableDeclaration['type'], (value: unknown) => boolean> = {
  string: (value) => typeof value === 'string',
  number: (value) => typeof value === 'number' && Number.isFinite(value),
  integer: (value) => Number.isInteger(value),
  boolean: (value) => typeof value === 'boolean',
  date: (value) => typeof value === 'string' && parseDateOrInstant(value) !== undefined,
  list: (value) => Array.isArray(value),
  object: (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  any: () => true,
};

/** The Chinese of a declared type's name, for the reasons people read (类型不正确，应为整数). */
const zhTypeNames: Record<VariableDeclaration['type'], string> = {
  string: '文本',
  number: '数字',
  integer: '整数',
  boolean: '布尔值',
  date: '日期',
  list: '列表',
  object: '对象',
  any: '任意值',
};

/**
 * Values checked against their declarations, each problem in English and Chinese, so every runtime
 * and caller (the API, the CLI, the designer) gives people the same reasons.
 */
export function checkInput(
  declarations: VariableDeclaration[],
  input: Record<string, unknown>,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const declaration of declarations) {
    const value = input[declaration.name];
    const field = declaration.name;
    if (value === undefined || value === null) {
      if (declaration.required) issues.push({ field, message: 'required', messageZh: '必填' });
    } else if (!typeChecks[declaration.type](value))
      issues.push({
        field,
        message: `expected ${declaration.type}`,
        messageZh: `类型不正确，应为${zhTypeNames[declaration.type]}`,
      });
  }
  for (const name of Object.keys(input))
    if (!declarations.some((declaration) => declaration.name === name))
      issues.push({ field: name, message: 'not a declared variable', messageZh: '不是流程声明的变量' });
  return issues;
}

function fireTimer(run: Run, timerId: string): void {
  const timer = run.state.timers[timerId];
  if (!timer)
    rejectWith('TIMER_NOT_FOUND', `定时器 ${timerId} 不存在或已取消`, `timer ${timerId} is not scheduled`);
  if (isBefore(run.now, timer.fireAt))
    rejectWith(
      'TIMER_NOT_DUE',
      `定时器 ${timerId} 尚未到期`,
      `timer ${timerId} is due at ${timer.fireAt}, not yet`,
    );
  if (timer.purpose === 'timer') fireNodeTimer(run, timer, tokenOf(run, timer.tokenId ?? ''));
  else fireTaskDeadline(run, timer);
}

/** Removes a timer the host gave up on; a path waiting on it stays where it is, visibly. */
function dropTimer(run: Run, timerId: string): void {
  const timer = run.state.timers[timerId];
  if (!timer)
    rejectWith('TIMER_NOT_FOUND', `定时器 ${timerId} 不存在或已取消`, `timer ${timerId} is not scheduled`);
  const task = timer.taskId ? run.state.tasks[timer.taskId] : undefined;
  if (task) task.timerIds = task.timerIds.filter((id) => id !== timerId);
  delete run.state.timers[timerId];
}

function cancel(run: Run, reason: string | undefined, userId: string): void {
  // Children still running are cancelled with their parent (each reports back; a closed parent ignores it).
  for (const child of Object.values(run.state.children))
    if (child.status === 'running')
      run.effects.push({
        type: 'cancelChild',
        childId: child.id,
        actor: { userId },
        ...(reason === undefined ? {} : { reason }),
      });
  discardAllTokens(run);
  for (const taskId of Object.keys(run.state.tasks)) closeTask(run, taskId, true);
  for (const timerId of Object.keys(run.state.timers)) cancelTimer(run, timerId);
  run.state.status = 'cancelled';
  run.state.endedAt = run.now;
  if (reason !== undefined) run.state.cancelReason = reason;
}

function drain(run: Run): void {
  for (let next = run.queue.shift(); next; next = run.queue.shift()) {
    const token = run.state.tokens[next.tokenId];
    if (!token) continue;
    run.moves += 1;
    if (run.moves > MAX_MOVES_PER_EVENT)
      rejectWith('LOOP_LIMIT', '流程在无等待的循环中空转', 'the instance loops without ever waiting');
    enterNode(run, token, next.via);
  }
}

function enterNode(run: Run, token: Token, via: string | null): void {
  const node = nodeOf(run, token.nodeId);
  run.state.visits[node.id] = (run.state.visits[node.id] ?? 0) + 1;
  const kind: NodeKind = node.kind;
  switch (node.kind) {
    case 'start':
      return leave(run, token);
    case 'end':
      return enterEnd(run, node, token);
    case 'userTask':
      return enterUserTask(run, node, token);
    case 'approval':
      return enterApproval(run, node, token);
    case 'review':
      return enterReview(run, node, token);
    case 'gateway':
      return enterGateway(run, node, token);
    case 'parallel':
      return enterParallel(run, node, token, via);
    case 'timer':
      return enterTimer(run, node, token);
    case 'action':
      return enterAction(run, node, token);
    case 'subprocess':
      return enterSubprocess(run, node, token);
    default: {
      const unhandled: never = node;
      throw new Error(`unhandled node kind ${kind} (${String(unhandled)})`);
    }
  }
}

function finishIfDone(run: Run): void {
  const state = run.state;
  if (state.status !== 'running' || Object.keys(state.tokens).length > 0) return;
  state.status = 'completed';
  state.endedAt = run.now;
  run.effects.push({ type: 'completed', ...(state.outcome === undefined ? {} : { outcome: state.outcome }) });
}
