// The panels of the nodes one person or a few decide in: a task (assignee, deadlines, form, outputs,
// 退回 and 抄送) and an approval (seats, policy, result variables, deadlines, 退回 and 抄送).
import { InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApprovalPolicy, NodeOf } from '../../../../workflows/engine/definition-schema.js';
import { AssigneeRuleField } from './AssigneeRuleField';
import { CarbonCopyField } from './CarbonCopyField';
import { DeadlineFields } from './DeadlineFields';
import { FormFieldsEditor } from './FormFieldsEditor';
import { OutputsEditor } from './OutputsEditor';
import { Field, TextField } from './panel-fields';
import { ReturnTargetsField } from './ReturnTargetsField';
import { SeatsEditor } from './SeatsEditor';
import { useNodeEdit } from './use-node-edit.js';

const FORM_SCOPE = ['form'];

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
      <TextField
        id="sgf-prop-form-variable"
        label={t('designer.nodePanels.formVariable')}
        help={t('designer.nodePanels.formVariableHelp')}
        value={node.formVariable}
        onChange={(formVariable, typing) => edit({ formVariable: formVariable || undefined }, typing)}
      />
      <OutputsEditor
        idPrefix="sgf-prop-output"
        outputs={node.outputs}
        scope={FORM_SCOPE}
        onChange={(outputs, typing) => edit({ outputs }, typing)}
      />
      <ReturnTargetsField
        nodeId={node.id}
        value={node.returnTo}
        onChange={(returnTo) => edit({ returnTo })}
      />
      <CarbonCopyField recipients={node.cc} onChange={(cc, typing) => edit({ cc }, typing)} />
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
      <TextField
        id="sgf-prop-votes-variable"
        label={t('designer.nodePanels.votesVariable')}
        value={node.votesVariable}
        onChange={(value, typing) => edit({ votesVariable: value || undefined }, typing)}
      />
      <DeadlineFields node={node} edit={edit} />
      <ReturnTargetsField
        nodeId={node.id}
        value={node.returnTo}
        onChange={(returnTo) => edit({ returnTo })}
      />
      <CarbonCopyField recipients={node.cc} onChange={(cc, typing) => edit({ cc }, typing)} />
    </>
  );
}
