// Planning the move of running instances from one version of a definition to another: a node
// mapping suggested from ids and kinds, checks of an admin's edited mapping, and per instance
// whether it can move (a dry migrateState) with its reasons. Pure: the hosts and routes do the I/O.
import type { FormField, NodeKind, ProcessDefinition } from './definition-schema';
import { graphOf } from './graph';
import type { InstanceState } from './instance-state';
import { migrateState, type MigrationReason } from './migrate-state';

/** One old node's counterpart: kept (same id and kind) or a suggestion (the one added node of its kind). */
export type SuggestedTarget = { to: string; kind: NodeKind; suggested: boolean };

/**
 * Same id and kind → itself. A node the new version removed whose kind matches exactly one node the
 * new version added → that one, marked as a suggestion for the admin to confirm. Anything else is
 * left out: an instance waiting there cannot move until the admin maps it.
 */
export function suggestNodeMapping(
  fromDef: ProcessDefinition,
  toDef: ProcessDefinition,
): Record<string, SuggestedTarget> {
  const from = graphOf(fromDef).nodes;
  const to = graphOf(toDef).nodes;
  const mapping: Record<string, SuggestedTarget> = {};
  const removed = [...from.values()].filter((node) => !to.has(node.id));
  const added = [...to.values()].filter((node) => !from.has(node.id));
  for (const node of from.values()) {
    if (to.get(node.id)?.kind === node.kind)
      mapping[node.id] = { to: node.id, kind: node.kind, suggested: false };
  }
  for (const node of removed) {
    const sameKind = added.filter((candidate) => candidate.kind === node.kind);
    // Two removed nodes of one kind would both point at the one added node: no guess then.
    const rivals = removed.filter((other) => other.kind === node.kind);
    if (sameKind.length === 1 && rivals.length === 1)
      mapping[node.id] = { to: sameKind[0]!.id, kind: node.kind, suggested: true };
  }
  return mapping;
}

/** The plain old → new mapping of a suggestion. */
export function mappingOf(suggestion: Record<string, SuggestedTarget>): Record<string, string> {
  return Object.fromEntries(Object.entries(suggestion).map(([from, target]) => [from, target.to]));
}

/** One problem of an edited mapping, at `mapping.<old node id>`. */
export type MappingProblem = { field: string; reason: string; reasonZh: string };

/** An edited mapping may only name old nodes of the source and new nodes of the target. */
export function mappingProblems(
  fromDef: ProcessDefinition,
  toDef: ProcessDefinition,
  mapping: Record<string, string>,
): MappingProblem[] {
  const from = graphOf(fromDef).nodes;
  const to = graphOf(toDef).nodes;
  const problems: MappingProblem[] = [];
  for (const [oldId, newId] of Object.entries(mapping)) {
    const field = `mapping.${oldId}`;
    if (!from.has(oldId))
      problems.push({
        field,
        reason: `the source version has no node ${oldId}`,
        reasonZh: `源版本中没有节点 ${oldId}`,
      });
    else if (!to.has(newId))
      problems.push({
        field,
        reason: `the target version has no node ${newId}`,
        reasonZh: `目标版本中没有节点 ${newId}`,
      });
  }
  return problems;
}

export type InstanceMigrationCheck = { canMigrate: boolean; reasons: MigrationReason[] };

/** Whether the instance could move now: a dry migrateState, nothing kept. */
export function checkInstanceMigration(
  state: InstanceState,
  fromDef: ProcessDefinition,
  toDef: ProcessDefinition,
  mapping: Record<string, string>,
): InstanceMigrationCheck {
  const result = migrateState(state, fromDef, toDef, mapping);
  return result.ok ? { canMigrate: true, reasons: [] } : { canMigrate: false, reasons: result.reasons };
}

export const alreadyOnTarget: MigrationReason = {
  code: 'ALREADY_ON_TARGET',
  id: 'instance',
  message: { zh: '项目已在目标版本上运行，无需迁移', en: 'the instance already runs on the target version' },
};

export const notOnSource: MigrationReason = {
  code: 'NOT_ON_SOURCE',
  id: 'instance',
  message: {
    zh: '项目不在所选的源版本上运行，未迁移',
    en: 'the instance does not run on the chosen source version; not migrated',
  },
};

/**
 * The open tasks of a migrated state as their rows show them: the new node, its name and, for a
 * form task, its form (the row's form is what the task page renders).
 */
export function repointedTasks(
  state: InstanceState,
  toDef: ProcessDefinition,
): Array<{ engineTaskId: string; nodeId: string; name: string; form?: FormField[] }> {
  const nodes = graphOf(toDef).nodes;
  return Object.values(state.tasks).map((task) => {
    const node = nodes.get(task.nodeId);
    return {
      engineTaskId: task.id,
      nodeId: task.nodeId,
      name: node?.name ?? task.nodeId,
      ...(node?.kind === 'userTask' ? { form: node.form } : {}),
    };
  });
}
