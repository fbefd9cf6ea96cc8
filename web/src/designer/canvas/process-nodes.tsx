// One node component per kind, each typed by its own flow node (FlowNodeOf<'approval'> …), drawn in a
// shared shell: the kind's icon and name, a one-line summary, handles (nothing enters a start, nothing
// leaves an end) and a badge with the number of problems the validator found on the node.
import {
  ApartmentOutlined,
  AuditOutlined,
  BranchesOutlined,
  ClockCircleOutlined,
  ForkOutlined,
  PlayCircleOutlined,
  StarOutlined,
  StopOutlined,
  ThunderboltOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeKind, ProcessNode } from '../../../../workflows/engine/definition-schema.js';
import type { FlowNodeOf } from '../flow-adapter.js';
import { useDesignerStoreApi } from '../store/DesignerStoreContext';
import {
  describeAction,
  describeAssignee,
  describeOutcome,
  describePolicy,
  describeTimer,
} from './node-texts.js';

export const KIND_ICONS: Record<NodeKind, ReactNode> = {
  start: <PlayCircleOutlined aria-hidden />,
  end: <StopOutlined aria-hidden />,
  userTask: <UserOutlined aria-hidden />,
  approval: <AuditOutlined aria-hidden />,
  review: <StarOutlined aria-hidden />,
  gateway: <BranchesOutlined aria-hidden />,
  parallel: <ForkOutlined aria-hidden />,
  timer: <ClockCircleOutlined aria-hidden />,
  action: <ThunderboltOutlined aria-hidden />,
  subprocess: <ApartmentOutlined aria-hidden />,
};

function NodeShell({
  props,
  summary,
}: {
  props: { data: { node: ProcessNode; problemCount: number; status?: string } };
  summary?: string | undefined;
}) {
  const { t } = useTranslation();
  const { node, problemCount, status = '' } = props.data;
  const kind = node.kind;
  return (
    <div
      className={`sgf-designer-node sgf-designer-node-${kind}${problemCount > 0 ? ' has-problems' : ''}`}
      aria-label={`${t(`designer.kinds.${kind}`)}：${node.name}${status}`}
      data-node-id={node.id}
    >
      {kind !== 'start' && <Handle type="target" position={Position.Left} />}
      <div className="sgf-designer-node-title">
        <span className="sgf-designer-node-icon" aria-hidden>
          {KIND_ICONS[kind]}
        </span>
        <span className="sgf-designer-node-name">{node.name || t(`designer.kinds.${kind}`)}</span>
      </div>
      {summary && <div className="sgf-designer-node-summary">{summary}</div>}
      {problemCount > 0 && <ProblemBadge nodeId={node.id} count={problemCount} />}
      {kind !== 'end' && <Handle type="source" position={Position.Right} />}
    </div>
  );
}

/**
 * The node's problem count; a click opens the problems strip at them. Only the editor's canvas counts
 * problems, so only there (inside the store's provider) is a badge drawn. Not a button: the node is
 * the focusable control, and keyboard users reach the same list through the strip's bar.
 */
function ProblemBadge({ nodeId, count }: { nodeId: string; count: number }) {
  const { t } = useTranslation();
  const store = useDesignerStoreApi();
  return (
    <span
      className="sgf-designer-node-badge"
      title={t('designer.issues.onNode', { count })}
      onClick={() => store.getState().showProblems(nodeId)}
    >
      {count}
    </span>
  );
}

export function StartNode(props: NodeProps<FlowNodeOf<'start'>>) {
  return <NodeShell props={props} />;
}

export function EndNode(props: NodeProps<FlowNodeOf<'end'>>) {
  const { t } = useTranslation();
  const { outcome, terminate } = props.data.node;
  // The outcome as people read it (已完成), not its code (completed), which the panel edits.
  const summary = terminate ? t('designer.end.terminates') : outcome && describeOutcome(outcome, t);
  return <NodeShell props={props} summary={summary} />;
}

export function UserTaskNode(props: NodeProps<FlowNodeOf<'userTask'>>) {
  const { t } = useTranslation();
  return <NodeShell props={props} summary={describeAssignee(props.data.node.assignee, t)} />;
}

export function ApprovalNode(props: NodeProps<FlowNodeOf<'approval'>>) {
  const { t } = useTranslation();
  const { approvers, policy } = props.data.node;
  const seats = approvers.reduce((sum, seat) => sum + seat.seats, 0);
  return <NodeShell props={props} summary={describePolicy(policy, seats, t)} />;
}

export function ReviewNode(props: NodeProps<FlowNodeOf<'review'>>) {
  const { t } = useTranslation();
  return (
    <NodeShell
      props={props}
      summary={t('designer.review.criteriaCount', { count: props.data.node.rubric.length })}
    />
  );
}

export function GatewayNode(props: NodeProps<FlowNodeOf<'gateway'>>) {
  return <NodeShell props={props} />;
}

export function ParallelNode(props: NodeProps<FlowNodeOf<'parallel'>>) {
  return <NodeShell props={props} />;
}

export function TimerNode(props: NodeProps<FlowNodeOf<'timer'>>) {
  const { t } = useTranslation();
  return <NodeShell props={props} summary={describeTimer(props.data.node.timer, t)} />;
}

export function ActionNode(props: NodeProps<FlowNodeOf<'action'>>) {
  const { i18n } = useTranslation();
  return <NodeShell props={props} summary={describeAction(props.data.node.action, i18n.language)} />;
}

export function SubprocessNode(props: NodeProps<FlowNodeOf<'subprocess'>>) {
  return <NodeShell props={props} summary={props.data.node.definitionKey} />;
}
