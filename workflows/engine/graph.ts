// Index of a definition's graph: nodes by id, edges by source and target. Memoised per definition object.
import type { ProcessDefinition, ProcessEdge, ProcessNode } from './definition-schema';

export type Graph = {
  nodes: Map<string, ProcessNode>;
  outgoing: Map<string, ProcessEdge[]>;
  incoming: Map<string, ProcessEdge[]>;
  edges: Map<string, ProcessEdge>;
};

/** What a graph is made of: a definition's nodes and edges (the validator's may hold stand-ins). */
type Drawing = Pick<ProcessDefinition, 'nodes' | 'edges'>;

const cache = new WeakMap<Drawing, Graph>();

export function graphOf(def: Drawing): Graph {
  const cached = cache.get(def);
  if (cached) return cached;
  const graph: Graph = { nodes: new Map(), outgoing: new Map(), incoming: new Map(), edges: new Map() };
  for (const node of def.nodes) {
    if (!graph.nodes.has(node.id)) graph.nodes.set(node.id, node);
    graph.outgoing.set(node.id, []);
    graph.incoming.set(node.id, []);
  }
  for (const edge of def.edges) {
    if (!graph.edges.has(edge.id)) graph.edges.set(edge.id, edge);
    graph.outgoing.get(edge.from)?.push(edge);
    graph.incoming.get(edge.to)?.push(edge);
  }
  cache.set(def, graph);
  return graph;
}

export function outgoingOf(graph: Graph, nodeId: string): ProcessEdge[] {
  return graph.outgoing.get(nodeId) ?? [];
}

export function incomingOf(graph: Graph, nodeId: string): ProcessEdge[] {
  return graph.incoming.get(nodeId) ?? [];
}

/** A parallel node with more than one incoming edge is a join (else a split). */
export function isJoin(graph: Graph, nodeId: string): boolean {
  return incomingOf(graph, nodeId).length > 1;
}
