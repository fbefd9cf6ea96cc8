// 自动排列: lays the whole graph out with elkjs as one undoable step, then fits it into the view.
import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { layoutDefinition } from '../layout.js';
import { useDesignerStoreApi } from '../store/DesignerStoreContext';

export function useArrange(): () => Promise<void> {
  const store = useDesignerStoreApi();
  const flow = useReactFlow();
  return useCallback(async () => {
    const positions = await layoutDefinition(store.getState().definition);
    store.getState().placeNodes(positions);
    // The moved nodes render on the next frame; fitting before that would fit the old places.
    requestAnimationFrame(() => void flow.fitView({ maxZoom: 1, duration: 200 }));
  }, [store, flow]);
}
