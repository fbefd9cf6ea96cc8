// A reopened step's form starts from what was submitted there: every field type goes into its input
// as the input holds it, and submitting those values unchanged sends the same data again.
import { ZFormField, type FormField } from '../../../workflows/engine/definition-schema';
import { validateFormData } from '../../../workflows/engine/form-validation';
import { initialFormValues, toSubmission } from '../../../web/src/work/forms/form-rules';
import { prefilledFormValues } from '../../../web/src/work/forms/prefill-values';

const field = (definition: Record<string, unknown>): FormField => ZFormField.parse(definition);

const fields: FormField[] = [
  field({ name: 'targetGroup', label: '服务对象', type: 'text', required: true }),
  field({ name: 'needsSummary', label: '需求评估摘要', type: 'textarea' }),
  field({ name: 'budgetYuan', label: '预算（元）', type: 'number', required: true }),
  field({ name: 'volunteers', label: '志愿者人数', type: 'integer' }),
  field({ name: 'urgent', label: '是否紧急', type: 'boolean' }),
  field({ name: 'visitDate', label: '走访日期', type: 'date', required: true }),
  field({ name: 'serviceDomain', label: '服务领域', type: 'select', options: ['为老服务', '社区发展'] }),
  field({ name: 'groups', label: '重点人群', type: 'multiselect', options: ['一老', '一小'] }),
  field({
    name: 'activities',
    label: '活动安排',
    type: 'list',
    required: true,
    itemFields: [
      { name: 'title', label: '活动名称', type: 'text', required: true },
      { name: 'plannedDate', label: '计划日期', type: 'date' },
      { name: 'participants', label: '预计参与人数', type: 'integer' },
    ],
  }),
  field({ name: 'evidence', label: '走访记录', type: 'file' }),
  field({ name: 'nextHandler', label: '下一步办理人', type: 'user' }),
];

const submitted = {
  targetGroup: '社区独居老人',
  needsSummary: '独居老人四十余人。',
  budgetYuan: 12000.5,
  volunteers: 8,
  urgent: true,
  visitDate: '2026-11-20',
  serviceDomain: '为老服务',
  groups: ['一老', '一小'],
  activities: [{ title: '入户探访', plannedDate: '2026-12-01', participants: 40 }, { title: '重阳节活动' }],
  evidence: ['0b7c5a4e-8f2d-4c1a-9e3b-2d6f1a7c8e90'],
  nextHandler: '6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b',
};

describe('a reopened form filled with the last submission', () => {
  it('holds dates as picked days, in the form and in list rows, and everything else as submitted', () => {
    const values = prefilledFormValues(fields, submitted);
    const day = values.visitDate as { format: (template: string) => string };
    expect(day.format('YYYY-MM-DD')).toBe('2026-11-20');
    const rows = values.activities as Array<Record<string, unknown>>;
    expect((rows[0]!.plannedDate as typeof day).format('YYYY-MM-DD')).toBe('2026-12-01');
    expect(rows[1]).toEqual({ title: '重阳节活动' });
    expect(values).toMatchObject({
      targetGroup: '社区独居老人',
      budgetYuan: 12000.5,
      urgent: true,
      groups: ['一老', '一小'],
      evidence: submitted.evidence,
      nextHandler: submitted.nextHandler,
    });
  });

  it('submits the same data again when nothing is changed, and the server accepts it', () => {
    const again = toSubmission(fields, prefilledFormValues(fields, submitted));
    expect(again).toEqual(submitted);
    expect(validateFormData(fields, again).ok).toBe(true);
  });

  it('starts fields the last submission left out as a new form starts them', () => {
    const values = prefilledFormValues(fields, { targetGroup: '社区独居老人' });
    const fresh = initialFormValues(fields);
    expect(values).toEqual({ ...fresh, targetGroup: '社区独居老人' });
    expect(values.urgent).toBe(false);
  });
});
