// 导出图片: the whole diagram as a PNG or SVG file for reports. As React Flow's "download image"
// example does, it draws the `.react-flow__viewport` element (so the minimap, controls and panels,
// which sit beside it, stay out) under a transform that frames every node, not the visible part.
import { getNodesBounds, useReactFlow } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';
import { useCallback } from 'react';
import { frameForBounds } from './image-frame.js';

export type ImageFormat = 'png' | 'svg';

const PNG_PIXEL_RATIO = 2;

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
