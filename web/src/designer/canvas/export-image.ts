// 导出图片: the whole diagram as a PNG or SVG file for reports. As React Flow's "download image"
// example does, it draws the `.react-flow__viewport` element (so the minimap, controls and panels,
// which sit beside it, stay out) under a transform that frames every node, not the visible part.
import { getNodesBounds, getViewportForBounds, useReactFlow, type Rect } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';
import { useCallback } from 'react';

export type ImageFormat = 'png' | 'svg';

const MARGIN = 32;
const PNG_PIXEL_RATIO = 2;
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

/** Returns a function that downloads the diagram as `<fileName>.<format>`. */
export function useExportImage(): (format: ImageFormat, fileName: string) => Promise<void> {
  const flow = useReactFlow();
  return useCallback(
    async (format, fileName) => {
      const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
      if (!viewport) return;
      const frame = frameForBounds(getNodesBounds(flow.getNodes()));
      const options = {
        backgroundColor: '#ffffff',
        width: frame.width,
        height: frame.height,
        style: { width: `${frame.width}px`, height: `${frame.height}px`, transform: frame.transform },
      };
      const dataUrl =
        format === 'png'
          ? await toPng(viewport, { ...options, pixelRatio: PNG_PIXEL_RATIO })
          : await toSvg(viewport, options);
      const link = document.createElement('a');
      link.href = dataUrl;
      link.download = `${fileName}.${format}`;
      link.click();
    },
    [flow],
  );
}
