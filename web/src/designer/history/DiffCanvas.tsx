// The read-only canvas of a version diff: the newer graph drawn with the designer's own node
// components, added elements outlined green, changed amber, removed ones ghosted red where they were.
import { Background, Controls, ReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcessDefinition } from '../../../../workflows/engine/definition-schema.js';
import { describeEdge } from '../canvas/node-texts.js';
import { nodeTypes } from '../canvas/node-types.js';
import { toFlowEdges, toFlowNodes, type FlowEdge, type FlowNode } from '../flow-adapter.js';
import type { DiffMark, DiffMarks } from './diff-view.js';

const NO_PROBLEMS = new Map<string, number>();
const FIT_VIEW = { maxZoom: 1, padding: 0.15 };
const MARKS: readonly DiffMark[] = ['added', 'changed', 'removed'];
const markClass = (mark: DiffMark | undefined) => (mark ? `sgf-diff-${mark}` : undefined);

export function DiffCanvas({
  shown,
  marks,
  selectedId,
}: {
  /** The newer graph with the removed elements merged in (mergeRemoved). */
  shown: ProcessDefinition;
  marks: DiffMarks;
  selectedId: string | undefined;
}) {
  const { t } = useTranslation();
  const selected = useMemo(() => new Set(selectedId === undefined ? [] : [selectedId]), [selectedId]);
  const nodes = useMemo(
    () =>
      toFlowNodes(shown, { selected, problems: NO_PROBLEMS }).map((node): FlowNode => ({
        ...node,
        className: markClass(marks.nodes.get(node.id)),
      })),
    [shown, marks, selected],
  );
  const edges = useMemo(
    () =>
      toFlowEdges(shown, { selected, problems: NO_PROBLEMS }, (edge) => describeEdge(edge, t)).map(
        (edge): FlowEdge => ({ ...edge, className: markClass(marks.edges.get(edge.id)) }),
      ),
    [shown, marks, selected, t],
  );

  return (
    <div className="sgf-designer-canvas sgf-diff-canvas">
      <ReactFlow<FlowNode, FlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        deleteKeyCode={null}
        fitView
        fitViewOptions={FIT_VIEW}
        minZoom={0.1}
        aria-label={t('designer.history.canvas')}
      >
        <Background />
        <Controls showInteractive={false} aria-label={t('designer.canvas.controls')} />
      </ReactFlow>
      <ul className="sgf-diff-legend" aria-label={t('designer.history.legend')}>
        {MARKS.map((mark) => (
          <li key={mark}>
            <span className={`sgf-diff-swatch sgf-diff-swatch-${mark}`} aria-hidden />
            {t(`designer.history.marks.${mark}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
