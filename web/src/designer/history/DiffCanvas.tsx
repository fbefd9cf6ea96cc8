// The read-only canvas of a version diff: the newer graph drawn with the designer's own node
// components, added elements outlined green, changed amber, removed ones ghosted red where they were.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcessDefinition } from '../../../../workflows/engine/definition-schema.js';
import { describeEdge, describeEdgeForReader } from '../canvas/node-texts.js';
import { ReadOnlyFlow } from '../canvas/ReadOnlyFlow';
import { toFlowEdges, toFlowNodes, type FlowEdge, type FlowNode } from '../flow-adapter.js';
import type { DiffMark, DiffMarks } from './diff-view.js';

const NO_PROBLEMS = new Map<string, number>();
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
      toFlowEdges(
        shown,
        { selected, problems: NO_PROBLEMS },
        (edge) => describeEdge(edge, t),
        (edge) => describeEdgeForReader(shown, edge, t),
      ).map((edge): FlowEdge => ({ ...edge, className: markClass(marks.edges.get(edge.id)) })),
    [shown, marks, selected, t],
  );

  return (
    <div className="sgf-designer-canvas sgf-diff-canvas">
      <ReadOnlyFlow nodes={nodes} edges={edges} label={t('designer.history.canvas')} />
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
