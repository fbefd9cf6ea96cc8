// What the dry run's canvas marks after each step: the node holding the token now, the nodes passed,
// the edges taken (read from the change each step made) and the end reached.
import { ZProcessDefinition } from '../../../workflows/engine/definition-schema';
import type { EngineEvent } from '../../../workflows/engine/engine-events';
import { simulate, type TimedEvent } from '../../../workflows/engine/simulate';
import { highlightsOf } from '../../../web/src/designer/dry-run/trace-highlights';
import { dryRunDefinition } from '../../fixtures/dry-run-definition';

const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T02:00:00.000Z`;
const supervisor = (n: number) => ({
  userId: `s${n}`,
  assignments: [{ role: 'supervisor', unitId: 'u' }],
});
const timed = (events: Array<[number, EngineEvent]>): TimedEvent[] =>
  events.map(([day, event]) => ({ at: at(day), event }));

const started: EngineEvent = { type: 'started', input: { projectName: 'x' }, actor: { userId: 'a' } };
const recruit = (budget: number): EngineEvent => ({
  type: 'taskCompleted',
  taskId: 'task-1',
  actor: { userId: 'o', assignments: [{ role: 'officer', unitId: 'u' }] },
  data: { budget },
});
const vote = (taskId: string, n: number, choice: 'approve' | 'reject'): EngineEvent => ({
  type: 'approvalVoted',
  taskId,
  actor: supervisor(n),
  vote: choice,
});

function marksAfter(events: TimedEvent[]) {
  const { nodes, takenEdges, endsReached } = highlightsOf(
    dryRunDefinition,
    simulate(dryRunDefinition, events).trace,
  );
  return { nodes: Object.fromEntries(nodes), takenEdges: [...takenEdges].sort(), endsReached };
}

describe('dry run highlights', () => {
  it('marks nothing before the start', () => {
    expect(marksAfter([])).toEqual({ nodes: {}, takenEdges: [], endsReached: [] });
  });

  it('marks the task holding the token as current and the start as passed', () => {
    expect(marksAfter(timed([[24, started]]))).toEqual({
      nodes: { start: 'passed', recruit: 'current' },
      takenEdges: ['start-recruit'],
      endsReached: [],
    });
  });

  it('keeps the approval current while votes are still open, then takes the gateway’s condition edge', () => {
    const oneVote = timed([
      [24, started],
      [24, recruit(8000)],
      [24, vote('task-2', 1, 'approve')],
    ]);
    expect(marksAfter(oneVote).nodes).toEqual({ start: 'passed', recruit: 'passed', approve: 'current' });
    const decided = [...oneVote, ...timed([[25, vote('task-3', 2, 'approve')]])];
    expect(marksAfter(decided)).toEqual({
      nodes: { start: 'passed', recruit: 'passed', approve: 'passed', check: 'passed', notice: 'current' },
      takenEdges: ['approve-check', 'check-notice', 'recruit-approve', 'start-recruit'],
      endsReached: [],
    });
  });

  it('takes the default edge for a small budget and names the end reached', () => {
    const events = timed([
      [24, started],
      [24, recruit(3000)],
      [24, vote('task-2', 1, 'approve')],
      [24, vote('task-3', 2, 'approve')],
    ]);
    const marks = marksAfter(events);
    expect(marks.takenEdges).toContain('check-done');
    expect(marks.takenEdges).not.toContain('check-notice');
    expect(marks.nodes.notice).toBeUndefined();
    expect(marks.endsReached).toEqual(['done']);
  });

  it('skips a step the engine refused: it marks nothing', () => {
    const events = timed([
      [24, started],
      [24, vote('task-1', 1, 'approve')],
    ]);
    expect(simulate(dryRunDefinition, events).trace[1]?.ok).toBe(false);
    expect(marksAfter(events).nodes).toEqual({ start: 'passed', recruit: 'current' });
  });

  it('does not mark the edge out of a branch still waiting when another branch arrives at the join', () => {
    const def = ZProcessDefinition.parse({
      key: 'both',
      name: '并行',
      nodes: [
        { id: 'start', kind: 'start', name: '开始' },
        { id: 'split', kind: 'parallel', name: '分' },
        { id: 'a', kind: 'userTask', name: '甲', assignee: { type: 'starter' } },
        { id: 'b', kind: 'userTask', name: '乙', assignee: { type: 'starter' } },
        { id: 'join', kind: 'parallel', name: '合' },
        { id: 'end', kind: 'end', name: '结束' },
      ],
      edges: [
        { id: 's', from: 'start', to: 'split' },
        { id: 'sa', from: 'split', to: 'a' },
        { id: 'sb', from: 'split', to: 'b' },
        { id: 'aj', from: 'a', to: 'join' },
        { id: 'bj', from: 'b', to: 'join' },
        { id: 'je', from: 'join', to: 'end' },
      ],
    });
    const actor = { userId: 'me' };
    const trace = simulate(def, [
      { at: at(24), event: { type: 'started', actor } },
      { at: at(24), event: { type: 'taskCompleted', taskId: 'task-1', actor } },
    ]).trace;
    const marks = highlightsOf(def, trace);
    expect([...marks.takenEdges].sort()).toEqual(['aj', 's', 'sa', 'sb']);
    expect(marks.nodes.get('b')).toBe('current');
    expect(marks.nodes.get('join')).toBe('current');
  });
});
