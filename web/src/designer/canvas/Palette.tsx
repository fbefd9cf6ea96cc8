// The node kinds to drag onto the canvas, or to click: a click places the node right of the selected
// one or in the middle of the view, where no other node lies (free-spot.ts), and selects it (keyboard
// users get every kind too, with Enter on the focused button).
import { Button, Tooltip } from 'antd';
import { useReactFlow } from '@xyflow/react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeKind } from '../../../../workflows/engine/definition-schema.js';
import { NODE_KINDS } from '../store/node-kinds.js';
import { useDesignerStoreApi } from '../store/DesignerStoreContext';
import { freeSpot } from './free-spot.js';
import { revealNodes, visibleArea } from './visible-area.js';
import { KIND_ICONS } from './process-nodes';

/** The drag payload's type: only the palette's drags add nodes on drop. */
export const NODE_KIND_MIME = 'application/x-sgf-node-kind';

export function Palette() {
  const { t } = useTranslation();
  const store = useDesignerStoreApi();
  const flow = useReactFlow();
  const placeInView = (kind: NodeKind) => {
    const view = visibleArea(flow);
    if (!view) return;
    const { definition, selectedNodeIds, addNode } = store.getState();
    const spot = freeSpot(
      definition,
      kind,
      view,
      selectedNodeIds.length === 1 ? selectedNodeIds[0] : undefined,
    );
    const id = addNode(kind, t(`designer.kinds.${kind}`), spot.position);
    // Right of a node at the view's edge, or in a full view: the view goes to the new node.
    if (!spot.visible)
      revealNodes(
        flow,
        store.getState().definition.nodes.filter((node) => node.id === id),
      );
  };
  const startDrag = (event: DragEvent, kind: NodeKind) => {
    event.dataTransfer.setData(NODE_KIND_MIME, kind);
    event.dataTransfer.effectAllowed = 'move';
  };
  return (
    <nav className="sgf-designer-palette" aria-label={t('designer.palette.label')}>
      {NODE_KINDS.map((kind) => (
        <Tooltip key={kind} title={t(`designer.kindHelp.${kind}`)} placement="right">
          <Button
            block
            icon={KIND_ICONS[kind]}
            draggable
            onDragStart={(event) => startDrag(event, kind)}
            onClick={() => placeInView(kind)}
            className="sgf-designer-palette-item"
          >
            {t(`designer.kinds.${kind}`)}
          </Button>
        </Tooltip>
      ))}
    </nav>
  );
}
