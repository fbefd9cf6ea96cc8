// The structural diff of two definition graphs, for version history and publishing: which nodes,
// edges and event handlers were added, removed or changed, and which properties changed, with their
// paths (`form[2].required`, `assignee.role`). Pure, so the designer runs it in the browser too. It
// reads plain JSON, since a draft may not parse yet, and sees what the content hash sees: layout
// positions and `$schema` are no change, everything else (including order) is.
import { canonicalJson } from './content-hash';
import { isRawObject } from './raw-values';

/** A definition graph as stored: an object with `nodes` and `edges`, parsed or not. */
export type DiffableDefinition = { readonly [property: string]: unknown };

export type DiffTarget = 'definition' | 'node' | 'edge' | 'handler';

export type PropertyChange = { path: string; before?: unknown; after?: unknown };

export type DefinitionChange = {
  target: DiffTarget;
  id: string;
  change: 'added' | 'removed' | 'changed';
  label?: string;
  properties: PropertyChange[];
};

/** Properties of elements (nodes, edges, handlers) that name list items, in the order they are tried. */
const ITEM_KEYS = ['id', 'name', 'key'] as const;
/** Not part of what a process does (content-hash.ts leaves them out as well). */
const IGNORED_NODE_PROPERTIES = new Set(['position']);
const ELEMENT_LISTS = [
  ['nodes', 'node'],
  ['edges', 'edge'],
  ['eventHandlers', 'handler'],
] as const;
const IGNORED_DEFINITION_PROPERTIES = new Set<string>(['$schema', ...ELEMENT_LISTS.map(([list]) => list)]);

type Json = Record<string, unknown>;

/** Equal as the content hash sees them; a missing property differs from a null one. */
const same = (a: unknown, b: unknown): boolean =>
  a === undefined || b === undefined ? a === b : canonicalJson(a) === canonicalJson(b);

/**
 * The property of list items that names them: the first of `id`, `name`, `key` that every item of
 * both lists holds as a string, uniquely within each list. Lists without one (approver seats, rating
 * bands) are compared by position.
 */
function itemKeyOf(before: readonly unknown[], after: readonly unknown[]): string | undefined {
  const unique = (items: readonly unknown[], key: string) => {
    const values = items.map((item) => (isRawObject(item) ? item[key] : undefined));
    return values.every((v) => typeof v === 'string') && new Set(values).size === values.length;
  };
  if (before.length + after.length === 0) return undefined;
  return ITEM_KEYS.find((key) => unique(before, key) && unique(after, key));
}

/** The names of the items both lists hold, in each list's order. */
function commonOrder(before: readonly Json[], after: readonly Json[], key: string): [string[], string[]] {
  const names = (items: readonly Json[]) => items.map((item) => item[key] as string);
  const inBefore = new Set(names(before));
  const inAfter = new Set(names(after));
  return [names(before).filter((n) => inAfter.has(n)), names(after).filter((n) => inBefore.has(n))];
}

/** Objects and lists are walked (no changes below means equal), anything else compared whole: linear in size. */
function propertyChanges(before: unknown, after: unknown, path: string): PropertyChange[] {
  if (isRawObject(before) && isRawObject(after)) {
    const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
    return keys.flatMap((key) => propertyChanges(before[key], after[key], path ? `${path}.${key}` : key));
  }
  if (Array.isArray(before) && Array.isArray(after)) return listChanges(before, after, path);
  if (same(before, after)) return [];
  return [{ path, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) }];
}

/** Items matched by their key where they have one (form fields by name, criteria by id), else by position. */
function listChanges(before: readonly unknown[], after: readonly unknown[], path: string): PropertyChange[] {
  const key = itemKeyOf(before, after);
  if (!key) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, i) => propertyChanges(before[i], after[i], `${path}[${i}]`)).flat();
  }
  const items = { before: before as Json[], after: after as Json[] };
  const index = (list: Json[]) => new Map(list.map((item, i) => [item[key] as string, i]));
  const beforeAt = index(items.before);
  const afterAt = index(items.after);
  const changes: PropertyChange[] = [];
  const [oldOrder, newOrder] = commonOrder(items.before, items.after, key);
  if (!same(oldOrder, newOrder)) changes.push({ path, before: oldOrder, after: newOrder });
  items.before.forEach((item, i) => {
    if (!afterAt.has(item[key] as string)) changes.push({ path: `${path}[${i}]`, before: item });
  });
  items.after.forEach((item, i) => {
    const was = beforeAt.get(item[key] as string);
    changes.push(
      ...propertyChanges(was === undefined ? undefined : items.before[was], item, `${path}[${i}]`),
    );
  });
  return changes;
}

