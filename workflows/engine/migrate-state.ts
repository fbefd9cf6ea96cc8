// Moves a running instance to another version of its definition. Every token, open task, timer,
// pending action and child must land on a node of the same kind in the new version, else the
// migration is refused with one reason per thing that cannot be mapped. Incidents move with their
// tokens and stay open: the operator retries them on the new version.
import type { ProcessDefinition } from './definition-schema';
import { graphOf } from './graph';
import type { InstanceState } from './instance-state';
import type { LocalizedMessage } from './localized-message';

export type MigrationReason = {
  code:
    | 'NOT_RUNNING'
    | 'NODE_UNMAPPED'
    | 'KIND_CHANGED'
    | 'JOIN_EDGE_UNMAPPED'
    | 'SEATS_CHANGED'
    | 'SUBJECTS_CHANGED'
    /** Reported by hosts and plans, not by migrateState: the instance runs on the target already. */
    | 'ALREADY_ON_TARGET'
    /** Reported by plans: the instance runs on neither the source nor the target version. */
    | 'NOT_ON_SOURCE';
  id: string;
  message: LocalizedMessage;
};

export type MigrationResult = { ok: true; state: InstanceState } | { ok: false; reasons: MigrationReason[] };

/** `nodeMapping` renames old node ids; nodes not named keep their id if the new version has it. */
export function migrateState(
  state: InstanceState,
  fromDef: ProcessDefinition,
  toDef: ProcessDefinition,
  nodeMapping: Record<string, string> = {},
): MigrationResult {
  const from = graphOf(fromDef);
  const to = graphOf(toDef);
  const reasons: MigrationReason[] = [];
  if (state.status !== 'running' && state.status !== 'created')
    return {
      ok: false,
      reasons: [
        {
          code: 'NOT_RUNNING',
          id: 'instance',
          message: { zh: '只能迁移运行中的实例', en: 'only running instances can migrate' },
        },
      ],
    };

  const mapNode = (what: string, nodeId: string): string | undefined => {
    const target = nodeMapping[nodeId] ?? nodeId;
    const oldNode = from.nodes.get(nodeId);
    const newNode = to.nodes.get(target);
    if (!newNode) {
      reasons.push({
        code: 'NODE_UNMAPPED',
        id: what,
        message: {
          zh: `${what} 所在节点 ${nodeId} 在新版本中没有对应节点`,
          en: `${what} waits at ${nodeId}, which has no counterpart in the new version`,
        },
      });
      return undefined;
    }
    if (oldNode && oldNode.kind !== newNode.kind) {
      reasons.push({
        code: 'KIND_CHANGED',
        id: what,
        message: {
          zh: `${what}：节点 ${nodeId} 由 ${oldNode.kind} 变为 ${newNode.kind}`,
          en: `${what}: node ${nodeId} changes kind from ${oldNode.kind} to ${newNode.kind}`,
        },
      });
      return undefined;
    }
    return target;
  };

  const next = structuredClone(state);
  for (const token of Object.values(next.tokens)) {
    const target = mapNode(token.id, token.nodeId);
    if (target === undefined) continue;
    const wait = token.wait;
    if (wait?.kind === 'join') {
      const edge = to.edges.get(wait.arrivedVia);
      if (!edge || edge.to !== target)
        reasons.push({
          code: 'JOIN_EDGE_UNMAPPED',
          id: token.id,
          message: {
            zh: `${token.id} 在汇聚节点等待的连线 ${wait.arrivedVia} 在新版本中不存在`,
            en: `${token.id} waits at a join via edge ${wait.arrivedVia}, which the new version lacks`,
          },
        });
    }
    const newNode = to.nodes.get(target);
    if (
      (wait?.kind === 'approval' || wait?.kind === 'review') &&
      newNode &&
      (newNode.kind === 'approval' || newNode.kind === 'review')
    ) {
      const seats = (newNode.kind === 'approval' ? newNode.approvers : newNode.reviewers).reduce(
        (sum, rule) => sum + rule.seats,
        0,
      );
      if (seats !== wait.taskIds.length)
        reasons.push({
          code: 'SEATS_CHANGED',
          id: token.id,
          message: {
            zh: `${token.id}：进行中的会签席位数由 ${wait.taskIds.length} 变为 ${seats}`,
            en: `${token.id}: an open decision would change from ${wait.taskIds.length} to ${seats} seats`,
          },
        });
    }
    if (
      wait?.kind === 'review' &&
      newNode?.kind === 'review' &&
      (wait.subjects === null) !== (newNode.subjectsVariable === undefined)
    )
      reasons.push({
        code: 'SUBJECTS_CHANGED',
        id: token.id,
        message: {
          zh: `${token.id}：评审对象方式改变`,
          en: `${token.id}: the review changes between single and multi-subject`,
        },
      });
    if (token.cycles)
      token.cycles = Object.fromEntries(
        Object.entries(token.cycles).map(([nodeId, progress]) => [nodeMapping[nodeId] ?? nodeId, progress]),
      );
    token.nodeId = target;
  }
  // An open incident stays with its token (retrying evaluates the new version's conditions there);
  // a token that cannot be mapped was reported above. Resolved incidents are history: renamed only.
  for (const incident of Object.values(next.incidents ?? {})) {
    const token = next.tokens[incident.tokenId];
    if (incident.status !== 'resolved' && token) incident.nodeId = token.nodeId;
    else incident.nodeId = nodeMapping[incident.nodeId] ?? incident.nodeId;
  }
  for (const task of Object.values(next.tasks)) {
    const target = mapNode(task.id, task.nodeId);
    if (target !== undefined) task.nodeId = target;
  }
  for (const timer of Object.values(next.timers)) {
    const target = mapNode(timer.id, timer.nodeId);
    if (target !== undefined) timer.nodeId = target;
  }
  for (const action of Object.values(next.pendingActions)) {
    const target = mapNode(action.id, action.nodeId);
    if (target !== undefined) action.nodeId = target;
  }
  for (const child of Object.values(next.children)) {
    if (child.status !== 'running') continue;
    const target = mapNode(child.id, child.nodeId);
    if (target !== undefined) child.nodeId = target;
  }
  if (reasons.length > 0) return { ok: false, reasons };
  // Variables the new version declares get their defaults; existing values are kept as they are.
  for (const declaration of toDef.variables)
    if (!(declaration.name in next.variables))
      next.variables[declaration.name] = structuredClone(declaration.default ?? null);
  next.visits = Object.fromEntries(
    Object.entries(next.visits).map(([nodeId, count]) => [nodeMapping[nodeId] ?? nodeId, count]),
  );
  next.revision += 1;
  return { ok: true, state: next };
}
