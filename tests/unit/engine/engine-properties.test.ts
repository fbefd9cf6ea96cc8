import fc from 'fast-check';
import {
  type EngineEvent,
  initialState,
  type InstanceState,
  type ProcessDefinition,
  simulate,
  step,
  validateDefinition,
} from '../../../workflows/engine';
import { definition, T0 } from './drive';

type Block =
  | { kind: 'task' | 'timer' | 'action' }
  | { kind: 'approval'; policy: 'any' | 'all' | 'majority'; seats: number }
  | { kind: 'choice' | 'parallel'; a: Block[]; b: Block[] };

const { blocks } = fc.letrec<{ block: Block; blocks: Block[] }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<Block>({ kind: 'task' }, { kind: 'timer' }, { kind: 'action' }),
    fc.record({
      kind: fc.constant('approval' as const),
      policy: fc.constantFrom('any' as const, 'all' as const, 'majority' as const),
      seats: fc.integer({ min: 1, max: 3 }),
    }),
    fc.record({
      kind: fc.constantFrom('choice' as const, 'parallel' as const),
      a: tie('blocks'),
      b: tie('blocks'),
    }),
  ),
  blocks: fc.array(tie('block'), { minLength: 1, maxLength: 3 }),
}));

type Exit = { from: string; props: Record<string, unknown> };
/** `after` is a pass-through gateway whose only way in is the join, so a visit to it means the join fired. */
type Region = { split: string; join: string; after: string; branchNodes: string[] };

/** Builds a structured, valid definition from a block tree; remembers every parallel region. */
function buildDefinition(tree: Block[]): { def: ProcessDefinition; regions: Region[] } {
  const nodes: Array<Record<string, unknown>> = [{ id: 'start', kind: 'start', name: '开始' }];
  const edges: Array<Record<string, unknown>> = [];
  const regions: Region[] = [];
  let counter = 0;
  const id = (prefix: string) => `${prefix}${++counter}`;
  const connect = (exit: Exit, to: string) => {
    const edgeId = id('e');
    edges.push({ id: edgeId, from: exit.from, to, ...exit.props });
    return edgeId;
  };
  const emit = (list: Block[], entry: Exit): Exit => list.reduce(emitBlock, entry);
  function emitBlock(entry: Exit, block: Block): Exit {
    switch (block.kind) {
      case 'task': {
        const node = id('task');
        nodes.push({
          id: node,
          kind: 'userTask',
          name: node,
          assignee: { type: 'starter' },
          due: 'P3D',
          reminder: { after: 'P2D' },
        });
        connect(entry, node);
        return { from: node, props: {} };
      }
      case 'timer': {
        const node = id('timer');
        nodes.push({
          id: node,
          kind: 'timer',
          name: node,
          timer: { type: 'duration', duration: `P${counter}D` },
        });
        connect(entry, node);
        return { from: node, props: {} };
      }
      case 'action': {
        const node = id('action');
        nodes.push({
          id: node,
          kind: 'action',
          name: node,
          action: 'setVariables',
          params: { values: { flag: true } },
        });
        connect(entry, node);
        return { from: node, props: {} };
      }
      case 'approval': {
        const node = id('approval');
        nodes.push({
          id: node,
          kind: 'approval',
          name: node,
          approvers: [{ assignee: { type: 'role', role: 'supervisor' }, seats: block.seats }],
          policy: { type: block.policy },
        });
        connect(entry, node);
        if (!nodes.some((candidate) => candidate.id === 'rejected'))
          nodes.push({ id: 'rejected', kind: 'end', name: '驳回', outcome: 'rejected', terminate: true });
        edges.push({ id: id('e'), from: node, to: 'rejected', outcome: 'reject' });
        return { from: node, props: { outcome: 'approve' } };
      }
      case 'choice': {
        const gateway = id('choice');
        const merge = id('merge');
        nodes.push(
          { id: gateway, kind: 'gateway', name: gateway },
          { id: merge, kind: 'gateway', name: merge },
        );
        connect(entry, gateway);
        connect(emit(block.a, { from: gateway, props: { condition: 'flag = true' } }), merge);
        connect(emit(block.b, { from: gateway, props: { default: true } }), merge);
        return { from: merge, props: { default: true } };
      }
      case 'parallel': {
        const split = id('split');
        const join = id('join');
        nodes.push({ id: split, kind: 'parallel', name: split }, { id: join, kind: 'parallel', name: join });
        connect(entry, split);
        const before = nodes.length;
        connect(emit(block.a, { from: split, props: {} }), join);
        connect(emit(block.b, { from: split, props: {} }), join);
        const after = id('after');
        nodes.push({ id: after, kind: 'gateway', name: after });
        connect({ from: join, props: {} }, after);
        regions.push({
          split,
          join,
          after,
          branchNodes: nodes.slice(before, -1).map((node) => String(node.id)),
        });
        return { from: after, props: { default: true } };
      }
    }
  }
  const last = emit(tree, { from: 'start', props: {} });
  nodes.push({ id: 'end', kind: 'end', name: '结束', outcome: 'done' });
  connect(last, 'end');
  return {
    def: definition({
      key: 'generated',
      name: '随机流程',
      variables: [{ name: 'flag', type: 'boolean', default: false }],
      nodes,
      edges,
    }),
    regions,
  };
}

