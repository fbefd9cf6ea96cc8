// A canvas to look at, not to edit: the designer's node components over a graph whose nodes and edges
// the caller has already marked (the version diff, the dry run); nothing moves, connects or deletes.
import { Background, Controls, ReactFlow } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { FlowEdge, FlowNode } from '../flow-adapter.js';
import { edgeTypes } from './edge-types.js';
import { useFlowAriaLabels } from './flow-aria-labels';
import { nodeTypes } from './node-types.js';

const FIT_VIEW = { maxZoom: 1, padding: 0.15 };

export function ReadOnlyFlow({
  nodes,
  edges,
  label,
}: {
  nodes: FlowNode[];
  edges: FlowEdge[];
  label: string;
}) {
  const { t } = useTranslation();
  const ariaLabels = useFlowAriaLabels();
  return (
    <ReactFlow<FlowNode, FlowEdge>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      ariaLabelConfig={ariaLabels}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      deleteKeyCode={null}
      fitView
      fitViewOptions={FIT_VIEW}
      minZoom={0.1}
      aria-label={label}
    >
      <Background />
      <Controls showInteractive={false} aria-label={t('designer.canvas.controls')} />
    </ReactFlow>
  );
}
