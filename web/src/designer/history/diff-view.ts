// Pure helpers of the version diff view: which nodes and edges a structural diff marks added,
// changed or removed, the graph the canvas shows (the newer one with the removed elements put back
// at their old positions), the pair of versions compared by default, and compact value texts.
import type { DefinitionChange } from '../../../../workflows/engine/definition-diff.js';
import type { ProcessDefinition } from '../../../../workflows/engine/definition-schema.js';

export type DiffMark = DefinitionChange['change'];
export type DiffMarks = { nodes: ReadonlyMap<string, DiffMark>; edges: ReadonlyMap<string, DiffMark> };
/** A version number or the draft, as the diff route names them. */
export type VersionRef = number | 'draft';

export function diffMarksOf(changes: readonly DefinitionChange[]): DiffMarks {
  const nodes = new Map<string, DiffMark>();
  const edges = new Map<string, DiffMark>();
  for (const change of changes) {
    if (change.target === 'node') nodes.set(change.id, change.change);
    else if (change.target === 'edge') edges.set(change.id, change.change);
  }
  return { nodes, edges };
}

/**
 * The newer graph with the older graph's removed nodes (at their old positions) and removed edges
 * added after its own, so the canvas can show them ghosted. A removed edge is kept only when both
 * its ends are on the merged canvas.
 */
export function mergeRemoved(
  newer: ProcessDefinition,
  older: ProcessDefinition,
  marks: DiffMarks,
): ProcessDefinition {
  const shownIds = new Set(newer.nodes.map((node) => node.id));
  const removedNodes = older.nodes.filter(
    (node) => marks.nodes.get(node.id) === 'removed' && !shownIds.has(node.id),
  );
  for (const node of removedNodes) shownIds.add(node.id);
  const edgeIds = new Set(newer.edges.map((edge) => edge.id));
  const removedEdges = older.edges.filter(
    (edge) =>
      marks.edges.get(edge.id) === 'removed' &&
      !edgeIds.has(edge.id) &&
      shownIds.has(edge.from) &&
      shownIds.has(edge.to),
  );
  return { ...newer, nodes: [...newer.nodes, ...removedNodes], edges: [...newer.edges, ...removedEdges] };
}

type VersionItem = { version: number; status: 'draft' | 'published' | 'archived' };

/**
 * What to compare on opening: the draft against the latest published version when there is a draft,
 * else the latest published version against the one before; null with fewer than two to compare.
 */
export function defaultComparison(
  versions: readonly VersionItem[],
): { from: VersionRef; to: VersionRef } | null {
  const published = versions.filter((item) => item.status !== 'draft').sort((a, b) => b.version - a.version);
  const [latest, previous] = published;
  if (!latest) return null;
  if (versions.some((item) => item.status === 'draft')) return { from: latest.version, to: 'draft' };
  return previous ? { from: previous.version, to: latest.version } : null;
}

/** A property value in one short line: strings as they are, anything else as JSON, cut at `max`. */
export function formatDiffValue(value: unknown, max = 60): string {
  if (value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
