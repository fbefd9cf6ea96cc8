// The canvas: React Flow over the store's definition. Every change a person makes here (drop from
// the palette, drag, connect, delete, select) goes to the store; the canvas itself holds no graph.
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
} from '@xyflow/react';
import { App } from 'antd';
import { useCallback, useMemo, useRef, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeKind } from '../../../../workflows/engine/definition-schema.js';
import { problemCounts, type DesignerIssue } from '../definition-issues.js';
import { positionsOf, toFlowEdges, toFlowNodes, type FlowEdge, type FlowNode } from '../flow-adapter.js';
import { judgeConnection } from '../store/connection-rules.js';
import { NODE_KINDS, NODE_SIZE } from '../store/node-kinds.js';
import { useDesigner, useDesignerStoreApi } from '../store/DesignerStoreContext';
import { describeEdge, describeEdgeForReader } from './node-texts.js';
import { edgeTypes } from './edge-types';
import { EventHandlersBadge } from './EventHandlersBadge';
import { useFlowAriaLabels } from './flow-aria-labels';
import { nodeTypes } from './node-types';
import { NODE_KIND_MIME } from './Palette';

const SNAP_GRID: [number, number] = [16, 16];
/** A small graph is shown at its size, not blown up to fill the canvas. */
const FIT_VIEW = { maxZoom: 1 };
/** Smaller than React Flow's default: the canvas shares an office screen with two side panels. */
const MINIMAP_SIZE = { width: 150, height: 100 };
const isNodeKind = (value: string): value is NodeKind => (NODE_KINDS as readonly string[]).includes(value);

/** The ids selected after React Flow's select changes; undefined when the changes select nothing. */
function selectionAfter(
  current: readonly string[],
  changes: readonly (NodeChange<FlowNode> | EdgeChange<FlowEdge>)[],
): string[] | undefined {
  const selects = changes.filter((change) => change.type === 'select');
  if (selects.length === 0) return undefined;
  const selected = new Set(current);
  for (const change of selects) {
    if (change.selected) selected.add(change.id);
    else selected.delete(change.id);
  }
  return [...selected];
}

export function DesignerCanvas({ issues }: { issues: readonly DesignerIssue[] }) {
  const { t } = useTranslation();
  const ariaLabels = useFlowAriaLabels();
  const { message } = App.useApp();
  const store = useDesignerStoreApi();
  const flow = useReactFlow();
  const definition = useDesigner((state) => state.definition);
  const selectedNodeIds = useDesigner((state) => state.selectedNodeIds);
  const selectedEdgeIds = useDesigner((state) => state.selectedEdgeIds);
  const problems = useMemo(() => problemCounts(issues), [issues]);
  const previousNodes = useRef(new Map<string, FlowNode>());

  const nodes = useMemo(() => {
    const next = toFlowNodes(
      definition,
      { selected: new Set(selectedNodeIds), problems },
      previousNodes.current,
    );
    previousNodes.current = new Map(next.map((node) => [node.id, node]));
    return next;
  }, [definition, selectedNodeIds, problems]);
  const edges = useMemo(
    () =>
      toFlowEdges(
        definition,
        { selected: new Set(selectedEdgeIds), problems },
        (edge) => describeEdge(edge, t),
        (edge) => describeEdgeForReader(definition, edge, t),
      ),
    [definition, selectedEdgeIds, problems, t],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const positions = positionsOf(changes);
      if (positions.size > 0) store.getState().moveNodes(positions);
      const selected = selectionAfter(store.getState().selectedNodeIds, changes);
      if (selected) store.getState().select(selected, store.getState().selectedEdgeIds);
    },
    [store],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowEdge>[]) => {
      const selected = selectionAfter(store.getState().selectedEdgeIds, changes);
      if (selected) store.getState().select(store.getState().selectedNodeIds, selected);
    },
    [store],
  );

  const isValidConnection = useCallback(
    (connection: Connection | FlowEdge) =>
      judgeConnection(store.getState().definition, connection.source, connection.target).ok,
    [store],
  );
  const onConnect = useCallback(
    (connection: Connection) => {
      store.getState().connect(connection.source, connection.target);
    },
    [store],
  );
  // A refused connection is dropped by React Flow without a word; say why it was refused.
  const onConnectEnd = useCallback(
    (_event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid !== false || !state.fromNode || !state.toNode) return;
      const verdict = judgeConnection(store.getState().definition, state.fromNode.id, state.toNode.id);
      if (!verdict.ok) void message.warning(t(`designer.refusals.${verdict.refusal}`));
    },
    [store, message, t],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(NODE_KIND_MIME);
      if (!isNodeKind(kind)) return;
      event.preventDefault();
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const size = NODE_SIZE[kind];
      store.getState().addNode(kind, t(`designer.kinds.${kind}`), {
        x: point.x - size.width / 2,
        y: point.y - size.height / 2,
      });
    },
    [flow, store, t],
  );

  return (
    <div
      className="sgf-designer-canvas"
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes(NODE_KIND_MIME)) {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'move';
        }
      }}
      onDrop={onDrop}
    >
      <ReactFlow<FlowNode, FlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        ariaLabelConfig={ariaLabels}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStart={() => store.getState().beginMove()}
        onNodeDragStop={() => store.getState().endMove()}
        onSelectionDragStart={() => store.getState().beginMove()}
        onSelectionDragStop={() => store.getState().endMove()}
        isValidConnection={isValidConnection}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        onDelete={({ nodes: deletedNodes, edges: deletedEdges }) =>
          store.getState().deleteElements(
            deletedNodes.map((node) => node.id),
            deletedEdges.map((edge) => edge.id),
          )
        }
        deleteKeyCode={['Delete', 'Backspace']}
        snapToGrid
        snapGrid={SNAP_GRID}
        fitView
        fitViewOptions={FIT_VIEW}
        minZoom={0.1}
        aria-label={t('designer.canvas.label')}
      >
        <Background gap={SNAP_GRID[0]} />
        <MiniMap pannable zoomable ariaLabel={t('designer.canvas.minimap')} style={MINIMAP_SIZE} />
        <Controls aria-label={t('designer.canvas.controls')} />
        <EventHandlersBadge />
      </ReactFlow>
    </div>
  );
}
