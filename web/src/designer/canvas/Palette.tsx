// The node kinds to drag onto the canvas, or to click: a click places the node in the middle of the
// view (keyboard users get every kind too, with Enter on the focused button).
import { Button, Tooltip } from 'antd';
import { useReactFlow } from '@xyflow/react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeKind } from '../../../../workflows/engine/definition-schema.js';
import { NODE_KINDS, NODE_SIZE } from '../store/node-kinds.js';
import { useDesigner } from '../store/DesignerStoreContext';
import { KIND_ICONS } from './process-nodes';

/** The drag payload's type: only the palette's drags add nodes on drop. */
export const NODE_KIND_MIME = 'application/x-sgf-node-kind';

export function Palette() {
  const { t } = useTranslation();
  const addNode = useDesigner((state) => state.addNode);
  const flow = useReactFlow();
  const placeInView = (kind: NodeKind) => {
    const pane = document.querySelector('.sgf-designer-canvas .react-flow')?.getBoundingClientRect();
    const centre = flow.screenToFlowPosition({
      x: pane ? pane.left + pane.width / 2 : window.innerWidth / 2,
      y: pane ? pane.top + pane.height / 2 : window.innerHeight / 2,
    });
    const size = NODE_SIZE[kind];
    addNode(kind, t(`designer.kinds.${kind}`), {
      x: centre.x - size.width / 2,
      y: centre.y - size.height / 2,
    });
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
