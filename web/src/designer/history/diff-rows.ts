// The rows of one diff entry as sentences: list items named as the validator names them
// (表单字段「标题」, 流程变量「budget」), a whole item added or removed as one row (新增表单字段「说明」
// （多行文本）), and the parts of one assignee rule, timer, reminder or escalation as one row with the
// whole rule before and after (办理人 项目社工 · 本单位 → 发起人). It reads the two graphs the diff
// compared, since the diff's paths carry list positions only.
import type { TFunction } from 'i18next';
import type { DefinitionChange } from '../../../../workflows/engine/definition-diff.js';
import { ZAssigneeRule, ZTimerSpec } from '../../../../workflows/engine/definition-schema.js';
import {
  isNamedList,
  ITEM_NAMING,
  itemLabel,
  propertyName,
  propertyPhrase,
  type NamedList,
} from '../../../../workflows/engine/property-names.js';
import { isRawObject, nonBlankText } from '../../../../workflows/engine/raw-values.js';
import { describeAssignee, describeTimer } from '../canvas/node-texts.js';
import { describeDiffValue, diffPathSegments, type DiffValueText } from './diff-view.js';

export type DiffRow =
  | { key: string; kind: 'changed'; name: string; before: DiffValueText; after: DiffValueText }
  | { key: string; kind: 'added' | 'removed'; text: string };

type Json = Record<string, unknown>;
type Segment = string | number;
/** The two graphs a diff compared, as stored (a draft may not parse). */
export type DiffGraphs = { before: unknown; after: unknown };

/** Objects whose parts read as one: a change of any part shows the whole before and after. */
const WHOLE: ReadonlySet<string> = new Set(['assignee', 'cc', 'timer', 'reminder', 'escalation']);
/** Properties that match list items across versions, as the engine's diff matches them. */
const MATCH_KEYS = ['id', 'name', 'key'] as const;

/** The element a change is about, in one graph: the process itself or its node, edge or handler. */
function elementOf(graph: unknown, change: DefinitionChange): unknown {
  if (change.target === 'definition') return graph;
  const list = { node: 'nodes', edge: 'edges', handler: 'eventHandlers' }[change.target];
  const items = isRawObject(graph) && Array.isArray(graph[list]) ? (graph[list] as unknown[]) : [];
  return items.find((item) => isRawObject(item) && item.id === change.id);
}

/**
 * The values at each step of `segments` in both elements. A position is the newer list's (the
 * diff's), so the older item is found by its id, name or key where it has one; a removed item's
 * position is the older list's.
 */
function walk(before: unknown, after: unknown, segments: readonly Segment[]): Array<[unknown, unknown]> {
  const steps: Array<[unknown, unknown]> = [];
  let [older, newer] = [before, after];
  for (const segment of segments) {
    if (typeof segment === 'string') {
      older = isRawObject(older) ? older[segment] : undefined;
      newer = isRawObject(newer) ? newer[segment] : undefined;
    } else {
      const olderList: readonly unknown[] = Array.isArray(older) ? older : [];
      const newerItem: unknown = Array.isArray(newer) ? (newer as unknown[])[segment] : undefined;
      const matched = isRawObject(newerItem) ? newerItem : {};
      const key = MATCH_KEYS.find((k) => typeof matched[k] === 'string');
      older =
        key === undefined
          ? olderList[segment]
          : olderList.find((item) => isRawObject(item) && item[key] === matched[key]);
      newer = newerItem;
    }
    steps.push([older, newer]);
  }
  return steps;
}

/** A list item as people name it: 表单字段「说明」, 审批人「站长/督导 · 本单位」; undefined when unnamed. */
function itemName(list: Segment | undefined, item: unknown, t: TFunction): string | undefined {
  if (!isNamedList(list) || !isRawObject(item)) return undefined;
  const rule = ITEM_NAMING[list].length === 0 ? ZAssigneeRule.safeParse(item.assignee) : undefined;
  const label = rule ? (rule.success ? describeAssignee(rule.data, t) : undefined) : itemLabel(list, item);
  return label === undefined ? undefined : t(`designer.diffRows.items.${list}`, { label });
}

/** The kinds of items added or removed whole that have one: a form field's or a variable's type. */
const KIND_CATALOGUES: Partial<Record<NamedList, string>> = {
  form: 'designer.form.types',
  itemFields: 'designer.form.types',
  payload: 'designer.form.types',
  variables: 'designer.process.variable.types',
};

