// 抄送 of a task or an approval: the people, or the role holders by scope, notified when the node
// completes, each picked as an assignee is (role + scope, or a named person); the schema allows 20.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AssigneeRule, NodeOf } from '../../../../workflows/engine/definition-schema.js';
import { AssigneeRuleField } from './AssigneeRuleField';
import { Field } from './panel-fields';

type Recipient = NonNullable<NodeOf<'userTask'>['cc']>[number];

const CC_TYPES = ['role', 'user'] as const satisfies readonly Recipient['type'][];
const MAX_RECIPIENTS = 20;

const isRecipient = (rule: AssigneeRule): rule is Recipient => rule.type === 'role' || rule.type === 'user';

export function CarbonCopyField({
  recipients,
  onChange,
}: {
  recipients: readonly Recipient[] | undefined;
  /** undefined when the last recipient goes: the schema wants at least one or no property. */
  onChange: (cc: Recipient[] | undefined, typing?: string) => void;
}) {
  const { t } = useTranslation();
  const list = recipients ?? [];
  const replace = (index: number, rule: AssigneeRule, typing?: string) => {
    if (isRecipient(rule))
      onChange(
        list.map((recipient, at) => (at === index ? rule : recipient)),
        typing,
      );
  };
  const remove = (index: number) => {
    const rest = list.filter((_, at) => at !== index);
    onChange(rest.length > 0 ? rest : undefined);
  };
  return (
    <Field label={t('designer.nodePanels.cc')} help={t('designer.nodePanels.ccHelp')}>
      <Space direction="vertical" className="sgf-designer-stack">
        {list.map((recipient, index) => {
          const name = t('designer.nodePanels.ccRecipient', { n: index + 1 });
          return (
            <div key={index} role="group" aria-label={name} className="sgf-designer-recipient">
              <AssigneeRuleField
                id={`sgf-prop-cc-${index}`}
                label={name}
                rule={recipient}
                types={CC_TYPES}
                onChange={(rule, typing) => replace(index, rule, typing)}
              />
              <Button
                danger
                icon={<DeleteOutlined />}
                aria-label={t('designer.nodePanels.ccRemove', { n: index + 1 })}
                onClick={() => remove(index)}
              />
            </div>
          );
        })}
        <Button
          icon={<PlusOutlined />}
          disabled={list.length >= MAX_RECIPIENTS}
          onClick={() => onChange([...list, { type: 'role', role: 'supervisor', scope: 'unit' }])}
        >
          {t('designer.nodePanels.ccAdd')}
        </Button>
      </Space>
    </Field>
  );
}
