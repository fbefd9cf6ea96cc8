// Pure edits of the process's own lists (variables, stages, event handlers) and the names they need:
// stage ids made from names, list reordering, and removing a stage together with the nodes' claims to it.
import type {
  EventHandler,
  ProcessDefinition,
  VariableDeclaration,
} from '../../../../workflows/engine/definition-schema.js';
import { identifierProblem } from '../../../../workflows/engine/identifier.js';
import { freshId } from './node-kinds.js';

/** Stage ids are element ids; a slug longer than this only makes node JSON harder to read. */
const STAGE_ID_LENGTH = 32;

/**
 * A stage id for a new stage named `name`: the name's letters and digits where it has them
 * (`Plan 2` → `plan-2`), else `stage`, numbered past the ids already taken. Made once, when the
 * stage is added: renaming a stage later keeps its id, so the nodes that name it stay attached.
 */
export function stageIdFor(name: string, taken: ReadonlySet<string>): string {
  const slug = name
    .normalize('NFKD')
    // Accents go with their letters (é → e) rather than splitting a word in two.
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, STAGE_ID_LENGTH)
    .replace(/[-.]+$/, '');
  const base = slug || 'stage';
  return taken.has(base) ? freshId(base, taken) : base;
}

/** How many nodes belong to each stage. */
export function stageNodeCounts(definition: ProcessDefinition): Map<string, number> {
  const counts = new Map<string, number>();
  for (const node of definition.nodes)
    if (node.stage !== undefined) counts.set(node.stage, (counts.get(node.stage) ?? 0) + 1);
  return counts;
}

/** Removes a stage and the `stage` of every node that named it, so no node is left in a stage that is gone. */
export function removeStage(definition: ProcessDefinition, stageId: string): ProcessDefinition {
  return {
    ...definition,
    stages: definition.stages.filter((stage) => stage.id !== stageId),
    nodes: definition.nodes.map((node) => {
      if (node.stage !== stageId) return node;
      const { stage: _removed, ...rest } = node;
      return rest;
    }),
  };
}

/** The list with the item at `from` moved to `to` (both within the list). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  const [moved] = next.splice(from, 1);
  if (moved !== undefined) next.splice(to, 0, moved);
  return next;
}

/** Why a variable name cannot be used: not an identifier, a FEEL keyword, or another declaration has it. */
export function variableNameProblem(
  name: string,
  others: readonly VariableDeclaration[],
): 'format' | 'keyword' | 'taken' | undefined {
  return identifierProblem(name) ?? (others.some((variable) => variable.name === name) ? 'taken' : undefined);
}

/** A new handler with fresh id and event name (both unique, so it passes the schema), no target yet. */
export function newHandler(handlers: readonly EventHandler[]): EventHandler {
  return {
    id: freshId('handler', new Set(handlers.map((handler) => handler.id))),
    event: freshId('event', new Set(handlers.map((handler) => handler.event))),
    interrupting: false,
  };
}

/** The list with the item at `index` patched; a key patched to undefined leaves the item (stays absent in JSON). */
export function patchItem<T extends object>(items: readonly T[], index: number, patch: Partial<T>): T[] {
  return items.map((item, at) => {
    if (at !== index) return item;
    const merged = { ...item, ...patch } as Record<string, unknown>;
    for (const [key, value] of Object.entries(patch)) if (value === undefined) delete merged[key];
    return merged as T;
  });
}
