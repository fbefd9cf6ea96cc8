// An edge back to a node left of its source (an approval's 不通过 to the task before it, a loop).
// React Flow's smoothstep path would run it straight back along the forward edge between the same
// two nodes (both at one height after 自动排列), reading as if the forward edge were 不通过; this one
// drops below the nodes, returns there and carries its label on that lower run.
import { BaseEdge, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { FlowEdge } from '../flow-adapter.js';

/** How far below the lower handle the return runs: past the tallest node's half (32) and its label. */
const DROP_BELOW = 64;

export const BackEdge = memo(function BackEdge({
  id,
  sourceX,
  sourceY,
  sourcePosition,
  targetX,
  targetY,
  targetPosition,
  label,
  markerEnd,
  style,
  interactionWidth,
}: EdgeProps<FlowEdge>) {
  const [path, labelX, labelY] = getSmoothStepPath({
    sourceX,
    sourceY,
    sourcePosition,
    targetX,
    targetY,
    targetPosition,
    centerY: Math.max(sourceY, targetY) + DROP_BELOW,
  });
  return (
    <BaseEdge
      id={id}
      path={path}
      label={label}
      labelX={labelX}
      labelY={labelY}
      markerEnd={markerEnd}
      style={style}
      interactionWidth={interactionWidth}
    />
  );
});
