// The panels of the nodes people work in: a task (assignee, deadlines, form), an approval (seats,
// policy, deadlines) and a review (seats, rubric with its weights check, completion, result).
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApprovalPolicy, NodeOf } from '../../../../workflows/engine/definition-schema.js';
import { AssigneeRuleField } from './AssigneeRuleField';
import { DeadlineFields } from './DeadlineFields';
import { FormFieldsEditor } from './FormFieldsEditor';
import { Field, TextField } from './panel-fields';
import { SeatsEditor } from './SeatsEditor';
import { useNodeEdit } from './use-node-edit.js';

export function UserTaskPanel({ node }: { node: NodeOf<'userTask'> }) {
  const { t } = useTranslation();
  const edit = useNodeEdit(node);
  return (
    <>
      <AssigneeRuleField
        id="sgf-prop-assignee"
        label={t('designer.assignee.label')}
        rule={node.assignee}
        onChange={(assignee, typing) => edit({ assignee }, typing)}
      />
      <DeadlineFields node={node} edit={edit} />
      <Typography.Title level={5}>{t('designer.form.title')}</Typography.Title>
      <FormFieldsEditor
        idPrefix="sgf-prop-field"
        fields={node.form}
        onChange={(form, typing) => edit({ form }, typing)}
      />
    </>
  );
}

const POLICY_TYPES = ['any', 'all', 'majority', 'quorum'] as const;

export function ApprovalPanel({ node }: { node: NodeOf<'approval'> }) {
  const { t } = useTranslation();
  const edit = useNodeEdit(node);
  const seats = node.approvers.reduce((sum, seat) => sum + seat.seats, 0);
  const policyOf = (type: ApprovalPolicy['type']): ApprovalPolicy =>
    type === 'quorum' ? { type, n: Math.min(2, seats) } : { type };
  return (
    <>
      <Field label={t('designer.approval.approvers', { seats })}>
        <SeatsEditor
          idPrefix="sgf-prop-approver"
          seats={node.approvers}
          onChange={(approvers, typing) => edit({ approvers }, typing)}
        />
      </Field>
      <Field label={t('designer.approval.policy')} htmlFor="sgf-prop-policy">
        <Space.Compact block>
          <Select<ApprovalPolicy['type']>
            id="sgf-prop-policy"
            value={node.policy.type}
            onChange={(type) => edit({ policy: policyOf(type) })}
            options={POLICY_TYPES.map((type) => ({ value: type, label: t(`designer.policy.${type}`) }))}
            className="sgf-designer-grow"
          />
          {node.policy.type === 'quorum' && (
            <InputNumber
              aria-label={t('designer.approval.quorumN')}
              addonBefore={t('designer.approval.quorumN')}
              min={1}
              precision={0}
              value={node.policy.n}
              onChange={(n) => edit({ policy: { type: 'quorum', n: n ?? 1 } })}
            />
          )}
        </Space.Compact>
      </Field>
      <TextField
        id="sgf-prop-decision-variable"
        label={t('designer.approval.decisionVariable')}
        value={node.decisionVariable}
        onChange={(value, typing) => edit({ decisionVariable: value || undefined }, typing)}
      />
      <DeadlineFields node={node} edit={edit} />
    </>
  );
}

export function ReviewPanel({ node }: { node: NodeOf<'review'> }) {
  const { t } = useTranslation();
  const edit = useNodeEdit(node);
  const totalWeight = node.rubric.reduce((sum, criterion) => sum + criterion.weight, 0);
  const replaceCriterion = (
    index: number,
    patch: Partial<NodeOf<'review'>['rubric'][number]>,
    typing?: string,
  ) =>
    edit(
      { rubric: node.rubric.map((criterion, at) => (at === index ? { ...criterion, ...patch } : criterion)) },
      typing,
    );
  return (
    <>
      <Field label={t('designer.review.reviewers')}>
        <SeatsEditor
          idPrefix="sgf-prop-reviewer"
          seats={node.reviewers}
          onChange={(reviewers, typing) => edit({ reviewers }, typing)}
        />
      </Field>
      <Field label={t('designer.review.rubric')}>
        <Space direction="vertical" className="sgf-designer-stack">
          {node.rubric.map((criterion, index) => (
            <Space.Compact block key={index}>
              <Input
                aria-label={t('designer.review.criterionLabel')}
                value={criterion.label}
                onChange={(event) =>
                  replaceCriterion(index, { label: event.target.value }, `criterion-${index}`)
                }
              />
              <InputNumber
                aria-label={t('designer.review.weight')}
                min={1}
                value={criterion.weight}
                addonAfter="%"
                onChange={(weight) => replaceCriterion(index, { weight: weight ?? 1 })}
              />
              <Button
                danger
                icon={<DeleteOutlined />}
                aria-label={t('designer.review.removeCriterion')}
                disabled={node.rubric.length === 1}
                onClick={() => edit({ rubric: node.rubric.filter((_, at) => at !== index) })}
              />
            </Space.Compact>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              edit({
                rubric: [
                  ...node.rubric,
                  {
                    id: `c${node.rubric.length + 1}`,
                    label: t('designer.review.newCriterion'),
                    weight: 10,
                    max: 100,
                  },
                ],
              })
            }
          >
            {t('designer.review.addCriterion')}
          </Button>
          {totalWeight === 100 ? (
            <Typography.Text type="success">{t('designer.review.weightsOk')}</Typography.Text>
          ) : (
            <Alert type="warning" showIcon title={t('designer.review.weightsOff', { total: totalWeight })} />
          )}
        </Space>
      </Field>
      <TextField
        id="sgf-prop-result-variable"
        label={t('designer.review.resultVariable')}
        value={node.resultVariable}
        onChange={(resultVariable, typing) => edit({ resultVariable }, typing)}
      />
      <DeadlineFields node={node} edit={edit} />
    </>
  );
}
