// A review's panel: reviewer seats, the rubric with its weights check, when the review completes,
// the subjects scored, the result and rating variables with the rating bands, deadlines and 退回.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NodeOf } from '../../../../workflows/engine/definition-schema.js';
import { DeadlineFields } from './DeadlineFields';
import { Field, TextField } from './panel-fields';
import { RatingBandsEditor } from './RatingBandsEditor';
import { ReturnTargetsField } from './ReturnTargetsField';
import { SeatsEditor } from './SeatsEditor';
import { useNodeEdit } from './use-node-edit.js';

type Completion = NodeOf<'review'>['completion'];

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
      <Field label={t('designer.nodePanels.completion')} htmlFor="sgf-prop-completion">
        <Space.Compact block>
          <Select<Completion['type']>
            id="sgf-prop-completion"
            value={node.completion.type}
            onChange={(type) => edit({ completion: type === 'count' ? { type, n: 1 } : { type } })}
            options={(['all', 'count'] as const).map((type) => ({
              value: type,
              label: t(`designer.nodePanels.completionTypes.${type}`),
            }))}
            className="sgf-designer-grow"
          />
          {node.completion.type === 'count' && (
            <InputNumber
              aria-label={t('designer.nodePanels.completionN')}
              addonBefore={t('designer.nodePanels.completionN')}
              min={1}
              precision={0}
              value={node.completion.n}
              onChange={(n) => edit({ completion: { type: 'count', n: n ?? 1 } })}
            />
          )}
        </Space.Compact>
      </Field>
      <TextField
        id="sgf-prop-subjects-variable"
        label={t('designer.nodePanels.subjectsVariable')}
        value={node.subjectsVariable}
        onChange={(value, typing) => edit({ subjectsVariable: value || undefined }, typing)}
      />
      <TextField
        id="sgf-prop-result-variable"
        label={t('designer.review.resultVariable')}
        value={node.resultVariable}
        onChange={(resultVariable, typing) => edit({ resultVariable }, typing)}
      />
      <RatingBandsEditor
        bands={node.ratingBands}
        onChange={(ratingBands, typing) => edit({ ratingBands }, typing)}
      />
      <TextField
        id="sgf-prop-rating-variable"
        label={t('designer.nodePanels.ratingVariable')}
        value={node.ratingVariable}
        onChange={(value, typing) => edit({ ratingVariable: value || undefined }, typing)}
      />
      <DeadlineFields node={node} edit={edit} />
      <ReturnTargetsField
        nodeId={node.id}
        value={node.returnTo}
        onChange={(returnTo) => edit({ returnTo })}
      />
    </>
  );
}
