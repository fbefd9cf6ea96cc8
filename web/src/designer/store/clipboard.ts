// Copy and paste of a selection: pasted nodes get fresh ids and names of their own (「X（副本）」,
// then 「X（副本 2）」), edges between them come along with their ends remapped, edges to nodes
// outside the selection stay behind.
import type {
  ProcessDefinition,
  ProcessEdge,
  ProcessNode,
} from '../../../../workflows/engine/definition-schema.js';
import { freshId } from './node-kinds.js';

export type Clipboard = { nodes: ProcessNode[]; edges: ProcessEdge[] };

/** The name of the `n`-th copy of a node named `name`, in the interface language (n = 1: the first). */
export type CopyNaming = (name: string, n: number) => string;

/** A new node's name, numbered from the second node of a name on: 审批, 审批 2, 审批 3. */
export const numberedApart: CopyNaming = (name, n) => (n === 1 ? name : `${name} ${n}`);

/** The first name `naming` gives that no node has yet: two pastes of one node, or two palette
 * clicks of one kind, never give two nodes one name. */
export function firstFreeName(name: string, taken: ReadonlySet<string>, naming: CopyNaming): string {
  for (let n = 1; ; n += 1) {
    const candidate = naming(name, n);
    if (!taken.has(candidate)) return candidate;
  }
}

export function copySelection(definition: ProcessDefinition, nodeIds: ReadonlySet<string>): Clipboard {
  return {
    nodes: definition.nodes.filter((node) => nodeIds.has(node.id)),
    edges: definition.edges.filter((edge) => nodeIds.has(edge.from) && nodeIds.has(edge.to)),
  };
}

/** The clipboard's nodes and inner edges with ids and names new to `definition`, shifted by `offset`. */
export function pasteClipboard(
  definition: ProcessDefinition,
  clipboard: Clipboard,
  offset: { x: number; y: number },
  naming: CopyNaming,
): Clipboard {
  const nodeIds = new Set(definition.nodes.map((node) => node.id));
  const names = new Set(definition.nodes.map((node) => node.name));
  const edgeIds = new Set(definition.edges.map((edge) => edge.id));
  const idMap = new Map<string, string>();
  for (const node of clipboard.nodes) {
    const id = freshId(node.id.replace(/_\d+$/, ''), nodeIds);
    nodeIds.add(id);
    idMap.set(node.id, id);
  }
  const remap = (id: string) => idMap.get(id) ?? id;
  const nodes = clipboard.nodes.map((node): ProcessNode => {
    const position = node.position ?? { x: 0, y: 0 };
    const name = firstFreeName(node.name, names, naming);
    names.add(name);
    const moved = {
      ...node,
      id: remap(node.id),
      name,
      position: { x: position.x + offset.x, y: position.y + offset.y },
    };
    // A return target inside the copy follows it; one outside still names the original node.
    return 'returnTo' in moved && moved.returnTo ? { ...moved, returnTo: moved.returnTo.map(remap) } : moved;
  });
  const edges = clipboard.edges.map((edge): ProcessEdge => {
    const id = freshId(`${remap(edge.from)}-${remap(edge.to)}`, edgeIds);
    edgeIds.add(id);
    return { ...edge, id, from: remap(edge.from), to: remap(edge.to) };
  });
  return { nodes, edges };
}
