// The node kinds to drag onto the canvas, or to click: a click places the node right of the selected
// one or in the middle of the view, where no other node lies (free-spot.ts), and selects it (keyboard
// users get every kind too, with Enter on the focused button).
import { Button, Tooltip } from 'antd';
import { useReactFlow } from '@xyflow/react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeKind } from '../../../../workflows/engine/definition-schema.js';
import { NODE_KINDS, NODE_SIZE } from '../store/node-kinds.js';
import { useDesignerStoreApi } from '../store/DesignerStoreContext';
import { freeSpot } from './free-spot.js';
import { KIND_ICONS } from './process-nodes';

/** The drag payload's type: only the palette's drags add nodes on drop. */
export const NODE_KIND_MIME = 'application/x-sgf-node-kind';

export function Palette() {
  const { t } = useTranslation();
  const store = useDesignerStoreApi();
  const flow = useReactFlow();
  const placeInView = (kind: NodeKind) => {
    const pane = document.querySelector('.sgf-designer-canvas .react-flow')?.getBoundingClientRect();
    if (!pane) return;
    const topLeft = flow.screenToFlowPosition({ x: pane.left, y: pane.top });
    const bottomRight = flow.screenToFlowPosition({ x: pane.right, y: pane.bottom });
    const view = { ...topLeft, width: bottomRight.x - topLeft.x, height: bottomRight.y - topLeft.y };
    const { definition, selectedNodeIds, addNode } = store.getState();
    const spot = freeSpot(
      definition,
      kind,
      view,
      selectedNodeIds.length === 1 ? selectedNodeIds[0] : undefined,
    );
    addNode(kind, t(`designer.kinds.${kind}`), spot.position);
    // Right of a node at the view's edge, or in a full view: the view goes to the new node.
    if (!spot.visible) {
      const size = NODE_SIZE[kind];
      void flow.setCenter(spot.position.x + size.width / 2, spot.position.y + size.height / 2, {
        zoom: flow.getZoom(),
        duration: 300,
      });
    }
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
