// Hands the open definition's store to the canvas and the panels, so each reads only the slice it
// renders (React Flow's own examples provide their stores the same way).
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { DesignerActions, DesignerState, DesignerStore } from './designer-store.js';

const StoreContext = createContext<DesignerStore | null>(null);

export function DesignerStoreProvider({ store, children }: { store: DesignerStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useDesignerStoreApi(): DesignerStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useDesignerStoreApi outside <DesignerStoreProvider>');
  return store;
}

export function useDesigner<T>(selector: (state: DesignerState & DesignerActions) => T): T {
  return useStore(useDesignerStoreApi(), selector);
}
