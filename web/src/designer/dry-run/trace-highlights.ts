// What the dry run's canvas marks after a trace: the nodes holding a token now, the nodes passed,
// the edges taken and the ends reached. The engine's state keeps no path, so the edges are read from
// each step's change: an edge was taken when its target was entered in the step and its source was
// either entered in the same step or held a token that left it.
import type { ProcessDefinition } from '../../../../workflows/engine/definition-schema.js';
import { initialState, type InstanceState } from '../../../../workflows/engine/instance-state.js';
import type { TraceEntry } from '../../../../workflows/engine/simulate.js';

export type NodeMark = 'current' | 'passed';

export type Highlights = {
  nodes: ReadonlyMap<string, NodeMark>;
  takenEdges: ReadonlySet<string>;
  /** End nodes the instance reached, in the definition's order. */
  endsReached: string[];
};

/** The nodes a step entered (their visit count grew) or left (a token there moved on or went away). */
function stepChange(
  before: InstanceState,
  after: InstanceState,
): { entered: Set<string>; left: Set<string> } {
  const entered = new Set(
    Object.entries(after.visits)
      .filter(([nodeId, count]) => count > (before.visits[nodeId] ?? 0))
      .map(([nodeId]) => nodeId),
  );
  const left = new Set(
    Object.values(before.tokens)
      .filter((token) => after.tokens[token.id]?.nodeId !== token.nodeId || entered.has(token.nodeId))
      .map((token) => token.nodeId),
  );
  return { entered, left };
}

export function highlightsOf(
  def: ProcessDefinition,
  trace: readonly TraceEntry[],
  from: InstanceState = initialState(),
): Highlights {
  const takenEdges = new Set<string>();
  let state = from;
  for (const entry of trace) {
    if (!entry.ok || !entry.state) continue;
    const { entered, left } = stepChange(state, entry.state);
    for (const edge of def.edges)
      if (entered.has(edge.to) && (entered.has(edge.from) || left.has(edge.from))) takenEdges.add(edge.id);
    state = entry.state;
  }
  const nodes = new Map<string, NodeMark>();
  for (const [nodeId, count] of Object.entries(state.visits)) if (count > 0) nodes.set(nodeId, 'passed');
  for (const token of Object.values(state.tokens)) nodes.set(token.nodeId, 'current');
  const endsReached = def.nodes
    .filter((node) => node.kind === 'end' && (state.visits[node.id] ?? 0) > 0)
    .map((node) => node.id);
  return { nodes, takenEdges, endsReached };
}
