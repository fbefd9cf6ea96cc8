// The exported image's frame: its size and the viewport transform that puts every node in it, pure so
// that it is tested without a browser.
import { getViewportForBounds, type Rect } from '@xyflow/react';

const MARGIN = 32;
/** 2048 CSS px at 2× is a 4096 px PNG: sharp in a printed report and within every browser's canvas limit. */
const MAX_SIDE = 2048;

export interface ImageFrame {
  width: number;
  height: number;
  transform: string;
}

/** The image's size and the viewport transform that fits the nodes into it, shrunk to MAX_SIDE when larger. */
export function frameForBounds(bounds: Rect): ImageFrame {
  const scale = Math.min(1, MAX_SIDE / (bounds.width + 2 * MARGIN), MAX_SIDE / (bounds.height + 2 * MARGIN));
  const width = Math.ceil((bounds.width + 2 * MARGIN) * scale);
  const height = Math.ceil((bounds.height + 2 * MARGIN) * scale);
  const viewport = getViewportForBounds(bounds, width, height, 0.01, 1, `${Math.floor(MARGIN * scale)}px`);
  return {
    width,
    height,
    transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})`,
  };
}