const listOf = (definition: DiffableDefinition, list: string): readonly unknown[] => {
  const value = definition[list];
  return Array.isArray(value) ? value : [];
};

/** The element as the diff compares it: a node without its layout position. */
function comparable(element: unknown, ignored: ReadonlySet<string>): unknown {
  if (!isRawObject(element)) return element;
  return Object.fromEntries(Object.entries(element).filter(([property]) => !ignored.has(property)));
}

/** What people call the element: a node's or handler's name (else the handler's event), an edge's label. */
function labelled(target: DiffTarget, element: unknown): { label?: string } {
  if (!isRawObject(element)) return {};
  const text =
    target === 'edge' ? element.label : target === 'handler' ? (element.name ?? element.event) : element.name;
  return typeof text === 'string' ? { label: text } : {};
}

function elementChanges(
  target: Exclude<DiffTarget, 'definition'>,
  before: readonly unknown[],
  after: readonly unknown[],
): { changes: DefinitionChange[]; order?: PropertyChange } {
  const ignored = target === 'node' ? IGNORED_NODE_PROPERTIES : new Set<string>();
  const keyed = itemKeyOf(before, after) === 'id';
  // Elements without unique ids (an invalid draft) are compared by position.
  const idOf = (element: unknown, i: number) => (keyed ? ((element as Json).id as string) : `#${i}`);
  const shownId = (element: unknown, i: number) =>
    isRawObject(element) && typeof element.id === 'string' ? element.id : `#${i}`;
  const beforeAt = new Map(before.map((element, i) => [idOf(element, i), i]));
  const afterIds = new Set(after.map(idOf));
  const changeOf = (
    element: unknown,
    i: number,
    change: DefinitionChange['change'],
    properties: PropertyChange[],
  ) => ({
    target,
    id: shownId(element, i),
    change,
    ...labelled(target, element),
    properties,
  });
  const changes: DefinitionChange[] = [];
  before.forEach((element, i) => {
    if (!afterIds.has(idOf(element, i))) changes.push(changeOf(element, i, 'removed', []));
  });
  after.forEach((element, i) => {
    const was = beforeAt.get(idOf(element, i));
    if (was === undefined) changes.push(changeOf(element, i, 'added', []));
    else {
      const properties = propertyChanges(comparable(before[was], ignored), comparable(element, ignored), '');
      if (properties.length > 0) changes.push(changeOf(element, i, 'changed', properties));
    }
  });
  if (!keyed) return { changes };
  const [oldOrder, newOrder] = commonOrder(before as Json[], after as Json[], 'id');
  return same(oldOrder, newOrder)
    ? { changes }
    : { changes, order: { path: '', before: oldOrder, after: newOrder } };
}

/**
 * What changed from `before` to `after`: definition-level properties first (name, variables,
 * stages, and the order of nodes, edges or handlers when only that changed), then nodes, edges and
 * event handlers. Empty exactly when the two have the same content hash.
 */
export function diffDefinitions(before: DiffableDefinition, after: DiffableDefinition): DefinitionChange[] {
  const definitionProperties = propertyChanges(
    comparable(before, IGNORED_DEFINITION_PROPERTIES),
    comparable(after, IGNORED_DEFINITION_PROPERTIES),
    '',
  );
  const elements: DefinitionChange[] = [];
  for (const [list, target] of ELEMENT_LISTS) {
    const { changes, order } = elementChanges(target, listOf(before, list), listOf(after, list));
    elements.push(...changes);
    if (order) definitionProperties.push({ ...order, path: list });
  }
  const key = typeof after.key === 'string' ? after.key : typeof before.key === 'string' ? before.key : '';
  const definition: DefinitionChange[] =
    definitionProperties.length > 0
      ? [{ target: 'definition', id: key, change: 'changed', properties: definitionProperties }]
      : [];
  return [...definition, ...elements];
}
