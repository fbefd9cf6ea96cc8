// The part of the flow the canvas shows, in flow coordinates: where a palette click may place its
// node, and what a paste's copies must lie in to be seen without moving the view.
import type { ReactFlowInstance } from '@xyflow/react';
import { NODE_SIZE } from '../store/node-kinds.js';
import type { ProcessNode } from '../../../../workflows/engine/definition-schema.js';
import { inside, type Box } from './free-spot.js';

export function visibleArea(flow: ReactFlowInstance): Box | undefined {
  const pane = document.querySelector('.sgf-designer-canvas .react-flow')?.getBoundingClientRect();
  if (!pane) return undefined;
  const topLeft = flow.screenToFlowPosition({ x: pane.left, y: pane.top });
  const bottomRight = flow.screenToFlowPosition({ x: pane.right, y: pane.bottom });
  return { ...topLeft, width: bottomRight.x - topLeft.x, height: bottomRight.y - topLeft.y };
}

/** Moves the view (same zoom) to the middle of `nodes` when any of them lies out of it. */
export function revealNodes(flow: ReactFlowInstance, nodes: readonly ProcessNode[]): void {
  const view = visibleArea(flow);
  const boxes = nodes.flatMap((node) =>
    node.position ? [{ ...node.position, ...NODE_SIZE[node.kind] }] : [],
  );
  if (!view || boxes.length === 0 || boxes.every((box) => inside(box, view))) return;
  const left = Math.min(...boxes.map((box) => box.x));
  const right = Math.max(...boxes.map((box) => box.x + box.width));
  const top = Math.min(...boxes.map((box) => box.y));
  const bottom = Math.max(...boxes.map((box) => box.y + box.height));
  void flow.setCenter((left + right) / 2, (top + bottom) / 2, { zoom: flow.getZoom(), duration: 300 });
}
