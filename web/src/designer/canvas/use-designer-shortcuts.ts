// Keyboard shortcuts of the editor: Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) undo and redo, Ctrl+C / Ctrl+V
// copy and paste, Ctrl+F find (Delete is React Flow's own, routed to the store by the canvas). Keys
// typed into a field belong to the field: its text has its own undo.
import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CopyNaming } from '../store/clipboard.js';
import type { DesignerStore } from '../store/designer-store.js';
import { revealNodes } from './visible-area.js';

export const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * `enabled` false (试运行) leaves the definition alone: nothing may change it while a dry run reads it.
 * Called inside the editor's ReactFlowProvider: a paste whose copies land out of view moves the view.
 */
export function useDesignerShortcuts(store: DesignerStore, onFind: () => void, enabled = true): void {
  const { t } = useTranslation();
  const flow = useReactFlow();
  useEffect(() => {
    if (!enabled) return undefined;
    // Pasted nodes are named in the interface language, as new nodes are: 「X（副本）」, 「X（副本 2）」.
    const copyNaming: CopyNaming = (name, n) =>
      n === 1 ? t('designer.clipboard.copyName', { name }) : t('designer.clipboard.copyNameN', { name, n });
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      const state = store.getState();
      const action =
        key === 'z' && event.shiftKey
          ? state.redo
          : key === 'z'
            ? state.undo
            : key === 'y'
              ? state.redo
              : key === 'c'
                ? state.copy
                : key === 'v'
                  ? () => {
                      state.paste(copyNaming);
                      const { definition, selectedNodeIds } = store.getState();
                      revealNodes(
                        flow,
                        definition.nodes.filter((node) => selectedNodeIds.includes(node.id)),
                      );
                    }
                  : key === 'f'
                    ? onFind
                    : undefined;
      if (!action) return;
      event.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store, onFind, enabled, t, flow]);
}
