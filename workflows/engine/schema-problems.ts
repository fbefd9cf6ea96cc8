// Schema problems worded as the validator words the rest: where (节点「站点审批」, 连线「A → B」,
// 流程变量「budget」 …), which property and why, in Chinese and English, carrying the node, edge or
// event handler they concern so that the designer can point at it.
import type { z } from 'zod';
import type { LocalizedMessage, ValidationProblem } from './localized-message';
import { itemLabel, propertyPhrase, type NamedList } from './property-names';
import { IDENTIFIER_REASONS } from './identifier';
import { isRawObject, nonBlankText, type RawObject } from './raw-values';
import { zhReasonOf } from './zh-reasons';

type Where = Pick<ValidationProblem, 'nodeId' | 'edgeId' | 'handlerId'>;
type Place = { where: Where; zh: string; en: string };

const rawList = (definition: unknown, list: string): readonly unknown[] => {
  const value = isRawObject(definition) ? definition[list] : undefined;
  return Array.isArray(value) ? value : [];
};

/** The item as people name it (property-names.ts), else by its position (#3). */
const labelOf = (list: NamedList, item: RawObject, index: number): string =>
  itemLabel(list, item) ?? `#${index + 1}`;

/** An edge as the canvas shows it, by its ends' names: 「志愿者招募 → 站点审批」. */
function edgeLabel(definition: unknown, edge: RawObject, index: number): string {
  const { from, to } = edge;
  if (typeof from !== 'string' || typeof to !== 'string')
    return nonBlankText(edge.label) ?? nonBlankText(edge.id) ?? `#${index + 1}`;
  const nameOf = (id: string) => {
    const node = rawList(definition, 'nodes').find(
      (candidate) => isRawObject(candidate) && candidate.id === id,
    );
    return (isRawObject(node) ? nonBlankText(node.name) : undefined) ?? id;
  };
  return `${nameOf(from)} → ${nameOf(to)}`;
}

const idOf = (item: RawObject): string | undefined => (typeof item.id === 'string' ? item.id : undefined);

/** The list item a path opens at, as people name it, with its id; null for the process itself. */
function placeOf(definition: unknown, list: unknown, index: unknown): Place | null {
  if (typeof list !== 'string' || typeof index !== 'number') return null;
  const raw = rawList(definition, list)[index];
  const item = isRawObject(raw) ? raw : {};
  const id = idOf(item);
  const named = (zh: string, en: string, label: string, where: Where = {}): Place => ({
    where,
    zh: `${zh}「${label}」`,
    en: `${en} 「${label}」`,
  });
  switch (list) {
    case 'nodes':
      return named('节点', 'node', labelOf('nodes', item, index), id === undefined ? {} : { nodeId: id });
    case 'edges':
      return named(
        '连线',
        'edge',
        edgeLabel(definition, item, index),
        id === undefined ? {} : { edgeId: id },
      );
    case 'eventHandlers':
      // Not the target's node id: the node itself is sound, and its badge would point at nothing.
      return named(
        '事件处理',
        'event handler',
        labelOf('eventHandlers', item, index),
        id === undefined ? {} : { handlerId: id },
      );
    case 'variables':
      return named('流程变量', 'variable', labelOf('variables', item, index));
    case 'stages':
      return named('阶段', 'stage', labelOf('stages', item, index));
    default:
      return null;
  }
}

/** Why, in both languages; an emptied text says so rather than "too small: >=1 characters". */
function reasonOf(issue: z.core.$ZodIssue): LocalizedMessage {
  // A record's key is a variable's name (outputs, inputs, set variables).
  if (issue.code === 'invalid_key')
    return issue.path.at(-1) === ''
      ? { zh: '变量名不能为空', en: 'the variable name must not be empty' }
      : issue.issues.some((inner) => inner.message === IDENTIFIER_REASONS.keyword.en)
        ? IDENTIFIER_REASONS.keyword
        : IDENTIFIER_REASONS.format;
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) <= 1)
    return { zh: '不能为空', en: 'must not be empty' };
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message))
    return { zh: '必填', en: 'required' };
  return { zh: zhReasonOf(issue), en: issue.message };
}

/** One schema problem of a definition (`input`, as sent) from a zod issue whose path starts at its root. */
export function schemaProblemOf(input: unknown, issue: z.core.$ZodIssue): ValidationProblem {
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  const place = placeOf(input, path[0], path[1]);
  const rest = propertyPhrase(place ? path.slice(2) : path);
  const where = place ?? { where: {}, zh: '流程', en: 'process' };
  const reason = reasonOf(issue);
  return {
    code: 'SCHEMA_INVALID',
    ...where.where,
    path,
    message: {
      zh: rest.zh ? `${where.zh}的${rest.zh}：${reason.zh}` : `${where.zh}：${reason.zh}`,
      en: rest.en ? `${where.en} ${rest.en}: ${reason.en}` : `${where.en}: ${reason.en}`,
    },
  };
}
