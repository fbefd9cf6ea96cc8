// Selects a node or an edge and brings it to the middle of the view (issues panel, find box).
import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { NODE_SIZE } from '../store/node-kinds.js';
import { useDesignerStoreApi } from '../store/DesignerStoreContext';

export function useFocusElement(): (target: { nodeId?: string; edgeId?: string }) => void {
  const store = useDesignerStoreApi();
  const flow = useReactFlow();
  return useCallback(
    ({ nodeId, edgeId }) => {
      const { definition, select } = store.getState();
      const centreOf = (id: string) => {
        const node = definition.nodes.find((candidate) => candidate.id === id);
        if (!node?.position) return undefined;
        const size = NODE_SIZE[node.kind];
        return { x: node.position.x + size.width / 2, y: node.position.y + size.height / 2 };
      };
      let centre: { x: number; y: number } | undefined;
      if (nodeId !== undefined) {
        select([nodeId], []);
        centre = centreOf(nodeId);
      } else if (edgeId !== undefined) {
        const edge = definition.edges.find((candidate) => candidate.id === edgeId);
        select([], [edgeId]);
        const from = edge && centreOf(edge.from);
        const to = edge && centreOf(edge.to);
        if (from && to) centre = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
      }
      if (centre)
        void flow.setCenter(centre.x, centre.y, { zoom: Math.max(flow.getZoom(), 0.8), duration: 300 });
    },
    [store, flow],
  );
}
