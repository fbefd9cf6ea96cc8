// Pure edits of a process definition, each returning a new definition and sharing every node and
// edge it did not touch (so the canvas re-renders only what changed and history snapshots are cheap).
import type {
  ProcessDefinition,
  ProcessEdge,
  ProcessNode,
} from '../../../../workflows/engine/definition-schema.js';

type Position = { x: number; y: number };

export function addNodes(definition: ProcessDefinition, nodes: ProcessNode[], edges: ProcessEdge[] = []) {
  return { ...definition, nodes: [...definition.nodes, ...nodes], edges: [...definition.edges, ...edges] };
}

export function moveNodes(
  definition: ProcessDefinition,
  positions: ReadonlyMap<string, Position>,
): ProcessDefinition {
  return {
    ...definition,
    nodes: definition.nodes.map((node) => {
      const position = positions.get(node.id);
      return position ? { ...node, position: { x: position.x, y: position.y } } : node;
    }),
  };
}

/** Removes nodes, their edges and the edges named; references elsewhere are left to the validator. */
export function deleteElements(
  definition: ProcessDefinition,
  nodeIds: ReadonlySet<string>,
  edgeIds: ReadonlySet<string>,
): ProcessDefinition {
  return {
    ...definition,
    nodes: definition.nodes.filter((node) => !nodeIds.has(node.id)),
    edges: definition.edges.filter(
      (edge) => !edgeIds.has(edge.id) && !nodeIds.has(edge.from) && !nodeIds.has(edge.to),
    ),
  };
}

/**
 * Replaces one node. A changed id is carried into the edges, the other nodes' return targets and
 * the event handlers' target and wait nodes, so renaming an id in the property panel never leaves
 * a dangling reference behind.
 */
export function replaceNode(definition: ProcessDefinition, id: string, next: ProcessNode): ProcessDefinition {
  const renamed = next.id !== id;
  const rename = (value: string) => (value === id ? next.id : value);
  return {
    ...definition,
    nodes: definition.nodes.map((node) => {
      if (node.id === id) return next;
      if (renamed && 'returnTo' in node && node.returnTo?.includes(id))
        return { ...node, returnTo: node.returnTo.map(rename) };
      return node;
    }),
    edges: renamed
      ? definition.edges.map((edge) =>
          edge.from === id || edge.to === id
            ? { ...edge, from: rename(edge.from), to: rename(edge.to) }
            : edge,
        )
      : definition.edges,
    eventHandlers: renamed
      ? definition.eventHandlers.map((handler) =>
          handler.target === id || handler.activeIn?.includes(id)
            ? {
                ...handler,
                ...(handler.target === undefined ? {} : { target: rename(handler.target) }),
                ...(handler.activeIn === undefined ? {} : { activeIn: handler.activeIn.map(rename) }),
              }
            : handler,
        )
      : definition.eventHandlers,
  };
}

/** Replaces one edge; marking a gateway edge default takes the mark from its siblings (one default each). */
export function replaceEdge(definition: ProcessDefinition, id: string, next: ProcessEdge): ProcessDefinition {
  return {
    ...definition,
    edges: definition.edges.map((edge) => {
      if (edge.id === id) return next;
      if (next.default === true && edge.from === next.from && edge.default === true) {
        const { default: _taken, ...rest } = edge;
        return rest;
      }
      return edge;
    }),
  };
}

/** Definition-level fields (name, description, variables, stages, …) without touching the graph. */
export function patchDefinition(
  definition: ProcessDefinition,
  patch: Partial<Omit<ProcessDefinition, 'nodes' | 'edges'>>,
): ProcessDefinition {
  return { ...definition, ...patch };
}
