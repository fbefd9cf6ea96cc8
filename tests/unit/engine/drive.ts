// Test driver: feeds events to the engine one by one, failing loudly on an unexpected rejection.
import {
  type Actor,
  type Effect,
  type EngineEvent,
  initialState,
  type InstanceState,
  type OpenTask,
  type ProcessDefinition,
  type Rejection,
  step,
  ZProcessDefinition,
} from '../../../workflows/engine';
import { addDuration } from '../../../workflows/engine/iso-durations';

export const T0 = '2025-03-01T01:00:00.000Z';

export type Driver = {
  state: InstanceState;
  now: string;
  effects: Effect[];
  send(event: EngineEvent): Effect[];
  reject(event: EngineEvent): Rejection;
  advance(duration: string): void;
  tasks(nodeId?: string): OpenTask[];
  task(nodeId: string): OpenTask;
  complete(nodeId: string, data?: Record<string, unknown>, userId?: string): Effect[];
  vote(nodeId: string, votes: Array<'approve' | 'reject' | 'return'>): Effect[];
  fire(predicate?: (timer: InstanceState['timers'][string]) => boolean): Effect[];
  finishAction(nodeId: string, result?: unknown): Effect[];
  atNodes(): string[];
};

export function definition(raw: unknown): ProcessDefinition {
  return ZProcessDefinition.parse(raw);
}

export function drive(
  def: ProcessDefinition,
  input: Record<string, unknown> = {},
  options: { unitId?: string; starter?: string } = {},
): Driver {
  const driver: Driver = {
    state: initialState(),
    now: T0,
    effects: [],
    send(event) {
      const result = step(def, driver.state, event, driver.now);
      if (!result.ok)
        throw new Error(`unexpected rejection of ${event.type}: ${JSON.stringify(result.rejection)}`);
      driver.state = result.state;
      driver.effects = result.effects;
      return result.effects;
    },
    reject(event) {
      const before = JSON.stringify(driver.state);
      const result = step(def, driver.state, event, driver.now);
      if (result.ok) throw new Error(`expected ${event.type} to be rejected`);
      expect(JSON.stringify(driver.state)).toBe(before);
      return result.rejection;
    },
    advance(duration) {
      driver.now = addDuration(driver.now, duration);
    },
    tasks(nodeId) {
      return Object.values(driver.state.tasks).filter(
        (task) => nodeId === undefined || task.nodeId === nodeId,
      );
    },
    task(nodeId) {
      const [task] = driver.tasks(nodeId);
      if (!task)
        throw new Error(
          `no open task at ${nodeId}; open: ${driver
            .tasks()
            .map((t) => t.nodeId)
            .join(', ')}`,
        );
      return task;
    },
    complete(nodeId, data = {}, userId) {
      const task = driver.task(nodeId);
      const actor = candidateOf(
        task,
        userId ?? (task.assignee.type === 'user' ? task.assignee.userId : `${task.assignee.role}-1`),
        driver.state,
      );
      return driver.send({ type: 'taskCompleted', taskId: task.id, actor, data });
    },
    vote(nodeId, votes) {
      let effects: Effect[] = [];
      votes.forEach((vote, index) => {
        const task = driver.task(nodeId);
        effects = driver.send({
          type: 'approvalVoted',
          taskId: task.id,
          actor: candidateOf(task, `${nodeId}-voter-${index}`, driver.state),
          vote,
        });
      });
      return effects;
    },
    fire(predicate = (timer) => timer.purpose === 'timer') {
      const timer = Object.values(driver.state.timers).find(predicate);
      if (!timer) throw new Error('no matching timer');
      if (driver.now < timer.fireAt) driver.now = timer.fireAt;
      return driver.send({ type: 'timerFired', timerId: timer.id });
    },
    finishAction(nodeId, result = {}) {
      const action = Object.values(driver.state.pendingActions).find((pending) => pending.nodeId === nodeId);
      if (!action) throw new Error(`no pending action at ${nodeId}`);
      return driver.send({ type: 'actionCompleted', actionId: action.id, result });
    },
    atNodes() {
      return Object.values(driver.state.tokens)
        .map((token) => token.nodeId)
        .sort();
    },
  };
  driver.send({
    type: 'started',
    input,
    actor: { userId: options.starter ?? 'officer-1' },
    ...(options.unitId ? { unitId: options.unitId } : { unitId: 'station-1' }),
    unitAncestors: ['county-1'],
  });
  return driver;
}

/** An actor who may act on the task: for a role task, one holding the role at the unit and above it. */
export function candidateOf(task: OpenTask, userId: string, state: InstanceState): Actor {
  const a = task.assignee;
  if (a.type === 'user') return { userId };
  const units = [a.unitId ?? 'station-1', ...(state.unitAncestors ?? [])];
  return { userId, assignments: units.map((unitId) => ({ role: a.role, unitId })) };
}

export function effectsOf<T extends Effect['type']>(
  effects: Effect[],
  type: T,
): Array<Extract<Effect, { type: T }>> {
  return effects.filter((effect): effect is Extract<Effect, { type: T }> => effect.type === type);
}

/** A tiny definition builder for node-kind tests: a chain start -> ...nodes -> end. */
export function chain(nodes: unknown[], extra: Record<string, unknown> = {}): ProcessDefinition {
  const all = [
    { id: 'start', kind: 'start', name: '开始' },
    ...nodes,
    { id: 'end', kind: 'end', name: '结束', outcome: 'done' },
  ] as Array<{ id: string }>;
  const edges = all.slice(1).map((node, index) => ({ id: `e${index}`, from: all[index]?.id, to: node.id }));
  return definition({ key: 'test', name: '测试', nodes: all, edges, ...extra });
}
