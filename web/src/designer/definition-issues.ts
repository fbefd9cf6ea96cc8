// The designer's reading of the engine validator: every problem with the node, edge or process item
// (variable, stage, event handler) it concerns. The validator names the node, edge or handler;
// a schema problem's path also names the variable or stage it lies in.
import type { ProcessDefinition } from '../../../workflows/engine/definition-schema.js';
import type { ValidationProblem } from '../../../workflows/engine/localized-message.js';
import { validateDefinition } from '../../../workflows/engine/validate-definition.js';
import { handlerItem, itemAtPath, type ProcessItem } from './process/process-items.js';

/** `item`: the process panel's section and item the problem is about (a handler's, a variable's …). */
export type DesignerIssue = ValidationProblem & { key: string; item?: ProcessItem };

export function findIssues(definition: ProcessDefinition): DesignerIssue[] {
  return validateDefinition(definition).problems.map((problem, index) => {
    const key = `${index}:${problem.code}`;
    const item =
      (problem.path && itemAtPath(problem.path)) ??
      (problem.handlerId === undefined ? undefined : handlerItem(definition, problem.handlerId));
    return item ? { ...problem, key, item } : { ...problem, key };
  });
}

/** How many problems each node and edge has, for the badges. */
export function problemCounts(issues: readonly DesignerIssue[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const issue of issues)
    for (const id of [issue.nodeId, issue.edgeId])
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}
