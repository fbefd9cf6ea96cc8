// Pure translation between the definition and React Flow: definition nodes and edges become flow
// nodes (one typed kind each) and edges; flow position changes become a position map for the store.
// An unchanged definition node keeps its flow node object, so React Flow re-renders only what changed.
import type { Edge, Node, NodeChange } from '@xyflow/react';
import type {
  NodeKind,
  NodeOf,
  ProcessDefinition,
  ProcessEdge,
} from '../../../workflows/engine/definition-schema.js';
import { NODE_SIZE } from './store/node-kinds.js';

export type ProcessNodeData<K extends NodeKind> = {
  node: NodeOf<K>;
  problemCount: number;
  /** Said after the node's name to assistive technology, e.g. a dry run's （当前）. */
  status?: string;
};
/** One flow node type per kind: `Node<{ node: NodeOf<'timer'> … }, 'timer'>`. */
export type FlowNodeOf<K extends NodeKind> = Node<ProcessNodeData<K>, K>;
export type FlowNode = { [K in NodeKind]: FlowNodeOf<K> }[NodeKind];
export type FlowEdge = Edge<{ edge: ProcessEdge; problemCount: number }>;

type Marks = {
  selected: ReadonlySet<string>;
  /** Problem count per node or edge id. */
  problems: ReadonlyMap<string, number>;
};

export function toFlowNodes(
  definition: ProcessDefinition,
  marks: Marks,
  previous: ReadonlyMap<string, FlowNode> = new Map(),
): FlowNode[] {
  return definition.nodes.map((node, index) => {
    const selected = marks.selected.has(node.id);
    const problemCount = marks.problems.get(node.id) ?? 0;
    const before = previous.get(node.id);
    if (
      before &&
      before.data.node === node &&
      before.selected === selected &&
      before.data.problemCount === problemCount
    )
      return before;
    const size = NODE_SIZE[node.kind];
    return {
      id: node.id,
      type: node.kind,
      // A node without a position (an imported graph) waits for the auto-layout in a loose row.
      position: node.position ?? { x: index * (size.width + 40), y: 0 },
      width: size.width,
      height: size.height,
      selected,
      data: { node, problemCount },
    } as FlowNode;
  });
}

/** A closed arrowhead at every edge's target, on the editor and the read-only canvases alike. */
const ARROWHEAD = { type: 'arrowclosed' } as const;

/**
 * `back` (canvas/back-edge.tsx, routed below the nodes) for an edge whose target lies left of its
 * source, so it is not drawn over the forward edge between the same nodes; else `smoothstep`, whose
 * right angles route a loop around the nodes instead of over them.
 */
export function edgeTypeOf(
  source: { x: number } | undefined,
  target: { x: number } | undefined,
): 'back' | 'smoothstep' {
  return source && target && target.x < source.x ? 'back' : 'smoothstep';
}

export function toFlowEdges(
  definition: ProcessDefinition,
  marks: Marks,
  labelOf: (edge: ProcessEdge) => string | undefined,
  /** What assistive technology says for the edge (React Flow's default is "Edge from a to b"). */
  ariaLabelOf: (edge: ProcessEdge) => string,
): FlowEdge[] {
  const positions = new Map(definition.nodes.map((node) => [node.id, node.position]));
  return definition.edges.map((edge) => {
    const label = labelOf(edge);
    const problemCount = marks.problems.get(edge.id) ?? 0;
    return {
      id: edge.id,
      source: edge.from,
      target: edge.to,
      type: edgeTypeOf(positions.get(edge.from), positions.get(edge.to)),
      markerEnd: ARROWHEAD,
      ariaLabel: ariaLabelOf(edge),
      selected: marks.selected.has(edge.id),
      ...(label === undefined ? {} : { label }),
      className: problemCount > 0 ? 'sgf-designer-edge-problem' : undefined,
      data: { edge, problemCount },
    };
  });
}

/** The positions a batch of flow changes moves nodes to (drags, keyboard nudges). */
export function positionsOf(changes: readonly NodeChange[]): Map<string, { x: number; y: number }> {
  const positions = new Map<string, { x: number; y: number }>();
  for (const change of changes)
    if (change.type === 'position' && change.position) positions.set(change.id, change.position);
  return positions;
}

/** Whether every node of the definition has a position (else it is laid out on opening). */
export function hasLayout(definition: ProcessDefinition): boolean {
  return definition.nodes.every((node) => node.position !== undefined);
}
