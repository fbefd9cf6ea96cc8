// The definition format's property names as people read them (输出, 退回目标, 办理人 …), in Chinese and
// English, and property paths as phrases (`outputs.0.name` → 输出第 1 项的名称): the validator's schema
// problems and the designer's version diffs name properties with the same words.
import type { LocalizedMessage } from './localized-message';
import { nonBlankText, type RawObject } from './raw-values';

const NAMES: Readonly<Record<string, LocalizedMessage>> = {
  $schema: { zh: '格式声明', en: 'schema' },
  key: { zh: '编号', en: 'key' },
  name: { zh: '名称', en: 'name' },
  description: { zh: '说明', en: 'description' },
  version: { zh: '版本', en: 'version' },
  starterRoles: { zh: '发起角色', en: 'starter roles' },
  variables: { zh: '流程变量', en: 'variables' },
  stages: { zh: '阶段', en: 'stages' },
  nodes: { zh: '节点', en: 'nodes' },
  edges: { zh: '连线', en: 'edges' },
  eventHandlers: { zh: '事件处理', en: 'event handlers' },
  id: { zh: '编号', en: 'id' },
  kind: { zh: '节点类型', en: 'kind' },
  position: { zh: '位置', en: 'position' },
  stage: { zh: '所属阶段', en: 'stage' },
  label: { zh: '标题', en: 'label' },
  type: { zh: '类型', en: 'type' },
  required: { zh: '必填', en: 'required' },
  default: { zh: '默认', en: 'default' },
  min: { zh: '最小值', en: 'minimum' },
  max: { zh: '最大值', en: 'maximum' },
  minLength: { zh: '最少字数', en: 'minimum length' },
  maxLength: { zh: '最多字数', en: 'maximum length' },
  pattern: { zh: '格式（正则）', en: 'pattern' },
  options: { zh: '选项', en: 'options' },
  help: { zh: '填写说明', en: 'help' },
  itemFields: { zh: '列表的子字段', en: 'item fields' },
  minItems: { zh: '最少行数', en: 'minimum rows' },
  maxItems: { zh: '最多行数', en: 'maximum rows' },
  form: { zh: '表单', en: 'form' },
  formVariable: { zh: '表单写入变量', en: 'form variable' },
  outputs: { zh: '输出', en: 'output' },
  assignee: { zh: '办理人', en: 'assignee' },
  role: { zh: '角色', en: 'role' },
  scope: { zh: '范围', en: 'scope' },
  userId: { zh: '人员', en: 'user' },
  levelsUp: { zh: '向上级数', en: 'levels up' },
  seats: { zh: '人数', en: 'seats' },
  approvers: { zh: '审批人', en: 'approvers' },
  policy: { zh: '通过规则', en: 'policy' },
  n: { zh: '人数', en: 'number' },
  decisionVariable: { zh: '审批结果写入变量', en: 'decision variable' },
  votesVariable: { zh: '投票记录写入变量', en: 'votes variable' },
  reviewers: { zh: '评审人', en: 'reviewers' },
  rubric: { zh: '评分标准', en: 'rubric' },
  weight: { zh: '权重', en: 'weight' },
  completion: { zh: '完成规则', en: 'completion' },
  subjectsVariable: { zh: '评审对象变量', en: 'subjects variable' },
  resultVariable: { zh: '结果写入变量', en: 'result variable' },
  ratingBands: { zh: '等级区间', en: 'rating bands' },
  rating: { zh: '等级', en: 'rating' },
  ratingVariable: { zh: '等级写入变量', en: 'rating variable' },
  due: { zh: '办理时限', en: 'due' },
  reminder: { zh: '提醒', en: 'reminder' },
  escalation: { zh: '逾期上报', en: 'escalation' },
  after: { zh: '时间', en: 'after' },
  toRole: { zh: '上报给', en: 'to role' },
  reassign: { zh: '改由上级办理', en: 'reassign' },
  returnTo: { zh: '退回目标', en: 'return targets' },
  cc: { zh: '抄送', en: 'cc' },
  outcome: { zh: '结果', en: 'outcome' },
  terminate: { zh: '终止全部分支', en: 'terminate' },
  timer: { zh: '定时', en: 'timer' },
  duration: { zh: '时长', en: 'duration' },
  date: { zh: '日期', en: 'date' },
  dateVariable: { zh: '日期变量', en: 'date variable' },
  cycle: { zh: '周期', en: 'cycle' },
  until: { zh: '结束条件', en: 'until' },
  action: { zh: '操作', en: 'action' },
  params: { zh: '参数', en: 'parameter' },
  definitionKey: { zh: '子流程', en: 'subprocess' },
  itemsVariable: { zh: '逐项启动的列表变量', en: 'items variable' },
  input: { zh: '输入', en: 'input' },
  wait: { zh: '等待子流程完成', en: 'wait' },
  childTitle: { zh: '子流程标题', en: 'child title' },
  from: { zh: '起点', en: 'from' },
  to: { zh: '终点', en: 'to' },
  condition: { zh: '条件', en: 'condition' },
  event: { zh: '事件', en: 'event' },
  interrupting: { zh: '中断其他分支', en: 'interrupting' },
  target: { zh: '开始节点', en: 'target' },
  activeIn: { zh: '生效节点', en: 'active in' },
  payloadVariable: { zh: '事件数据写入变量', en: 'payload variable' },
  appendPayloadTo: { zh: '事件数据追加到变量', en: 'append payload to' },
  setVariables: { zh: '设置变量', en: 'set variable' },
  payload: { zh: '事件数据字段', en: 'payload fields' },
};

