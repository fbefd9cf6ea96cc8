// The side panel for what is selected: one node's panel by kind (with its name and id), one edge's
// panel, or, with nothing selected, the process's own panel (process/ProcessPanel).
import { Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProcessNode } from '../../../../workflows/engine/definition-schema.js';
import { ProcessPanel } from '../process/ProcessPanel';
import { useDesigner } from '../store/DesignerStoreContext';
import { ActionPanel } from './ActionPanel';
import { EdgePanel, EndPanel, GatewayPanel, TimerPanel } from './FlowPanels';
import { CommitField, TextField } from './panel-fields';
import { ReviewPanel } from './ReviewPanel';
import { StageField } from './StageField';
import { SubprocessPanel } from './SubprocessPanel';
import { ApprovalPanel, UserTaskPanel } from './TaskPanels';
import { useNodeEdit } from './use-node-edit.js';

const ELEMENT_ID = /^[A-Za-z0-9_.-]+$/;

export function PropertyPanel() {
  const { t } = useTranslation();
  const selectedNodeIds = useDesigner((state) => state.selectedNodeIds);
  const selectedEdgeIds = useDesigner((state) => state.selectedEdgeIds);
  const node = useDesigner((state) =>
    selectedNodeIds.length === 1 && selectedEdgeIds.length === 0
      ? state.definition.nodes.find((candidate) => candidate.id === selectedNodeIds[0])
      : undefined,
  );
  const edge = useDesigner((state) =>
    selectedEdgeIds.length === 1 && selectedNodeIds.length === 0
      ? state.definition.edges.find((candidate) => candidate.id === selectedEdgeIds[0])
      : undefined,
  );
  const many = selectedNodeIds.length + selectedEdgeIds.length > 1;
  return (
    <aside className="sgf-designer-properties" aria-label={t('designer.properties.title')}>
      <Typography.Title level={5}>
        {node
          ? t(`designer.kinds.${node.kind}`)
          : edge
            ? t('designer.edge.title')
            : many
              ? t('designer.properties.many', { count: selectedNodeIds.length + selectedEdgeIds.length })
              : t('designer.properties.process')}
      </Typography.Title>
      <Form layout="vertical" component="div">
        {node ? (
          <NodeProperties key={node.id} node={node} />
        ) : edge ? (
          <EdgePanel key={edge.id} edge={edge} />
        ) : many ? null : (
          <ProcessPanel />
        )}
      </Form>
    </aside>
  );
}

function NodeProperties({ node }: { node: ProcessNode }) {
  const { t } = useTranslation();
  const edit = useNodeEdit(node);
  const nodes = useDesigner((state) => state.definition.nodes);
  const updateNode = useDesigner((state) => state.updateNode);
  return (
    <>
      <TextField
        id="sgf-prop-name"
        label={t('designer.properties.name')}
        value={node.name}
        onChange={(name, typing) => edit({ name }, typing)}
      />
      <CommitField
        id="sgf-prop-id"
        label={t('designer.properties.id')}
        value={node.id}
        check={(id) =>
          !ELEMENT_ID.test(id)
            ? t('designer.properties.idFormat')
            : nodes.some((candidate) => candidate.id === id)
              ? t('designer.properties.idTaken')
              : undefined
        }
        onCommit={(id) => updateNode(node.id, { ...node, id })}
      />
      <StageField node={node} />
      <KindProperties node={node} />
    </>
  );
}

function KindProperties({ node }: { node: ProcessNode }) {
  switch (node.kind) {
    case 'start':
    case 'parallel':
      return null;
    case 'end':
      return <EndPanel node={node} />;
    case 'userTask':
      return <UserTaskPanel node={node} />;
    case 'approval':
      return <ApprovalPanel node={node} />;
    case 'review':
      return <ReviewPanel node={node} />;
    case 'gateway':
      return <GatewayPanel node={node} />;
    case 'timer':
      return <TimerPanel node={node} />;
    case 'action':
      return <ActionPanel node={node} />;
    case 'subprocess':
      return <SubprocessPanel node={node} />;
  }
}
