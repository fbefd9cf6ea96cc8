// What the API computes from a stored graph: the validator's issues, a content hash (drafts that
// do not parse yet get one too) and the form the diff compares. Drafts are stored as sent.
import { createHash } from 'node:crypto';
import {
  canonicalJson,
  contentHash,
  type DiffableDefinition,
  type ProcessDefinition,
  validateDefinition,
  type ValidationProblem,
  ZProcessDefinition,
} from '../../workflows/engine';
import type { TDefinitionGraph } from './definitions.types';

export function issuesOf(graph: unknown): ValidationProblem[] {
  return validateDefinition(graph).problems;
}

/** The parsed definition (defaults filled in), or undefined while it breaks the format. */
export function parsedGraph(graph: unknown): ProcessDefinition | undefined {
  const parsed = ZProcessDefinition.safeParse(graph);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The engine's content hash of a graph that parses; one that does not is hashed as it stands (never
 * equal to a published version's, which always parse).
 */
export function graphHash(graph: unknown): string {
  const parsed = parsedGraph(graph);
  if (parsed) return contentHash(parsed);
  return `unparsed:sha256:${createHash('sha256').update(canonicalJson(graph)).digest('hex').slice(0, 32)}`;
}

/** What the diff compares: the parsed definition where it parses, so defaults are no change. */
export function comparableGraph(graph: unknown): DiffableDefinition {
  return parsedGraph(graph) ?? (graph as DiffableDefinition);
}

/** A new definition's first draft: a start joined to an end, where every process begins. */
export function emptyGraph(key: string, name: string): TDefinitionGraph {
  return {
    key,
    name,
    nodes: [
      { id: 'start', kind: 'start', name: '开始', position: { x: 0, y: 0 } },
      { id: 'end', kind: 'end', name: '结束', position: { x: 240, y: 0 } },
    ],
    edges: [{ id: 'start-end', from: 'start', to: 'end' }],
  };
}

/** The graph stored for a definition: it always carries the definition's own key. */
export function withKey(graph: TDefinitionGraph, key: string): TDefinitionGraph {
  return { ...graph, key };
}
