// gateway: exclusive choice. Conditions are tried in edge order and the first that holds is taken;
// the default edge when none holds. A condition that fails before one holds raises an incident.
import type { NodeOf, ProcessEdge } from '../definition-schema';
import { evaluateCondition } from '../feel-conditions';
import { outgoingOf } from '../graph';
import { raiseIncident } from '../incidents';
import type { Token } from '../instance-state';
import { rejectWith } from '../localized-message';
import { feelContext, type Run, takeEdge } from '../run-context';

export function enterGateway(run: Run, node: NodeOf<'gateway'>, token: Token): void {
  const edges = outgoingOf(run.graph, node.id);
  const context = feelContext(run);
  let chosen: ProcessEdge | undefined;
  for (const edge of edges) {
    if (edge.default || edge.condition === undefined) continue;
    const result = evaluateCondition(edge.condition, context);
    if (!result.ok) {
      raiseIncident(run, token, {
        expression: edge.condition,
        edgeId: edge.id,
        error: result.error,
        context,
      });
      return;
    }
    if (result.holds) {
      chosen = edge;
      break;
    }
  }
  chosen ??= edges.find((edge) => edge.default);
  if (!chosen)
    rejectWith('FEEL_ERROR', `网关 ${node.name} 没有可走的分支`, `gateway ${node.id} has no edge to take`);
  takeEdge(run, token, chosen);
}
