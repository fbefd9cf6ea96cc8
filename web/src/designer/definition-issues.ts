// The designer's reading of the engine validator: every problem with the node, edge or process item
// (variable, stage, event handler) it concerns. Schema problems carry only a path in the validator's
// answer; the designer ties them to what lies at that path, so they too can be clicked and badged.
import { ZProcessDefinition, type ProcessDefinition } from '../../../workflows/engine/definition-schema.js';
import type { ValidationProblem } from '../../../workflows/engine/localized-message.js';
import { validateDefinition } from '../../../workflows/engine/validate-definition.js';
import { handlerItem, itemAtPath, type ProcessItem } from './process/process-items.js';

/** `item`: the process panel's section and item the problem is about (a handler's, a variable's …). */
export type DesignerIssue = ValidationProblem & { key: string; item?: ProcessItem };

export function findIssues(definition: ProcessDefinition): DesignerIssue[] {
  const { problems } = validateDefinition(definition);
  const schemaPaths = problems.some((problem) => problem.code === 'SCHEMA_INVALID')
    ? (ZProcessDefinition.safeParse(definition).error?.issues ?? []).map((issue) => issue.path)
    : [];
  let schemaIndex = 0;
  return problems.map((problem, index) => {
    const key = `${index}:${problem.code}`;
    if (problem.code !== 'SCHEMA_INVALID') {
      const item = problem.handlerId === undefined ? undefined : handlerItem(definition, problem.handlerId);
      return item ? { ...problem, key, item } : { ...problem, key };
    }
    // The validator lists schema problems in zod's order, so the n-th one has the n-th path.
    const path = schemaPaths[schemaIndex++] ?? [];
    const [collection, position] = path;
    if (collection === 'nodes' && typeof position === 'number') {
      const nodeId = definition.nodes[position]?.id;
      if (nodeId !== undefined) return { ...problem, key, nodeId };
    }
    if (collection === 'edges' && typeof position === 'number') {
      const edgeId = definition.edges[position]?.id;
      if (edgeId !== undefined) return { ...problem, key, edgeId };
    }
    const item = itemAtPath(path);
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
