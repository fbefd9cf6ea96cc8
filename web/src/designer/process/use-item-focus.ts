// Brings the process item a problem or badge asked for into view once its section has opened.
import { useEffect } from 'react';
import type { ItemFocus } from './process-items.js';

/** Scrolls the element `${idPrefix}-${index}` into view on each new request for an item. */
export function useItemFocus(focus: ItemFocus | undefined, idPrefix: string): void {
  const request = focus?.request;
  const index = focus?.index;
  useEffect(() => {
    if (request === undefined || index === undefined) return;
    // The section's panel opens in the same render; its children exist by the next frame.
    const frame = requestAnimationFrame(() =>
      document.getElementById(`${idPrefix}-${index}`)?.scrollIntoView({ block: 'nearest' }),
    );
    return () => cancelAnimationFrame(frame);
  }, [request, index, idPrefix]);
}