/** An item's kind in parentheses, empty when it has none. */
function kindOf(list: NamedList, item: Json, t: TFunction): string {
  const type = nonBlankText(item.type);
  const catalogue = KIND_CATALOGUES[list];
  if (type === undefined || catalogue === undefined) return '';
  return t('designer.diffRows.kind', { kind: t(`${catalogue}.${type}`, { defaultValue: type }) });
}

/** The path as a phrase in which named list items replace their positions (表单字段「标题」的必填). */
function pathPhrase(
  segments: readonly Segment[],
  steps: ReadonlyArray<[unknown, unknown]>,
  t: TFunction,
  zh: boolean,
) {
  const pieces: string[] = [];
  let run: Segment[] = [];
  const flush = () => {
    const phrase = propertyPhrase(run);
    if (run.length > 0) pieces.push(zh ? phrase.zh : phrase.en);
    run = [];
  };
  segments.forEach((segment, i) => {
    const [older, newer] = steps[i] ?? [];
    const name = typeof segment === 'number' ? itemName(segments[i - 1], newer ?? older, t) : undefined;
    if (name === undefined) run.push(segment);
    else {
      run.pop();
      flush();
      pieces.push(name);
    }
  });
  flush();
  return pieces.join(zh ? '的' : ' ');
}

/**
 * A whole object as one reading: an assignee rule or a timer as the canvas words them, a reminder or
 * an escalation part by part (时间 1 天，上报给 站长/督导).
 */
function wholeValue(path: string, value: unknown, t: TFunction, zh: boolean): DiffValueText {
  const rule = ZAssigneeRule.safeParse(value);
  if (rule.success) return { text: describeAssignee(rule.data, t), code: false };
  const timer = ZTimerSpec.safeParse(value);
  if (timer.success) return { text: describeTimer(timer.data, t), code: false };
  if (isRawObject(value) && typeof value.after === 'string') {
    const parts = Object.entries(value).map(([property, part]) => {
      const name = propertyName(property);
      return `${zh ? name.zh : name.en} ${describeDiffValue(`${path}.${property}`, part, t).text}`;
    });
    return { text: parts.join(zh ? '，' : ', '), code: false };
  }
  return describeDiffValue(path, value, t);
}

/** The rows of one entry of the diff, in the order of its properties. */
export function diffRowsOf(
  change: DefinitionChange,
  graphs: DiffGraphs,
  t: TFunction,
  zh: boolean,
): DiffRow[] {
  const before = elementOf(graphs.before, change);
  const after = elementOf(graphs.after, change);
  const rows: DiffRow[] = [];
  const seen = new Set<string>();
  for (const property of change.properties) {
    const segments = diffPathSegments(property.path);
    const whole = segments.findIndex((segment) => typeof segment === 'string' && WHOLE.has(segment));
    const shown = whole >= 0 ? segments.slice(0, whole + 1) : segments;
    const key = shown
      .map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${segment}`))
      .join('')
      .slice(1);
    if (seen.has(key)) continue;
    seen.add(key);
    const steps = walk(before, after, shown);
    const last = shown.at(-1);
    const item = property.after ?? property.before;
    const list = shown.at(-2);
    const named = itemName(list, item, t);
    if (
      typeof last === 'number' &&
      named !== undefined &&
      isNamedList(list) &&
      isRawObject(item) &&
      (property.before === undefined) !== (property.after === undefined)
    ) {
      const kind = property.after === undefined ? 'removed' : 'added';
      rows.push({ key, kind, text: t(`designer.diffRows.${kind}`, { item: named + kindOf(list, item, t) }) });
      continue;
    }
    const [older, newer] = whole >= 0 ? (steps.at(-1) ?? []) : [property.before, property.after];
    const read = (value: unknown) =>
      whole >= 0 ? wholeValue(key, value, t, zh) : describeDiffValue(property.path, value, t);
    rows.push({
      key,
      kind: 'changed',
      name: pathPhrase(shown, steps, t, zh),
      before: read(older),
      after: read(newer),
    });
  }
  return rows;
}

/** What the entry's title names: the process by its name, else the element by its label or id. */
export function diffEntryName(change: DefinitionChange, graphs: DiffGraphs): string {
  if (change.target === 'definition') {
    const graph = isRawObject(graphs.after) ? graphs.after : isRawObject(graphs.before) ? graphs.before : {};
    return nonBlankText(graph.name) ?? change.id;
  }
  return change.label ?? change.id;
}
