// One node's edits from a panel: a patch of its own fields, through the store (undoable).
import type { NodeKind, NodeOf, ProcessNode } from '../../../../workflows/engine/definition-schema.js';
import { useDesigner } from '../store/DesignerStoreContext';

export type NodeEdit<K extends NodeKind> = (patch: Partial<NodeOf<K>>, typing?: string) => void;

export function useNodeEdit<K extends NodeKind>(node: NodeOf<K>): NodeEdit<K> {
  const updateNode = useDesigner((state) => state.updateNode);
  // Absent keys stay absent: an optional field cleared in a panel leaves the definition, not `undefined`.
  return (patch, typing) => {
    const next = { ...node, ...patch } as Record<string, unknown>;
    for (const [key, value] of Object.entries(patch)) if (value === undefined) delete next[key];
    updateNode(node.id, next as ProcessNode, typing);
  };
}
