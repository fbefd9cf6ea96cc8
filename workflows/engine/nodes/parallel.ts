// parallel: a split sends one path down every outgoing edge; a join waits until a path has arrived
// on every incoming edge, then continues with one path.
import type { NodeOf } from '../definition-schema';
import { incomingOf, isJoin, outgoingOf } from '../graph';
import type { Token } from '../instance-state';
import { createToken, type Run, takeEdge } from '../run-context';

export function enterParallel(run: Run, node: NodeOf<'parallel'>, token: Token, via: string | null): void {
  if (isJoin(run.graph, node.id)) {
    token.wait = { kind: 'join', arrivedVia: via ?? '' };
    tryJoin(run, node.id);
    return;
  }
  const edges = outgoingOf(run.graph, node.id);
  if (edges.length === 1 && edges[0]) {
    takeEdge(run, token, edges[0]);
    return;
  }
  delete run.state.tokens[token.id];
  for (const edge of edges)
    takeEdge(run, createToken(run, node.id, token.cycles && structuredClone(token.cycles)), edge);
}

function tryJoin(run: Run, nodeId: string): void {
  const waiting = Object.values(run.state.tokens).filter(
    (token) => token.nodeId === nodeId && token.wait?.kind === 'join',
  );
  const arrivals = incomingOf(run.graph, nodeId).map((edge) =>
    waiting.find((token) => token.wait?.kind === 'join' && token.wait.arrivedVia === edge.id),
  );
  if (arrivals.some((token) => token === undefined)) return;
  const first = arrivals[0];
  for (const token of arrivals) if (token) delete run.state.tokens[token.id];
  const merged = createToken(run, nodeId, first?.cycles);
  const edge = outgoingOf(run.graph, nodeId)[0];
  if (edge) takeEdge(run, merged, edge);
}
