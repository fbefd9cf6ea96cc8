// action: a registered action runs as an effect; its result comes back with `actionCompleted` and is
// mapped into the variables. A failure takes the `error` edge if there is one, else raises an incident.
import { feelParam, findAction } from '../action-catalog';
import type { NodeOf } from '../definition-schema';
import type { ParsedEngineEvent } from '../engine-events';
import { outgoingOf } from '../graph';
import { raiseActionIncident, settleActionIncident } from '../incidents';
import type { PendingAction, Token } from '../instance-state';
import { nextId } from '../instance-state';
import { rejectWith } from '../localized-message';
import { evaluateOrReject, evaluateOutputs, leave, type Run, tokenOf } from '../run-context';

export function enterAction(run: Run, node: NodeOf<'action'>, token: Token): void {
  const entry = findAction(node.action);
  if (!entry) throw new Error(`unknown action ${node.action}`);
  const raw: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(node.params)) {
    const expression = feelParam(value);
    raw[name] = expression === undefined ? value : evaluateOrReject(run, expression);
  }
  const parsed = entry.params.safeParse(raw);
  if (!parsed.success)
    rejectWith(
      'ACTION_PARAMS_INVALID',
      `动作 ${node.name} 的参数无效`,
      `parameters of action ${node.id} are invalid`,
      parsed.error.issues,
    );
  const params = parsed.data;
  const action: PendingAction = {
    id: nextId(run.state, 'action'),
    nodeId: node.id,
    tokenId: token.id,
    action: node.action,
    params,
    status: 'running',
  };
  run.state.pendingActions[action.id] = action;
  run.effects.push({ type: 'runAction', actionId: action.id, nodeId: node.id, action: node.action, params });
  token.wait = { kind: 'action', actionId: action.id };
}

function pendingAction(run: Run, actionId: string): PendingAction {
  const action = run.state.pendingActions[actionId];
  if (!action)
    rejectWith('ACTION_NOT_FOUND', `动作 ${actionId} 不在执行中`, `action ${actionId} is not pending`);
  return action;
}

export function completeAction(
  run: Run,
  event: Extract<ParsedEngineEvent, { type: 'actionCompleted' }>,
): void {
  const action = pendingAction(run, event.actionId);
  const node = run.graph.nodes.get(action.nodeId) as NodeOf<'action'>;
  const result = event.result ?? null;
  if (node.resultVariable) run.state.variables[node.resultVariable] = result;
  evaluateOutputs(run, node.outputs, { result });
  const merge = findAction(node.action)?.defaultResult === 'merge';
  if (
    merge &&
    !node.resultVariable &&
    !node.outputs &&
    typeof result === 'object' &&
    result !== null &&
    !Array.isArray(result)
  )
    Object.assign(run.state.variables, result);
  delete run.state.pendingActions[action.id];
  settleActionIncident(run, action.id);
  leave(run, tokenOf(run, action.tokenId));
}

export function failAction(run: Run, event: Extract<ParsedEngineEvent, { type: 'actionFailed' }>): void {
  const action = pendingAction(run, event.actionId);
  if (outgoingOf(run.graph, action.nodeId).some((edge) => edge.outcome === 'error')) {
    run.state.variables.lastActionError = {
      nodeId: action.nodeId,
      action: action.action,
      error: event.error,
    };
    delete run.state.pendingActions[action.id];
    leave(run, tokenOf(run, action.tokenId), 'error');
    return;
  }
  // No error path: the path keeps waiting, with an incident an operator retries or resolves.
  action.status = 'failed';
  action.error = event.error;
  raiseActionIncident(run, action, event.error, event.attempts);
}
