// Pure helpers of the version diff view: which nodes and edges a structural diff marks added,
// changed or removed, the graph the canvas shows (the newer one with the removed elements put back
// at their old positions), the pair of versions compared by default, and changed properties and
// their values as people read them (办理时限, 2 小时, 是/否, a role's name).
import type { TFunction } from 'i18next';
import type { DefinitionChange } from '../../../../workflows/engine/definition-diff.js';
import { type ProcessDefinition, ZAssigneeRule } from '../../../../workflows/engine/definition-schema.js';
import { propertyPhrase } from '../../../../workflows/engine/property-names.js';
import { describeAssignee, describeDuration } from '../canvas/node-texts.js';

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

/** A diff's property path (`approvers[0].assignee.scope`) as names and list positions. */
export function diffPathSegments(path: string): Array<string | number> {
  return [...path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map(([, index, name]) =>
    index === undefined ? (name ?? '') : Number(index),
  );
}

/** The changed property in the interface language: 审批人第 1 项的办理人的范围. */
export function describeDiffProperty(path: string, zh: boolean): string {
  const phrase = propertyPhrase(diffPathSegments(path));
  return zh ? phrase.zh : phrase.en;
}

/** A value's reading; `code` for a FEEL expression, shown as code. */
export type DiffValueText = { text: string; code: boolean };

/** Properties holding the author's FEEL mappings: each of their values is an expression. */
const FEEL_MAPPINGS: ReadonlySet<string> = new Set(['outputs', 'input', 'setVariables']);
const DURATIONS: ReadonlySet<string> = new Set(['due', 'after', 'duration']);

/** The catalogue key naming an enumerated value by the property (and the one around it) holding it. */
function enumKey(property: string, parent: string | undefined): string | undefined {
  if (property === 'role' || property === 'toRole' || property === 'starterRoles') return 'roles';
  if (property === 'scope') return 'designer.scope';
  if (property === 'kind') return 'designer.kinds';
  if (property === 'outcome') return 'designer.outcomes';
  if (property !== 'type') return undefined;
  if (parent === 'assignee' || parent === 'cc') return 'designer.assignee.types';
  if (parent === 'policy') return 'designer.policy';
  if (parent === 'timer') return 'designer.timer.types';
  if (parent === 'form' || parent === 'itemFields' || parent === 'payload') return 'designer.form.types';
  return undefined;
}

/**
 * A property's value as people read it: a role's or an outcome's name, a duration (2 小时), 是/否, an
 * assignee rule as the canvas words it, a FEEL expression as code; what has no reading stays JSON.
 */
export function describeDiffValue(path: string, value: unknown, t: TFunction): DiffValueText {
  const plain = (text: string): DiffValueText => ({ text, code: false });
  if (value === undefined) return plain('—');
  const segments = diffPathSegments(path);
  const names = segments.filter((segment): segment is string => typeof segment === 'string');
  const property = names[names.length - 1] ?? '';
  // The property around this one, skipping list positions: `form[2].type` is a form field's type.
  const parent = names[names.length - 2];
  const feel =
    property === 'condition' ||
    property === 'until' ||
    (parent !== undefined && FEEL_MAPPINGS.has(parent)) ||
    (parent === 'params' && typeof value === 'string' && value.startsWith('='));
  if (feel && typeof value === 'string') return { text: value, code: true };
  if (typeof value === 'boolean') return plain(t(`designer.diffValues.${value ? 'yes' : 'no'}`));
  if (typeof value === 'string' && DURATIONS.has(property)) return plain(describeDuration(value, t));
  const key = enumKey(property, parent);
  const named = (item: unknown) =>
    key && typeof item === 'string' ? t(`${key}.${item}`, { defaultValue: item }) : formatDiffValue(item);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string'))
    return plain(value.map(named).join('、'));
  if (typeof value === 'string') return plain(named(value));
  const rule = ZAssigneeRule.safeParse(value);
  return plain(rule.success ? describeAssignee(rule.data, t) : formatDiffValue(value));
}