/** Events that fit the state (and a few that do not), chosen by the random `choices`. */
function candidateEvents(state: InstanceState): Array<{ event: EngineEvent; at?: string }> {
  const events: Array<{ event: EngineEvent; at?: string }> = [];
  for (const task of Object.values(state.tasks)) {
    if (task.kind === 'userTask')
      events.push({
        event: { type: 'taskCompleted', taskId: task.id, actor: { userId: 'officer-1' }, data: {} },
      });
    if (task.kind === 'approval')
      for (const vote of ['approve', 'reject'] as const)
        events.push({
          event: { type: 'approvalVoted', taskId: task.id, actor: { userId: `voter-${task.id}` }, vote },
        });
  }
  for (const timer of Object.values(state.timers))
    events.push({ event: { type: 'timerFired', timerId: timer.id }, at: timer.fireAt });
  for (const action of Object.values(state.pendingActions)) {
    events.push({ event: { type: 'actionCompleted', actionId: action.id, result: { flag: true } } });
    events.push({ event: { type: 'actionFailed', actionId: action.id, error: 'boom' } });
  }
  events.push(
    { event: { type: 'taskCompleted', taskId: 'task-999', actor: { userId: 'x' }, data: {} } },
    { event: { type: 'external', name: 'nothing' } },
  );
  return events;
}

function later(a: string, b: string | undefined): string {
  return b !== undefined && b > a ? b : a;
}

/** Plays random fitting events; returns the timed events that were sent. */
function play(
  def: ProcessDefinition,
  choices: number[],
  check: (state: InstanceState) => void,
): Array<{ at: string; event: EngineEvent }> {
  const sent: Array<{ at: string; event: EngineEvent }> = [
    { at: T0, event: { type: 'started', input: {}, actor: { userId: 'officer-1' }, unitId: 'u1' } },
  ];
  let state = initialState();
  let now = T0;
  const first = step(def, state, sent[0]!.event, now);
  if (!first.ok) throw new Error(JSON.stringify(first.rejection));
  state = first.state;
  check(state);
  for (const choice of choices) {
    if (state.status !== 'running') break;
    const options = candidateEvents(state);
    const picked = options[choice % options.length]!;
    now = later(now, picked.at);
    sent.push({ at: now, event: picked.event });
    const result = step(def, state, picked.event, now);
    if (result.ok) {
      expect(result.state.revision).toBe(state.revision + 1);
      state = result.state;
    }
    check(state);
  }
  return sent;
}

function checkInvariants(state: InstanceState): void {
  for (const task of Object.values(state.tasks)) expect(state.tokens[task.tokenId]).toBeDefined();
  for (const timer of Object.values(state.timers)) {
    if (timer.tokenId !== undefined) expect(state.tokens[timer.tokenId]).toBeDefined();
    if (timer.taskId !== undefined) expect(state.tasks[timer.taskId]).toBeDefined();
  }
  for (const token of Object.values(state.tokens)) {
    const wait = token.wait;
    if (wait?.kind === 'userTask') expect(state.tasks[wait.taskId]).toBeDefined();
    if (wait?.kind === 'timer') expect(state.timers[wait.timerId]).toBeDefined();
    if (wait?.kind === 'action') expect(state.pendingActions[wait.actionId]).toBeDefined();
  }
  if (state.status !== 'running') expect([state.tokens, state.tasks, state.timers]).toEqual([{}, {}, {}]);
  expect(JSON.parse(JSON.stringify(state))).toEqual(state);
}

const choicesArb = fc.array(fc.nat({ max: 1000 }), { maxLength: 40 });

describe('engine properties', () => {
  it('random structured definitions are valid, and random event sequences never throw or leave an invalid state', () => {
    fc.assert(
      fc.property(blocks, choicesArb, (tree, choices) => {
        const { def } = buildDefinition(tree);
        expect(validateDefinition(def).problems).toEqual([]);
        play(def, choices, checkInvariants);
      }),
      { numRuns: 150 },
    );
  });

  it('folding a trace’s events from the initial state reproduces its final state exactly', () => {
    fc.assert(
      fc.property(blocks, choicesArb, (tree, choices) => {
        const { def } = buildDefinition(tree);
        const events = play(def, choices, () => undefined);
        const { trace, final } = simulate(def, events);
        let state = initialState();
        for (const entry of trace) {
          const result = step(def, state, entry.event, entry.at);
          expect(result.ok).toBe(entry.ok);
          if (result.ok) state = result.state;
        }
        expect(state).toEqual(final);
        expect(simulate(def, events)).toEqual({ trace, final });
      }),
      { numRuns: 100 },
    );
  });

  it('a join never fires while one of its branches is still running', () => {
    fc.assert(
      fc.property(blocks, choicesArb, (tree, choices) => {
        const { def, regions } = buildDefinition(tree);
        play(def, choices, (state) => {
          for (const region of regions) {
            // Generated regions are never inside loops, so one visit past the join means it fired.
            const fired = (state.visits[region.after] ?? 0) > 0;
            const inside = Object.values(state.tokens).some(
              (token) => region.branchNodes.includes(token.nodeId) || token.nodeId === region.join,
            );
            if (fired && state.status === 'running') expect(inside).toBe(false);
          }
        });
      }),
      { numRuns: 150 },
    );
  });
});