/** Properties whose keys are names the author chose (variables, parameters), not the format's own. */
const NAMED_ENTRIES: ReadonlySet<string> = new Set(['outputs', 'input', 'setVariables', 'params']);

/** A property's name in both languages; the property itself for one the table does not hold. */
export const propertyName = (property: string): LocalizedMessage =>
  NAMES[property] ?? { zh: property, en: property };

/**
 * A property path as a phrase: list positions count from 1 (第 1 项), the author's own keys are
 * quoted (输出「budget」), the rest joined with 的. Empty for the empty path.
 */
export function propertyPhrase(path: ReadonlyArray<string | number>): LocalizedMessage {
  const zh: string[] = [];
  const en: string[] = [];
  path.forEach((segment, i) => {
    const previous = path[i - 1];
    if (typeof segment === 'number') {
      zh.push(`${zh.pop() ?? ''}第 ${segment + 1} 项`);
      en.push(String(segment + 1));
    } else if (typeof previous === 'string' && NAMED_ENTRIES.has(previous)) {
      zh.push(`${zh.pop() ?? ''}「${segment}」`);
      en.push(`“${segment}”`);
    } else {
      const name = propertyName(segment);
      zh.push(name.zh);
      en.push(name.en);
    }
  });
  return { zh: zh.join('的'), en: en.join(' ') };
}

/**
 * The lists whose items people name, and the properties naming an item, in the order they are
 * tried; seat rules (approvers, reviewers) are named by their assignee. The validator's problems
 * and the designer's diff name an item by the same properties.
 */
export const ITEM_NAMING = {
  nodes: ['name', 'id'],
  form: ['label', 'name'],
  itemFields: ['label', 'name'],
  payload: ['label', 'name'],
  variables: ['name'],
  stages: ['name', 'id'],
  rubric: ['label', 'id'],
  eventHandlers: ['name', 'event', 'id'],
  approvers: [],
  reviewers: [],
} as const satisfies Record<string, readonly string[]>;

export type NamedList = keyof typeof ITEM_NAMING;

export const isNamedList = (list: unknown): list is NamedList =>
  typeof list === 'string' && Object.hasOwn(ITEM_NAMING, list);

/** The first of the item's naming properties that holds text; undefined when none does. */
export const itemLabel = (list: NamedList, item: RawObject): string | undefined =>
  (ITEM_NAMING[list] as readonly string[])
    .map((property) => nonBlankText(item[property]))
    .find((value) => value !== undefined);
