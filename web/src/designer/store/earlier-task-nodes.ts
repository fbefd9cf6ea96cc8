// The 退回 targets a task's panel offers: the task nodes the work may have passed through before it
// reached the node, i.e. those from which the node is reachable along the edges. The validator accepts
// any other task node, but a node the work cannot have visited yet is no place to send it back to.
import type { ProcessDefinition, ProcessNode } from '../../../../workflows/engine/definition-schema.js';

const TASK_KINDS: ReadonlySet<ProcessNode['kind']> = new Set(['userTask', 'approval', 'review']);

/** The userTask / approval / review nodes with a path to `nodeId`, in the definition's order, without it. */
export function earlierTaskNodes(
  definition: Pick<ProcessDefinition, 'nodes' | 'edges'>,
  nodeId: string,
): ProcessNode[] {
  const sources = new Map<string, string[]>();
  for (const edge of definition.edges) sources.set(edge.to, [...(sources.get(edge.to) ?? []), edge.from]);
  const before = new Set<string>();
  const pending = [nodeId];
  for (let id = pending.pop(); id !== undefined; id = pending.pop())
    for (const from of sources.get(id) ?? [])
      if (!before.has(from)) {
        before.add(from);
        pending.push(from);
      }
  return definition.nodes.filter(
    (node) => node.id !== nodeId && before.has(node.id) && TASK_KINDS.has(node.kind),
  );
}
