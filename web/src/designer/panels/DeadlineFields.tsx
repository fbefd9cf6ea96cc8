// Due date, reminder and escalation of a task node, each counted from the task's creation, in
// calendar time or working days (工作日, the engine's `5WD`).
import { Checkbox, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NodeOf } from '../../../../workflows/engine/definition-schema.js';
import { RoleSelect } from '../../admin/components/RoleSelect';
import { DurationField, Field } from './panel-fields';
import type { NodeEdit } from './use-node-edit.js';

type DeadlineNode = NodeOf<'userTask'> | NodeOf<'approval'> | NodeOf<'review'>;

export function DeadlineFields<N extends DeadlineNode>({
  node,
  edit,
}: {
  node: N;
  edit: NodeEdit<N['kind']>;
}) {
  const { t } = useTranslation();
  const escalation = node.escalation;
  const patch = edit as NodeEdit<'userTask'>;
  return (
    <>
      <DurationField
        id="sgf-prop-due"
        label={t('designer.deadline.due')}
        value={node.due}
        onChange={(due) => patch({ due })}
      />
      <DurationField
        id="sgf-prop-reminder"
        label={t('designer.deadline.reminder')}
        value={node.reminder?.after}
        onChange={(after) => patch({ reminder: after === undefined ? undefined : { after } })}
      />
      <DurationField
        id="sgf-prop-escalation"
        label={t('designer.deadline.escalation')}
        value={escalation?.after}
        onChange={(after) =>
          patch({
            escalation:
              after === undefined
                ? undefined
                : { toRole: 'supervisor', scope: 'unitOrAncestors', reassign: false, ...escalation, after },
          })
        }
      />
      {escalation && (
        <Field label={t('designer.deadline.escalateTo')} htmlFor="sgf-prop-escalate-to">
          <Space direction="vertical" className="sgf-designer-stack">
            <Space.Compact block>
              <RoleSelect
                id="sgf-prop-escalate-to"
                value={escalation.toRole}
                onChange={(toRole) => patch({ escalation: { ...escalation, toRole } })}
                className="sgf-designer-grow"
              />
              <Select
                aria-label={t('designer.assignee.scope')}
                value={escalation.scope}
                onChange={(scope) => patch({ escalation: { ...escalation, scope } })}
                options={(['unit', 'ancestors', 'unitOrAncestors'] as const).map((scope) => ({
                  value: scope,
                  label: t(`designer.scope.${scope}`),
                }))}
                className="sgf-designer-grow"
              />
            </Space.Compact>
            <Checkbox
              checked={escalation.reassign}
              onChange={(event) => patch({ escalation: { ...escalation, reassign: event.target.checked } })}
            >
              {t('designer.deadline.reassign')}
            </Checkbox>
          </Space>
        </Field>
      )}
    </>
  );
}
