// The dry run's canvas: the graph under test, read-only, with the nodes holding a token in a pulsing
// colour, the nodes passed and the edges taken marked; each node's accessible name says its mark.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcessDefinition } from '../../../../workflows/engine/definition-schema.js';
import { describeEdge, describeEdgeForReader } from '../canvas/node-texts.js';
import { ReadOnlyFlow } from '../canvas/ReadOnlyFlow';
import { toFlowEdges, toFlowNodes, type FlowEdge, type FlowNode } from '../flow-adapter.js';
import type { Highlights } from './trace-highlights.js';

const NOTHING = { selected: new Set<string>(), problems: new Map<string, number>() };
const LEGEND = ['current', 'passed', 'taken'] as const;

export function DryRunCanvas({
  definition,
  highlights,
}: {
  definition: ProcessDefinition;
  highlights: Highlights;
}) {
  const { t } = useTranslation();
  const nodes = useMemo(
    () =>
      toFlowNodes(definition, NOTHING).map((node): FlowNode => {
        const mark = highlights.nodes.get(node.id);
        if (!mark) return node;
        const data = { ...node.data, status: t(`designer.dryRun.nodeMark.${mark}`) };
        return { ...node, className: `sgf-dry-run-${mark}`, data } as FlowNode;
      }),
    [definition, highlights, t],
  );
  const edges = useMemo(
    () =>
      toFlowEdges(
        definition,
        NOTHING,
        (edge) => describeEdge(edge, t),
        (edge) => describeEdgeForReader(definition, edge, t),
      ).map((edge): FlowEdge =>
        highlights.takenEdges.has(edge.id)
          ? { ...edge, className: 'sgf-dry-run-taken', animated: true }
          : edge,
      ),
    [definition, highlights, t],
  );
  return (
    <div className="sgf-designer-canvas sgf-dry-run-canvas">
      <ReadOnlyFlow nodes={nodes} edges={edges} label={t('designer.dryRun.canvas')} />
      <ul className="sgf-dry-run-legend" aria-label={t('designer.dryRun.legend')}>
        {LEGEND.map((mark) => (
          <li key={mark} className={`sgf-dry-run-key-${mark}`}>
            {t(`designer.dryRun.marks.${mark}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
