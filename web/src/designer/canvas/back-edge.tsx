// An edge back to a node left of its source (an approval's 不通过 to the task before it, a loop).
// React Flow's smoothstep path would run it straight back along the forward edge between the same
// two nodes (both at one height after 自动排列), reading as if the forward edge were 不通过; this one
// drops below the nodes, returns there and carries its label on that lower run.
import { BaseEdge, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { FlowEdge } from '../flow-adapter.js';

/** How far below the lower handle the return runs: past the tallest node's half (32) and its label. */
const DROP_BELOW = 64;

export const BackEdge = memo(function BackEdge(props: EdgeProps<FlowEdge>) {
  const [path, labelX, labelY] = getSmoothStepPath({
    ...props,
    centerY: Math.max(props.sourceY, props.targetY) + DROP_BELOW,
  });
  const { id, label, markerEnd, style, interactionWidth } = props;
  return <BaseEdge {...{ id, path, label, labelX, labelY, markerEnd, style, interactionWidth }} />;
});
