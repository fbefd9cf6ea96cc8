// Where an instance stands in its definition's stages: the stage bar of the project page.
import type { InstanceState, ProcessDefinition } from '../../workflows/engine';
import { nodeOf } from './definition-cache';
import type { TStageView } from './work.types';

/** The nodes the instance waits at now, in token order, without repeats. */
export function currentNodeIds(state: InstanceState): string[] {
  if (state.status !== 'running') return [];
  return [...new Set(Object.values(state.tokens).map((token) => token.nodeId))];
}

/** The nodes the instance waits at now with their names in the definition it runs on. */
export function namedCurrentNodes(definition: ProcessDefinition, state: InstanceState) {
  return currentNodeIds(state).map((nodeId) => ({
    nodeId,
    name: nodeOf(definition, nodeId)?.name ?? nodeId,
  }));
}

/**
 * current: a node the instance waits at belongs to it; done: a node of it was entered and none waits
 * there now; pending: not reached yet. A stage entered again (a plan returned for correction) is
 * current again, so the bar shows where the work is, not only how far it once got; a stage the
 * work had reached that lies after every current one was sent back (退回, 拿回) and is `returned`,
 * not done: its work is to be done again.
 */
export function stageViews(definition: ProcessDefinition, state: InstanceState): TStageView[] {
  const stageOf = (nodeId: string) => nodeOf(definition, nodeId)?.stage;
  const current = new Set(currentNodeIds(state).map(stageOf));
  const reached = new Set(
    Object.entries(state.visits)
      .filter(([, count]) => count > 0)
      .map(([nodeId]) => stageOf(nodeId)),
  );
  const lastCurrent = Math.max(
    -1,
    ...definition.stages.flatMap((stage, index) => (current.has(stage.id) ? [index] : [])),
  );
  return definition.stages.map((stage, index) => ({
    id: stage.id,
    name: stage.name,
    status: current.has(stage.id)
      ? 'current'
      : !reached.has(stage.id)
        ? 'pending'
        : lastCurrent >= 0 && index > lastCurrent
          ? 'returned'
          : 'done',
  }));
}
