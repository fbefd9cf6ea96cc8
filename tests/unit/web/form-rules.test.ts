// The task form's client rules must agree with the server's validation of the same field definitions:
// every value the browser accepts, the server accepts, and the other way round.
import { ZFormField, type FormField } from '../../../workflows/engine/definition-schema';
import { validateFormData } from '../../../workflows/engine/form-validation';
import {
  fieldProblem,
  initialFormValues,
  toSubmission,
  type RuleProblem,
} from '../../../web/src/work/forms/form-rules';

const field = (definition: Record<string, unknown>): FormField => ZFormField.parse(definition);

/** A picked day as antd's date picker holds it (a Dayjs): only its `format` matters. */
const pickedDay = (text: string) => ({
  format: (template: string) => (template === 'YYYY-MM-DD' ? text : ''),
});

const fields = {
  requiredText: field({ name: 'targetGroup', label: '服务对象', type: 'text', required: true }),
  summary: field({
    name: 'needsSummary',
    label: '需求评估摘要',
    type: 'textarea',
    minLength: 10,
    maxLength: 20,
  }),
  code: field({ name: 'code', label: '编码', type: 'text', pattern: '^[A-Z]{2}-\\d+$' }),
  budget: field({
    name: 'budgetYuan',
    label: '预算（元）',
    type: 'number',
    required: true,
    min: 0,
    max: 5000,
  }),
  people: field({ name: 'participants', label: '预计参与人数', type: 'integer', min: 0 }),
  flag: field({ name: 'correctiveActionRequired', label: '是否需要整改', type: 'boolean', required: true }),
  day: field({ name: 'plannedDate', label: '计划日期', type: 'date' }),
  domain: field({
    name: 'serviceDomain',
    label: '服务领域',
    type: 'select',
    required: true,
    options: ['社会救助', '为老服务'],
  }),
  groups: field({
    name: 'groups',
    label: '服务人群',
    type: 'multiselect',
    required: true,
    options: ['老人', '儿童'],
  }),
  activities: field({
    name: 'activities',
    label: '活动安排',
    type: 'list',
    required: true,
    maxItems: 2,
    itemFields: [{ name: 'title', label: '活动名称', type: 'text', required: true }],
  }),
  optionalList: field({
    name: 'indicators',
    label: '指标',
    type: 'list',
    minItems: 2,
    itemFields: [{ name: 'indicator', label: '指标', type: 'text' }],
  }),
};

type Case = [keyof typeof fields, unknown, RuleProblem['rule'] | undefined];

const cases: Case[] = [
  ['requiredText', '老人', undefined],
  ['requiredText', '', 'required'],
  ['requiredText', '   ', 'required'],
  ['requiredText', ' 老人 ', undefined],
  ['requiredText', undefined, 'required'],
  ['summary', undefined, undefined],
  ['summary', '', undefined],
  ['summary', '太短', 'minLength'],
  ['summary', '这是一段足够长的需求评估摘要', undefined],
  ['summary', '这是一段远远超过了二十个字符上限的需求评估摘要文字内容', 'maxLength'],
  ['code', 'LC-12', undefined],
  ['code', 'lc-12', 'pattern'],
  ['budget', 0, undefined],
  ['budget', 5000, undefined],
  ['budget', -1, 'min'],
  ['budget', 5000.5, 'max'],
  ['budget', null, 'required'],
  ['people', 3, undefined],
  ['people', 2.5, 'integer'],
  ['people', -2, 'min'],
  ['people', null, undefined],
  ['flag', false, undefined],
  ['flag', undefined, 'required'],
  ['day', pickedDay('2026-11-23'), undefined],
  ['day', '2026-02-30', 'date'],
  ['day', '2026/11/23', 'date'],
  ['day', null, undefined],
  ['domain', '为老服务', undefined],
  ['domain', '其他', 'option'],
  ['domain', undefined, 'required'],
  ['groups', ['老人'], undefined],
  ['groups', [], 'required'],
  ['groups', ['老人', '青年'], 'option'],
  ['activities', [{ title: '重阳节活动' }], undefined],
  ['activities', [], 'required'],
  ['activities', [{ title: 'a' }, { title: 'b' }, { title: 'c' }], 'maxItems'],
  ['optionalList', [], undefined],
  ['optionalList', [{ indicator: '服务人次' }], 'minItems'],
  ['optionalList', [{ indicator: '服务人次' }, {}], undefined],
];

describe('task form rules derived from the field definitions', () => {
  it.each(cases)('%s = %j breaks %s', (name, value, expected) => {
    expect(fieldProblem(fields[name], value)?.rule).toBe(expected);
  });

  it.each(cases)('%s = %j: the server agrees with the browser', (name, value, expected) => {
    const definition = fields[name];
    const verdict = validateFormData([definition], toSubmission([definition], { [definition.name]: value }));
    expect(verdict.ok).toBe(expected === undefined);
  });

  it('reports the limit a value breaks, for the message', () => {
    expect(fieldProblem(fields.budget, -1)).toEqual({ rule: 'min', limit: 0 });
    expect(fieldProblem(fields.summary, '太短')).toEqual({ rule: 'minLength', limit: 10 });
  });

  it('sends dates as YYYY-MM-DD, list rows by their item fields, and leaves empty optional fields out', () => {
    const all = Object.values(fields);
    const data = toSubmission(all, {
      targetGroup: '辖区独居老人',
      needsSummary: '',
      budgetYuan: 1200,
      correctiveActionRequired: false,
      plannedDate: pickedDay('2026-12-01'),
      serviceDomain: '为老服务',
      groups: ['老人'],
      activities: [{ title: '重阳节活动', stray: 'x' }],
      indicators: [],
      undeclared: 'refused by the server',
    });
    expect(data).toEqual({
      targetGroup: '辖区独居老人',
      budgetYuan: 1200,
      correctiveActionRequired: false,
      plannedDate: '2026-12-01',
      serviceDomain: '为老服务',
      groups: ['老人'],
      activities: [{ title: '重阳节活动' }],
    });
    expect(validateFormData(all, data)).toEqual({ ok: true, data });
  });

  it('starts switches off and lists with the rows they must have', () => {
    expect(initialFormValues([fields.flag, fields.activities, fields.optionalList, fields.budget])).toEqual({
      correctiveActionRequired: false,
      activities: [{}],
      indicators: [{}, {}],
    });
  });
});
