// gateway: exclusive choice. Conditions are tried in edge order; the default edge is taken when none holds.
import type { NodeOf } from '../definition-schema';
import { conditionHolds } from '../feel-conditions';
import { outgoingOf } from '../graph';
import type { Token } from '../instance-state';
import { rejectWith } from '../localized-message';
import { feelContext, type Run, takeEdge } from '../run-context';

export function enterGateway(run: Run, node: NodeOf<'gateway'>, token: Token): void {
  const edges = outgoingOf(run.graph, node.id);
  const context = feelContext(run);
  const chosen =
    edges.find(
      (edge) => !edge.default && edge.condition !== undefined && conditionHolds(edge.condition, context),
    ) ?? edges.find((edge) => edge.default);
  if (!chosen)
    rejectWith('FEEL_ERROR', `网关 ${node.name} 没有可走的分支`, `gateway ${node.id} has no edge to take`);
  takeEdge(run, token, chosen);
}
