// Chinese reasons of zod issues carrying the same detail as the English ones (required, length
// limits, allowed patterns), for the API's problems and the validator's; pure, so web and engine share it.
import type { z } from 'zod';

/** Chinese for the English messages contracts write themselves (patterns), registered by `zhFor`. */
const zhByMessage = new Map<string, string>();

/** Names the Chinese of a contract's own English message, e.g. `.regex(re, zhFor('digits', '数字'))`. */
export function zhFor(en: string, zh: string): string {
  zhByMessage.set(en, zh);
  return en;
}

const zhTypes: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  integer: '整数',
  boolean: '布尔值',
  object: '对象',
  record: '对象',
  array: '数组',
  list: '列表',
  tuple: '数组',
  date: '日期',
};

/** Chinese for a type's name in a reason (`应为对象`); the name itself when there is none. */
export const zhTypeName = (type: string): string => zhTypes[type] ?? type;

const zhFormats: Record<string, string> = {
  guid: '须为 UUID',
  uuid: '须为 UUID',
  datetime: '须为 ISO 8601 日期时间（如 2026-01-31T08:00:00Z）',
  date: '须为日期（如 2026-01-31）',
  email: '须为电子邮件地址',
  url: '须为网址',
};

/** The Chinese reason of an issue, with the same detail as the English one (limits, formats). */
export function zhReasonOf(issue: z.core.$ZodIssue): string {
  const own = zhByMessage.get(issue.message);
  if (own) return own;
  switch (issue.code) {
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') return n <= 1 ? '必填' : `至少 ${n} 个字符`;
      if (issue.origin === 'array' || issue.origin === 'set') return `至少 ${n} 项`;
      return issue.inclusive ? `不能小于 ${n}` : `须大于 ${n}`;
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return `最多 ${n} 个字符`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${n} 项`;
      return issue.inclusive ? `不能大于 ${n}` : `须小于 ${n}`;
    }
    case 'invalid_type':
      return /received undefined$/.test(issue.message)
        ? '必填'
        : `类型不正确，应为${zhTypeName(issue.expected)}`;
    case 'invalid_format':
      if (issue.format === 'regex' && 'pattern' in issue)
        return `格式不正确，须符合 ${String(issue.pattern)}`;
      return zhFormats[issue.format] ?? `格式不正确（${issue.format}）`;
    case 'invalid_value':
      return `须为以下之一：${issue.values.map(String).join('、')}`;
    case 'invalid_union':
      // A discriminated union names the kinds it knows (a node's `kind`); other unions name none.
      return 'options' in issue && issue.options
        ? `须为以下之一：${issue.options.map(String).join('、')}`
        : '不符合要求';
    case 'unrecognized_keys':
      return `不允许的字段：${issue.keys.join('、')}`;
    default:
      return '不符合要求';
  }
}
