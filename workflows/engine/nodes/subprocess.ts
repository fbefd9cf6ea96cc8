// subprocess: one child instance per item of a list (or one child), optionally waiting for all of them.
import { renderChildTitle } from '../child-title';
import type { NodeOf } from '../definition-schema';
import type { ParsedEngineEvent } from '../engine-events';
import type { Token } from '../instance-state';
import { nextId } from '../instance-state';
import { rejectWith } from '../localized-message';
import { evaluateOrReject, leave, type Run, tokenOf } from '../run-context';

export function enterSubprocess(run: Run, node: NodeOf<'subprocess'>, token: Token): void {
  const items: unknown[] = node.itemsVariable
    ? (run.state.variables[node.itemsVariable] as unknown[])
    : [null];
  if (!Array.isArray(items))
    rejectWith(
      'VARIABLE_NOT_LIST',
      `变量 ${node.itemsVariable ?? ''} 不是列表`,
      `variable ${node.itemsVariable ?? ''} is not a list`,
    );
  const childIds: string[] = [];
  for (const item of items) {
    const input = Object.fromEntries(
      Object.entries(node.input).map(([name, expression]) => [
        name,
        evaluateOrReject(run, expression, { item }),
      ]),
    );
    const id = nextId(run.state, 'child');
    run.state.children[id] = {
      id,
      nodeId: node.id,
      tokenId: node.wait ? token.id : null,
      definitionKey: node.definitionKey,
      item,
      status: 'running',
    };
    run.effects.push({
      type: 'startChild',
      childId: id,
      nodeId: node.id,
      definitionKey: node.definitionKey,
      input,
      ...(node.childTitle === undefined ? {} : { title: renderChildTitle(node.childTitle, input) }),
    });
    childIds.push(id);
  }
  if (node.wait && childIds.length > 0) token.wait = { kind: 'children', childIds };
  else finishSubprocess(run, node, token, childIds);
}

export function completeChild(run: Run, event: Extract<ParsedEngineEvent, { type: 'childCompleted' }>): void {
  const child = run.state.children[event.childId];
  if (!child || child.status !== 'running')
    rejectWith(
      'CHILD_NOT_FOUND',
      `子流程 ${event.childId} 不在运行中`,
      `child ${event.childId} is not running`,
    );
  child.status = 'completed';
  if (event.outcome !== undefined) child.outcome = event.outcome;
  if (event.variables !== undefined) child.variables = event.variables;
  if (child.tokenId === null) return;
  const token = tokenOf(run, child.tokenId);
  if (token.wait?.kind !== 'children') return;
  const childIds = token.wait.childIds;
  if (childIds.every((id) => run.state.children[id]?.status === 'completed'))
    finishSubprocess(run, run.graph.nodes.get(child.nodeId) as NodeOf<'subprocess'>, token, childIds);
}

function finishSubprocess(run: Run, node: NodeOf<'subprocess'>, token: Token, childIds: string[]): void {
  if (node.wait && node.resultVariable)
    run.state.variables[node.resultVariable] = childIds.map((id) => {
      const child = run.state.children[id];
      return {
        childId: id,
        item: child?.item ?? null,
        outcome: child?.outcome ?? null,
        variables: child?.variables ?? {},
      };
    });
  leave(run, token);
}
