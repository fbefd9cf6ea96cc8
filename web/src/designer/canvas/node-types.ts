// The canvas's node types, declared once at module level so React Flow never sees a new object.
import type { NodeTypes } from '@xyflow/react';
import {
  ActionNode,
  ApprovalNode,
  EndNode,
  GatewayNode,
  ParallelNode,
  ReviewNode,
  StartNode,
  SubprocessNode,
  TimerNode,
  UserTaskNode,
} from './process-nodes';

export const nodeTypes = {
  start: StartNode,
  end: EndNode,
  userTask: UserTaskNode,
  approval: ApprovalNode,
  review: ReviewNode,
  gateway: GatewayNode,
  parallel: ParallelNode,
  timer: TimerNode,
  action: ActionNode,
  subprocess: SubprocessNode,
} satisfies NodeTypes;
