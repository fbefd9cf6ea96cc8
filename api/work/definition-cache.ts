// Parsed definition versions for the work API's reads. A published version never changes, so each
// is parsed once per process.
import { ZProcessDefinition, type ProcessDefinition, type ProcessNode } from '../../workflows/engine';
import type { DbClient } from '../db/prisma-client';

const cache = new Map<string, ProcessDefinition>();

export async function definitionOf(db: DbClient, versionId: string): Promise<ProcessDefinition> {
  const cached = cache.get(versionId);
  if (cached) return cached;
  const version = await db.processDefinitionVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: { graph: true, status: true },
  });
  const definition = ZProcessDefinition.parse(version.graph);
  if (version.status !== 'draft') cache.set(versionId, definition);
  return definition;
}

export function nodeOf(definition: ProcessDefinition, nodeId: string): ProcessNode | undefined {
  return definition.nodes.find((node) => node.id === nodeId);
}

/** The stage name of a node, or null when the definition declares no stage for it. */
export function stageNameOf(definition: ProcessDefinition, nodeId: string): string | null {
  const stageId = nodeOf(definition, nodeId)?.stage;
  return definition.stages.find((stage) => stage.id === stageId)?.name ?? null;
}
